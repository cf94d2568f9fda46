import { doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { indicators } from "@/modules/indicators";
import { decisions } from "@/modules/meetings";

export const charterKinds = ["charte", "contrat"] as const;
export type CharterKind = (typeof charterKinds)[number];
export const charterKind = pgEnum("charter_kind", charterKinds);

/** The territory's charter (or territorial contract) of commitments (phase 5). Its text lives in versions. */
export const charters = pgTable(
  "charters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: charterKind("kind").notNull().default("charte"),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("charters_territory_idx").on(t.territoryId)],
);

/**
 * brouillon: editable (common parts by the coordination, each partner's section by that partner);
 * soumise: frozen for signature — `content` holds the canonical snapshot and `contentSha256` its hash, and
 * nothing may change it by any path; a later change starts a new version (number + 1) copied from it.
 * signee: every named signatory has signed. remplacee: a newer version was submitted after it.
 */
export const charterVersionStatuses = ["brouillon", "soumise", "signee", "remplacee"] as const;
export type CharterVersionStatus = (typeof charterVersionStatuses)[number];
export const charterVersionStatus = pgEnum("charter_version_status", charterVersionStatuses);

export const charterVersions = pgTable(
  "charter_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    charterId: uuid("charter_id")
      .notNull()
      .references(() => charters.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: charterVersionStatus("status").notNull().default("brouillon"),
    /** The canonical content (composed parts + commitments), written once at submission. */
    content: jsonb("content").$type<unknown>(),
    contentSha256: text("content_sha256"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Bumped by every write to the draft: a save or a signature against a stale revision gets a 409. */
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("charter_versions_number_idx").on(t.charterId, t.number), index("charter_versions_territory_idx").on(t.territoryId)],
);

/** The common parts the coordination writes; the diagnostic, strategy, plan and governance parts are composed from the modules, with this text as their introduction. */
export const charterSectionKinds = ["preambule", "diagnostic", "vision", "plan", "gouvernance", "dispositions"] as const;
export type CharterSectionKind = (typeof charterSectionKinds)[number];
export const charterSectionKind = pgEnum("charter_section_kind", charterSectionKinds);

export const charterSections = pgTable(
  "charter_sections",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => charterVersions.id, { onDelete: "cascade" }),
    kind: charterSectionKind("kind").notNull(),
    title: text("title").notNull(),
    /** Markdown, rendered sanitised. */
    body: text("body").notNull().default(""),
    updatedBy: text("updated_by").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.kind] })],
);

/**
 * A partner of the charter: a structure (actor) that writes its own commitment section, and the person it
 * names to sign (an account of the platform: signing needs one; `signatoryName`/`signatoryTitle` as printed).
 */
export const charterPartners = pgTable(
  "charter_partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    charterId: uuid("charter_id")
      .notNull()
      .references(() => charters.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "restrict" }),
    signatoryUserId: text("signatory_user_id").references(() => user.id, { onDelete: "set null" }),
    signatoryName: text("signatory_name").notNull().default(""),
    signatoryTitle: text("signatory_title").notNull().default(""),
    position: integer("position").notNull().default(0),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("charter_partners_actor_idx").on(t.charterId, t.actorId)],
);

/**
 * One commitment of a partner in one version. `lineageId` stays the same when a new version copies it, so
 * versions compare commitment by commitment and commitment health follows it over time.
 * Money in euros (whole cents are not asked of a partner); in kind in days and/or words.
 */
export const charterCommitments = pgTable(
  "charter_commitments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => charterVersions.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => charterPartners.id, { onDelete: "cascade" }),
    lineageId: uuid("lineage_id").notNull().defaultRandom(),
    text: text("text").notNull(),
    moneyEuros: integer("money_euros"),
    inKindDays: doublePrecision("in_kind_days"),
    inKindText: text("in_kind_text").notNull().default(""),
    position: integer("position").notNull().default(0),
    updatedBy: text("updated_by").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("charter_commitments_version_idx").on(t.versionId, t.partnerId), index("charter_commitments_lineage_idx").on(t.lineageId)],
);

export const commitmentActionRoles = ["pilote", "soutien"] as const;
export type CommitmentActionRole = (typeof commitmentActionRoles)[number];
export const commitmentActionRole = pgEnum("commitment_action_role", commitmentActionRoles);

/** The plan actions a commitment leads or supports, by the action's lineage (stable across plan versions). */
export const charterCommitmentActions = pgTable(
  "charter_commitment_actions",
  {
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => charterCommitments.id, { onDelete: "cascade" }),
    actionLineageId: uuid("action_lineage_id").notNull(),
    role: commitmentActionRole("role").notNull().default("soutien"),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.actionLineageId] }), index("charter_commitment_actions_action_idx").on(t.actionLineageId)],
);

/** The indicators that will show whether a commitment is kept. */
export const charterCommitmentIndicators = pgTable(
  "charter_commitment_indicators",
  {
    commitmentId: uuid("commitment_id")
      .notNull()
      .references(() => charterCommitments.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.indicatorId] }), index("charter_commitment_indicators_indicator_idx").on(t.indicatorId)],
);

/** Decisions of the governance linked to commitments (by lineage: a decision concerns the commitment across versions). */
export const decisionCommitments = pgTable(
  "decision_commitments",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    commitmentLineageId: uuid("commitment_lineage_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.commitmentLineageId] })],
);

/**
 * Comments on a draft, per section: `section` is a common part's kind (preambule…dispositions) or `partenaire:<partner id>`
 * for a partner's commitment section. Comments belong to the draft they were written on (a new version starts without them).
 */
export const charterComments = pgTable(
  "charter_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => charterVersions.id, { onDelete: "cascade" }),
    section: text("section").notNull(),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("charter_comments_version_idx").on(t.versionId, t.section)],
);
