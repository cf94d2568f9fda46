import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";

/**
 * Working groups (phase 4) and governance bodies (phase 5, issue 13) are the same record: a body is a group
 * whose kind is one of `governanceKinds`, so meetings, invitations, attendance, minutes and calendars serve both.
 */
export const workingGroupKinds = ["groupe_de_travail", "commission", "comite", "atelier"] as const;
export const governanceKinds = ["comite_pilotage", "comite_technique", "coordination", "autre_instance"] as const;
export const groupKinds = [...workingGroupKinds, ...governanceKinds] as const;
export type GroupKind = (typeof groupKinds)[number];
export const groupKind = pgEnum("group_kind", groupKinds);

export const groupRhythms = ["mensuel", "bimestriel", "trimestriel", "semestriel", "annuel", "ponctuel"] as const;
export type GroupRhythm = (typeof groupRhythms)[number];
export const groupRhythm = pgEnum("group_rhythm", groupRhythms);

/** A working group of the territory (phase 4), meant to cross worlds that rarely meet. */
export const groups = pgTable(
  "groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    kind: groupKind("kind").notNull(),
    /** How often a governance body meets (null for working groups, or not said). */
    rhythm: groupRhythm("rhythm"),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("groups_territory_idx").on(t.territoryId)],
);

/** président·e and co-porteur are the governance bodies' roles; a body's président·e animates it. */
export const groupRoles = ["animateur", "membre", "invite", "president", "co_porteur"] as const;
export type GroupRole = (typeof groupRoles)[number];
export const groupRole = pgEnum("group_role", groupRoles);
/** The roles that lead a group or body (animate it, approve minutes): animateur·rice, and a body's président·e. */
export const leadingRoles: readonly GroupRole[] = ["animateur", "president"];
/** A person listed twice in a group keeps the strongest role. */
export const roleRank: Readonly<Record<GroupRole, number>> = { invite: 0, membre: 1, co_porteur: 2, animateur: 3, president: 4 };

/**
 * A person in a group: an account (user_id) or a person known by name and e-mail until they sign in, each
 * linked to an actor (the structure they come from), hence to its worlds.
 */
export const groupMembers = pgTable(
  "group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email"),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "set null" }),
    role: groupRole("role").notNull().default("membre"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_members_group_idx").on(t.groupId), index("group_members_user_idx").on(t.userId)],
);

/** Whether a proposal is still discussed, or became an action draft of the plan (kept with the link). */
export const groupProposalStatuses = ["ouverte", "transformee"] as const;
export type GroupProposalStatus = (typeof groupProposalStatuses)[number];
export const groupProposalStatus = pgEnum("group_proposal_status", groupProposalStatuses);

/**
 * A proposal made inside a group by one of its members: discussed (comments), supported (one support per
 * person), then possibly turned into an action draft of the plan (`actionId`, the draft keeps origin = proposal).
 * The territory id is repeated so that every read is scoped by territory without a join.
 */
export const groupProposals = pgTable(
  "group_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull().default(""),
    status: groupProposalStatus("status").notNull().default("ouverte"),
    /** The plan action drafted from it (plan_actions.id); no foreign key: the plan may drop the draft, the proposal keeps its history. */
    actionId: uuid("action_id"),
    convertedAt: timestamp("converted_at", { withTimezone: true }),
    convertedBy: text("converted_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_proposals_group_idx").on(t.territoryId, t.groupId)],
);

export const groupProposalComments = pgTable(
  "group_proposal_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => groupProposals.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull().default(""),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("group_proposal_comments_proposal_idx").on(t.proposalId)],
);

/** One support per person and proposal (the primary key says so). */
export const groupProposalSupports = pgTable(
  "group_proposal_supports",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => groupProposals.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    supportedAt: timestamp("supported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/**
 * Shared watch (veille): a link with a summary and themes, posted by a member of the territory, optionally
 * from one of its groups. Read on the territory's digest page and in the weekly e-mail of those who ask for it.
 */
export const watchItems = pgTable(
  "watch_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
    url: text("url").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    themes: text("themes").array().notNull().default([]),
    postedBy: text("posted_by").references(() => user.id, { onDelete: "set null" }),
    postedByName: text("posted_by_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("watch_items_territory_idx").on(t.territoryId, t.createdAt)],
);

/**
 * A person's opt-in to the weekly digest of the shared watch (one per person, for every territory they belong
 * to). No row: no mail. `lastSentAt` says when the last digest left, so that each person gets one a week.
 */
export const watchDigestSubscriptions = pgTable("watch_digest_subscriptions", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  subscribedAt: timestamp("subscribed_at", { withTimezone: true }).notNull().defaultNow(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
});
