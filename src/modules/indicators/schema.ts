import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { strategyObjectives } from "@/modules/strategy";

/** What a value counts: it decides how values are checked (a share stays within 0–100, a count is whole). */
export const indicatorUnits = ["nombre", "pourcentage", "euros", "heures", "jours", "personnes", "lieux", "ratio"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
export const indicatorUnit = pgEnum("indicator_unit", indicatorUnits);

/** Which way is better: up (hausse), down (baisse), or holding a level (maintien). */
export const indicatorDirections = ["hausse", "baisse", "maintien"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirection = pgEnum("indicator_direction", indicatorDirections);

export const indicatorPeriodicities = ["mensuelle", "trimestrielle", "semestrielle", "annuelle"] as const;
export type IndicatorPeriodicity = (typeof indicatorPeriodicities)[number];
export const indicatorPeriodicity = pgEnum("indicator_periodicity", indicatorPeriodicities);

/** manuel: people enter measurements; calcule: the platform computes it from its own data (`computedKey`). */
export const indicatorSources = ["manuel", "calcule"] as const;
export type IndicatorSource = (typeof indicatorSources)[number];
export const indicatorSource = pgEnum("indicator_source", indicatorSources);

/**
 * An indicator of the evaluation (phase 7), on an objective of the strategy or on an action of the plan.
 * Actions are versioned, so an indicator points at the action's `lineage_id` (stable across plan versions);
 * no foreign key there, the plan may drop an action while its indicator keeps its history.
 * The indicator lives over a period (`startsOn`–`endsOn`): measurements outside it are refused.
 */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id").references(() => strategyObjectives.id, { onDelete: "restrict" }),
    actionLineageId: uuid("action_lineage_id"),
    name: text("name").notNull(),
    definition: text("definition").notNull().default(""),
    unit: indicatorUnit("unit").notNull(),
    direction: indicatorDirection("direction").notNull().default("hausse"),
    baselineValue: doublePrecision("baseline_value"),
    baselineOn: date("baseline_on"),
    periodicity: indicatorPeriodicity("periodicity").notNull().default("annuelle"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    source: indicatorSource("source").notNull().default("manuel"),
    /** For computed indicators: which computation (a key of the composition layer's catalogue) and its parameters. */
    computedKey: text("computed_key"),
    computedParams: jsonb("computed_params").$type<Record<string, string | number | boolean>>().notNull().default({}),
    /** Where the figures come from, in words (« Enquête annuelle des lieux », « INSEE »…). */
    dataSource: text("data_source").notNull().default(""),
    /** Who answers for it: a person named in words, and optionally their structure. */
    ownerName: text("owner_name").notNull().default(""),
    ownerActorId: uuid("owner_actor_id").references(() => actors.id, { onDelete: "set null" }),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicators_territory_idx").on(t.territoryId), index("indicators_objective_idx").on(t.objectiveId), index("indicators_action_idx").on(t.actionLineageId)],
);

/** A target for the end of a period (one per period end). */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [uniqueIndex("indicator_targets_period_idx").on(t.indicatorId, t.periodEnd)],
);

/**
 * A measurement: a value at a date, typed by someone (`enteredBy`) or snapshotted by the platform
 * (`computed`, one per indicator and date: the periodic job is idempotent).
 */
export const indicatorMeasurements = pgTable(
  "indicator_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on").notNull(),
    value: doublePrecision("value").notNull(),
    comment: text("comment").notNull().default(""),
    isEstimate: boolean("is_estimate").notNull().default(false),
    computed: boolean("computed").notNull().default(false),
    enteredBy: text("entered_by").references(() => user.id, { onDelete: "set null" }),
    enteredByLabel: text("entered_by_label").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("indicator_measurements_indicator_idx").on(t.indicatorId, t.measuredOn),
    // The periodic snapshot writes at most one computed value per indicator and date, even if two runs overlap.
    uniqueIndex("indicator_measurements_computed_idx").on(t.indicatorId, t.measuredOn).where(sql`${t.computed}`),
  ],
);

/**
 * Published versions of the evaluation report (issue 13), like the État des lieux's: version N keeps the figures
 * it was published with (`snapshot`), so that it reads the same next year and the next one can say what changed.
 */
export const evaluationReports = pgTable(
  "evaluation_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text("published_by").notNull().default(""),
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [uniqueIndex("evaluation_reports_version_idx").on(t.territoryId, t.version)],
);
