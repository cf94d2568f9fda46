import { doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communes } from "@/modules/geo";
import { territories } from "@/modules/territories";

/** A coordinator's own indicator per commune (imported from a CSV keyed by INSEE code). */
export const customIndicators = pgTable(
  "custom_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    label: text("label").notNull(),
    unit: text("unit").notNull().default(""),
    source: text("source").notNull().default(""),
    createdBy: text("created_by").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("custom_indicators_key_idx").on(t.territoryId, t.key)],
);

export const customIndicatorValues = pgTable(
  "custom_indicator_values",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => customIndicators.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    value: doublePrecision("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.communeCode] })],
);

/** A dated, numbered version of the État des lieux: the figures as they were, so a signed PDF can be reproduced. */
export const diagnosticReports = pgTable(
  "diagnostic_reports",
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
  (t) => [uniqueIndex("diagnostic_reports_version_idx").on(t.territoryId, t.version)],
);
