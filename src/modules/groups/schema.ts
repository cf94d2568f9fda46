import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";

export const groupKinds = ["groupe_de_travail", "commission", "comite", "atelier"] as const;
export type GroupKind = (typeof groupKinds)[number];
export const groupKind = pgEnum("group_kind", groupKinds);

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
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("groups_territory_idx").on(t.territoryId)],
);

export const groupRoles = ["animateur", "membre", "invite"] as const;
export type GroupRole = (typeof groupRoles)[number];
export const groupRole = pgEnum("group_role", groupRoles);

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
