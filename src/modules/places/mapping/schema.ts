import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";
import type { ProjectionCode } from "./normalize/projections";

/**
 * How a producer's terms become the standard's values for one enumerated or list field
 * (decision 014). Applied after the cells are split into terms; unlisted terms go through the
 * automatic translation (the standard's vocabulary, then the v0.1 table).
 */
export type ValueTranslation = {
  /** Further columns whose terms feed the same field (e.g. « Publics 1 », « Publics 2 »). */
  columns?: string[];
  /** Producers' terms → standard values (several terms may give the same value; one term may give several). */
  rules?: { terms: string[]; values: string[] }[];
  /** Terms that must not produce any value (e.g. « Autre », « Non renseigné »). */
  exclude?: string[];
};

/** A value made of several columns (decision 014). */
export type Composition =
  /** Non-empty cells joined with the separator (street number + street). */
  | { kind: "concat"; columns: string[]; separator: string }
  /** Monday … Sunday columns ("" = no column for that day) combined into one OSM opening_hours value. */
  | { kind: "hours_by_day"; days: string[] };

/**
 * How a producer's own columns map to the fields of the national standard. Stored as jsonb:
 * every key added since the first version is optional, so a mapping saved before still reads.
 */
export type ColumnMapping = {
  /** Standard field name → the producer's column name (absent = not mapped). */
  fields: Record<string, string>;
  /** Standard field name → a fixed value applied to every row (e.g. the pivot or the source). */
  constants?: Record<string, string>;
  /** Enumerated / list field → translation of the producer's terms. */
  translations?: Record<string, ValueTranslation>;
  /** Field → a value composed of several columns (used instead of `fields` for that field). */
  compose?: Record<string, Composition>;
  /** Projection of the longitude/latitude columns, chosen in the preview; absent = detected from the values at each import. */
  projection?: ProjectionCode;
};

/** Mappings saved under a name by a territory, to reuse on the producer's next file. */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<ColumnMapping>().notNull(),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("import_mappings_name_idx").on(t.territoryId, t.name)],
);
