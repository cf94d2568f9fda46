import { index, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories/schema";

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
