import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communes } from "@/modules/geo";
import { actors } from "@/modules/actors";
import type { NormalizedPlace } from "./standard/schema";

/**
 * Digital-mediation places: one registry shared by all territories (a territory sees the places
 * whose commune lies in its perimeter). A place is identified by its provenance (source, source id):
 * re-importing the same file updates instead of duplicating.
 */
export const places = pgTable(
  "places",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    source: text("source").notNull(),
    sourceId: text("source_id").notNull(),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "set null" }),
    communeCode: text("commune_code").references(() => communes.code),
    name: text("name").notNull(),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    // List fields of the standard, kept as arrays for filtering.
    services: text("services").array().notNull().default([]),
    publics: text("publics").array().notNull().default([]),
    support: text("support").array().notNull().default([]),
    fees: text("fees").array().notNull().default([]),
    access: text("access").array().notNull().default([]),
    hours: text("hours"),
    /** The whole record in the national standard v1.0.2. */
    data: jsonb("data").$type<NormalizedPlace>().notNull(),
    updatedOn: date("updated_on"),
    search: text("search").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
    modifiedBy: text("modified_by").notNull().default(""),
  },
  (t) => [
    uniqueIndex("places_source_idx").on(t.source, t.sourceId),
    index("places_commune_idx").on(t.communeCode),
    index("places_actor_idx").on(t.actorId),
    index("places_services_idx").using("gin", t.services),
  ],
);
