import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";
import { findings } from "@/modules/findings";

export const horizons = ["court", "moyen", "long"] as const;
export type Horizon = (typeof horizons)[number];
export const objectiveHorizon = pgEnum("objective_horizon", horizons);

/** The territory's vision statement: one per territory (phase 5). */
export const strategyVisions = pgTable("strategy_visions", {
  territoryId: uuid("territory_id")
    .primaryKey()
    .references(() => territories.id, { onDelete: "cascade" }),
  text: text("text").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull().default(""),
});

/** A priority axis ("axe prioritaire"): objectives and actions are arranged under axes. */
export const strategyAxes = pgTable(
  "strategy_axes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("strategy_axes_territory_idx").on(t.territoryId, t.position)],
);

/** An objective over a horizon, justified by findings of the diagnostic and tagged with themes. */
export const strategyObjectives = pgTable(
  "strategy_objectives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    /** Optional: an objective may serve one axis. Deleting an axis keeps its objectives. */
    axisId: uuid("axis_id").references(() => strategyAxes.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    horizon: objectiveHorizon("horizon").notNull(),
    /** Theme ids of src/modules/themes. */
    themes: text("themes").array().notNull().default([]),
    position: integer("position").notNull().default(0),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("strategy_objectives_territory_idx").on(t.territoryId, t.position)],
);

/** The findings that justify an objective (a priority question answered, a strength built on). */
export const objectiveFindings = pgTable(
  "strategy_objective_findings",
  {
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => strategyObjectives.id, { onDelete: "cascade" }),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.objectiveId, t.findingId] }), index("strategy_objective_findings_finding_idx").on(t.findingId)],
);
