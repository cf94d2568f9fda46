import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, smallint, text, date, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { places } from "@/modules/places";

export const accompanimentKinds = ["individuel", "collectif"] as const;
export type AccompanimentKind = (typeof accompanimentKinds)[number];
export const accompanimentKind = pgEnum("accompaniment_kind", accompanimentKinds);

/** Where it happened: in the place, at the person's home, or at a distance (phone, video). */
export const accompanimentSettings = ["lieu", "domicile", "distance"] as const;
export type AccompanimentSetting = (typeof accompanimentSettings)[number];
export const accompanimentSetting = pgEnum("accompaniment_setting", accompanimentSettings);

/** Autonomy reached at the end, in the words of La Coop de la médiation numérique's activity records. */
export const autonomyLevels = ["entierement", "partiellement", "pas_autonome"] as const;
export type AutonomyLevel = (typeof autonomyLevels)[number];
export const autonomyLevel = pgEnum("autonomy_level", autonomyLevels);

export const accompanimentOrigins = ["saisie", "import", "demo"] as const;
export const accompanimentOrigin = pgEnum("accompaniment_origin", accompanimentOrigins);

/**
 * One accompaniment a mediator gave (phase 7): counts and categories only — NO name, contact or any personal
 * data of the people accompanied; age bands and statuses are counts (`{ "60_69": 2 }`), never a person.
 * `placeId` is the place it belongs to (the mediator's own by default), `orientedToPlaceId` a place of the
 * registry the person was sent to. `clientId` makes an offline entry sent twice land once.
 */
export const accompaniments = pgTable(
  "accompaniments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    placeId: uuid("place_id")
      .notNull()
      .references(() => places.id, { onDelete: "restrict" }),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "set null" }),
    occurredOn: date("occurred_on").notNull(),
    kind: accompanimentKind("kind").notNull(),
    people: integer("people").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** Keys of the standard's services and of the online-procedure domains. */
    themes: text("themes").array().notNull().default([]),
    equipment: text("equipment").array().notNull().default([]),
    setting: accompanimentSetting("setting").notNull().default("lieu"),
    autonomy: autonomyLevel("autonomy"),
    orientedToPlaceId: uuid("oriented_to_place_id").references(() => places.id, { onDelete: "set null" }),
    /** Collective sessions only: a title and a level. Free text is checked for personal data before it is kept. */
    title: text("title").notNull().default(""),
    level: text("level"),
    ageBands: jsonb("age_bands").$type<Record<string, number>>().notNull().default({}),
    statuses: jsonb("statuses").$type<Record<string, number>>().notNull().default({}),
    origin: accompanimentOrigin("origin").notNull().default("saisie"),
    clientId: uuid("client_id"),
    recordedBy: text("recorded_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("accompaniments_territory_day_idx").on(t.territoryId, t.occurredOn),
    index("accompaniments_place_idx").on(t.placeId, t.occurredOn),
    index("accompaniments_recorder_idx").on(t.recordedBy, t.createdAt),
    uniqueIndex("accompaniments_client_idx").on(t.territoryId, t.clientId),
  ],
);

/**
 * Pre-aggregated counts per territory, month, place and one dimension value, kept in the same transaction as
 * every write of `accompaniments` (aggregate.ts): statistics read this small table instead of scanning millions
 * of records. dimension: "total" (value ""), "theme", "kind", "setting", "autonomy", "age", "status", "actor".
 * Multi-valued dimensions count a record once per value. The orientation flows have their own table
 * (`accompaniment_flows`, decision 029 amended in session 9).
 */
export const accompanimentStats = pgTable(
  "accompaniment_stats",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    placeId: uuid("place_id").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    records: integer("records").notNull().default(0),
    people: integer("people").notNull().default(0),
    minutes: integer("minutes").notNull().default(0),
  },
  (t) => [
    uniqueIndex("accompaniment_stats_key_idx").on(t.territoryId, t.month, t.placeId, t.dimension, t.value),
    index("accompaniment_stats_dimension_idx").on(t.territoryId, t.dimension, t.month),
    // A place's (or a commune's places') statistics: decision 029.
    index("accompaniment_stats_place_idx").on(t.placeId, t.dimension, t.month),
    // The table per place of a territory (and its communes): the "total" rows only, with their sums in the
    // index, read without visiting the heap (decision 029, amended: 36,000 rows of 3 years were as many heap
    // pages). Only the total row of each record loses its HOT update.
    index("accompaniment_stats_total_idx")
      .on(t.territoryId, t.month, t.placeId, t.records, t.people, t.minutes)
      .where(sql`dimension = 'total'`),
  ],
);

/**
 * The same counts without the place (decision 029): territory × month × dimension × value. The territory-wide
 * dashboard (by theme, public, month, structure…) reads a few hundred rows here instead of summing the
 * place rows (hundreds of thousands over 1,000 places and 3 years). Kept by `aggregateIn`, in the same
 * transaction as `accompaniment_stats`; a filter on a place or a commune reads `accompaniment_stats`.
 * dimension: those of `accompaniment_stats` except "orientation" (a flow needs its place of origin), plus
 * "actor" (value = the structure that recorded it).
 * `shard` (0–15, from the place) stripes each counter over 16 rows: mediators of different places recording at
 * the same moment then update different rows instead of queueing on one row lock (decision 029); reads sum
 * the shards.
 */
export const accompanimentTerritoryStats = pgTable(
  "accompaniment_territory_stats",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    shard: smallint("shard").notNull().default(0),
    records: integer("records").notNull().default(0),
    people: integer("people").notNull().default(0),
    minutes: integer("minutes").notNull().default(0),
  },
  (t) => [uniqueIndex("accompaniment_territory_stats_key_idx").on(t.territoryId, t.dimension, t.month, t.value, t.shard)],
);

/**
 * Orientation flows pre-aggregated over dyadic blocks of months (decision 029, amended): territory × block ×
 * from place × to place → records, people. A block is `grain` k (0–16) and `start`, the index of its first month
 * counted from January of year 1 (`(year - 1) * 12 + month - 1`), a multiple of 2^k; it covers 2^k months. Every
 * orientation is counted once at each of the 17 grains (aggregate.ts, same transaction as the record), so any
 * period of months is the sum of a few blocks (flows.ts: at most 2 per grain, about 4 for a year) and the whole
 * history is one block (grain 16, start 0): the page reads about as many rows as there are distinct flows,
 * whatever the period, instead of one row per flow and per month.
 */
export const accompanimentFlows = pgTable(
  "accompaniment_flows",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    grain: smallint("grain").notNull(),
    start: integer("start").notNull(),
    fromPlaceId: uuid("from_place_id").notNull(),
    toPlaceId: uuid("to_place_id").notNull(),
    records: integer("records").notNull().default(0),
    people: integer("people").notNull().default(0),
  },
  // The migration (0015) adds INCLUDE (records, people) to this index by hand: index-only reads of a block.
  (t) => [uniqueIndex("accompaniment_flows_key_idx").on(t.territoryId, t.grain, t.start, t.fromPlaceId, t.toPlaceId)],
);
