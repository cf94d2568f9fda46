import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";

/** How a producer's own columns map to the fields of the national standard. */
export type ColumnMapping = {
  /** Standard field name → the producer's column name (absent = not mapped). */
  fields: Record<string, string>;
  /** Standard field name → a fixed value applied to every row (e.g. the pivot or the source). */
  constants?: Record<string, string>;
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
