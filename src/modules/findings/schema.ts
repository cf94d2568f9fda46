import { boolean, doublePrecision, index, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";

/**
 * Per territory, the diagnostic's settings: what counts as "far from help" and "fragile" for white zones
 * (read by diagnostic/settings.ts), and whether partners record findings (read here). Declared in findings,
 * the lower of the two modules, so that findings never imports diagnostic (diagnostic reads findings for the
 * état des lieux); the table keeps its name, no migration.
 */
export const diagnosticSettings = pgTable("diagnostic_settings", {
  territoryId: uuid("territory_id")
    .primaryKey()
    .references(() => territories.id, { onDelete: "cascade" }),
  // Same defaults as validation.ts (DEFAULT_DISTANCE_KM, DEFAULT_IFN_THRESHOLD).
  distanceKm: doublePrecision("distance_km").notNull().default(10),
  ifnThreshold: doublePrecision("ifn_threshold").notNull().default(6.5),
  /** "The coordinator (and partners, if allowed) records findings." */
  partnersRecordFindings: boolean("partners_record_findings").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull().default(""),
});

/** A named group of findings (e.g. "Démarches en ligne des seniors"). */
export const findingGroups = pgTable("finding_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  territoryId: uuid("territory_id")
    .notNull()
    .references(() => territories.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A finding of the diagnostic: a strength ("atout") or a question ("questionnement"), from a free-text
 * answer, a meeting, or typed. A merged finding points to the one it was merged into and leaves the lists.
 */
export const findings = pgTable(
  "findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    /** typed | answer | meeting */
    origin: text("origin").notNull().default("typed"),
    /** Where it comes from, in words ("Réunion des partenaires du 12 mars", "Questionnaire habitants, question 12"). */
    originLabel: text("origin_label").notNull().default(""),
    /** The answer it was taken from (response id + question id), when origin = answer. */
    originRef: text("origin_ref"),
    themes: text("themes").array().notNull().default([]),
    communes: text("communes").array().notNull().default([]),
    groupId: uuid("group_id").references(() => findingGroups.id, { onDelete: "set null" }),
    mergedInto: uuid("merged_into").references((): AnyPgColumn => findings.id, { onDelete: "set null" }),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("findings_territory_idx").on(t.territoryId, t.kind)],
);

/** One vote per person and finding: the partners' priorities. */
export const findingVotes = pgTable(
  "finding_votes",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    votedAt: timestamp("voted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.userId] })],
);
