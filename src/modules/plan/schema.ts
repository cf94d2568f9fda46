import { boolean, date, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import { actionStatuses, fundingStatuses, inKindKinds } from "./vocabulary";

// The vocabularies live in vocabulary.ts (client-safe); re-exported here where the spine declared them.
export { actionStatuses, fundingStatuses, inKindKinds, type ActionStatus, type FundingStatus } from "./vocabulary";

export const planKinds = ["annuel", "pluriannuel"] as const;
export const planKind = pgEnum("plan_kind", planKinds);

/**
 * A version of the territory's action plan. Versions are numbered per territory (1, 2…); the working version
 * is the latest one not frozen. Freezing keeps a version as it was (read-only); a new version starts as a copy
 * of the latest, its actions keeping their `lineage_id` so that two versions compare action by action.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    kind: planKind("kind").notNull(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    frozenAt: timestamp("frozen_at", { withTimezone: true }),
    frozenBy: text("frozen_by"),
    /** A frozen version the coordination chose to show on the territory's public page (one at a time). */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The content revision: bumped in the same transaction by every write of the version or of what it
     * holds (actions and their rows, the territory's in-kind valuation). The read side keeps each computed
     * view under it (read.ts, ADR 031), so a write shows at the next request. Taking this row's lock first
     * also orders a write after a concurrent freeze.
     */
    contentRevision: integer("content_revision").notNull().default(0),
  },
  (t) => [uniqueIndex("plan_versions_territory_number").on(t.territoryId, t.number)],
);

/** How the territory values in-kind means: in days or in euros (with the value of one day). */
export const planSettings = pgTable("plan_settings", {
  territoryId: uuid("territory_id")
    .primaryKey()
    .references(() => territories.id, { onDelete: "cascade" }),
  inKindUnit: text("in_kind_unit").notNull().default("euros"),
  dayValueEuros: numeric("day_value_euros", { precision: 10, scale: 2, mode: "number" }).notNull().default(300),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const planActionStatus = pgEnum("plan_action_status", actionStatuses);

/** Where an action came from, when not typed: a group's proposal or a meeting's decision. */
export const actionOrigins = ["typed", "proposal", "decision"] as const;

export const planActions = pgTable(
  "plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => planVersions.id, { onDelete: "cascade" }),
    /** The same action across versions (copied by a new version). */
    lineageId: uuid("lineage_id").notNull().defaultRandom(),
    axisId: uuid("axis_id").references(() => strategyAxes.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The lead ("porteur"); an actor that leads actions cannot be deleted (restrict, refused with the list). */
    leadActorId: uuid("lead_actor_id").references(() => actors.id, { onDelete: "restrict" }),
    publics: text("publics").array().notNull().default([]),
    themes: text("themes").array().notNull().default([]),
    /** INSEE codes of the communes targeted, within the territory's perimeter. */
    communes: text("communes").array().notNull().default([]),
    /** First day of the start and end months (YYYY-MM-01). */
    startMonth: date("start_month", { mode: "string" }),
    endMonth: date("end_month", { mode: "string" }),
    status: planActionStatus("status").notNull().default("idee"),
    recurring: boolean("recurring").notNull().default(false),
    position: integer("position").notNull().default(0),
    origin: text("origin").notNull().default("typed"),
    /** The proposal or decision id it came from (groups / meetings), kept as a link. */
    originId: uuid("origin_id"),
    /** Optimistic concurrency: a save must carry the revision it was read at (409 otherwise). */
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_actions_version_idx").on(t.territoryId, t.versionId, t.axisId, t.position), index("plan_actions_lead_idx").on(t.leadActorId)],
);

/** The objectives an action serves; an objective with actions cannot be deleted (restrict, refused with the list). */
export const planActionObjectives = pgTable(
  "plan_action_objectives",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => strategyObjectives.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.objectiveId] }), index("plan_action_objectives_objective_idx").on(t.objectiveId)],
);

/** Partner actors of an action, with their role in words ("co-porteur", "relais", "financeur"…). */
export const planActionPartners = pgTable(
  "plan_action_partners",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "restrict" }),
    role: text("role").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.actorId] })],
);

export const planActionSteps = pgTable(
  "plan_action_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    done: boolean("done").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("plan_action_steps_action_idx").on(t.actionId)],
);

/** One yearly budget line of an action: planned and actual cost, in euros. */
export const planBudgetLines = pgTable(
  "plan_budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    item: text("item").notNull(),
    planned: numeric("planned", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    actual: numeric("actual", { precision: 14, scale: 2, mode: "number" }),
  },
  (t) => [index("plan_budget_lines_action_idx").on(t.actionId, t.year)],
);

export const planFundingStatus = pgEnum("plan_funding_status", fundingStatuses);

/** Co-funding of an action by a source (catalogue or named funder), per year, with its status and amount. */
export const planFundings = pgTable(
  "plan_fundings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id").references(() => fundingSources.id, { onDelete: "restrict" }),
    /** Funder in words when no catalogue source fits. */
    funderLabel: text("funder_label").notNull().default(""),
    year: integer("year").notNull(),
    status: planFundingStatus("status").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
  },
  (t) => [index("plan_fundings_action_idx").on(t.actionId, t.year), index("plan_fundings_source_idx").on(t.sourceId)],
);

export const planInKindKind = pgEnum("plan_in_kind_kind", inKindKinds);

/** A contribution in kind: staff time, rooms, equipment, volunteers — in days, valued in euros when known. */
export const planInKind = pgTable(
  "plan_in_kind",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "restrict" }),
    kind: planInKindKind("kind").notNull(),
    description: text("description").notNull().default(""),
    year: integer("year").notNull(),
    days: numeric("days", { precision: 10, scale: 2, mode: "number" }),
    valueEuros: numeric("value_euros", { precision: 14, scale: 2, mode: "number" }),
  },
  (t) => [index("plan_in_kind_action_idx").on(t.actionId)],
);

/** A document of an action: a link (files stay where the territory keeps them). */
export const planActionDocuments = pgTable("plan_action_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  actionId: uuid("action_id")
    .notNull()
    .references(() => planActions.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  url: text("url").notNull(),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The indicators that will show whether an action works. Until the evaluation issue brings indicators with
 * baselines and targets, an indicator is a key of the diagnostic's indicators (built-in or imported) or a label.
 */
export const planActionIndicators = pgTable(
  "plan_action_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    indicatorKey: text("indicator_key"),
    label: text("label").notNull(),
  },
  (t) => [index("plan_action_indicators_action_idx").on(t.actionId)],
);
