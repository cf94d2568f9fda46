import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { actionStatuses, planActions } from "@/modules/plan";
import { decisions } from "@/modules/meetings";

// Governance bodies are groups (src/modules/groups/schema.ts, `governanceKinds`): this module adds only what a
// body does not share with a working group — the status changes of plan actions that cite a decision, and the
// coordination's public contacts.

/** The plan's statuses, repeated as this table's own type (the plan's enum is plan_action_status). */
export const citedStatus = pgEnum("governance_action_status", actionStatuses);

/**
 * An action's status changed because of a decision: the action (this version's row, and its lineage so that the
 * history follows the action across plan versions), from → to, the decision cited, who and when. Written in the
 * same transaction as the status itself (plan's `setActionStatusIn`). A deleted decision leaves the change (set null).
 */
export const actionStatusCitations = pgTable(
  "action_status_citations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => planActions.id, { onDelete: "set null" }),
    actionLineageId: uuid("action_lineage_id").notNull(),
    fromStatus: citedStatus("from_status").notNull(),
    toStatus: citedStatus("to_status").notNull(),
    decisionId: uuid("decision_id").references(() => decisions.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    changedById: text("changed_by_id").references(() => user.id, { onDelete: "set null" }),
    changedBy: text("changed_by").notNull().default(""),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_status_citations_lineage_idx").on(t.territoryId, t.actionLineageId, t.changedAt), index("action_status_citations_decision_idx").on(t.decisionId)],
);

/**
 * The coordination's named contacts, published on the territory's public page. Everything here is public by
 * choice: the coordination writes only what it wants shown (a role address rather than a personal one).
 */
export const coordinationContacts = pgTable(
  "coordination_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").notNull().default(""),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "set null" }),
    structure: text("structure").notNull().default(""),
    publicEmail: text("public_email"),
    publicPhone: text("public_phone"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("coordination_contacts_territory_idx").on(t.territoryId, t.position)],
);
