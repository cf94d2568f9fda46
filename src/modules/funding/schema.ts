import { date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";

export const aidKinds = ["subvention", "pret", "ingenierie", "appel_a_projets", "cheque", "mecenat", "budget_propre", "autre"] as const;
export type AidKind = (typeof aidKinds)[number];
export const fundingAidKind = pgEnum("funding_aid_kind", aidKinds);

/** Where a source can fund: the whole country, or the listed régions / départements / EPCI / communes (INSEE/SIREN codes). */
export const scopeKinds = ["national", "region", "departement", "epci", "communes"] as const;
export const fundingScopeKind = pgEnum("funding_scope_kind", scopeKinds);

/**
 * A funding source. The reference list shipped with Maillage has no territory (territory_id null) and a stable
 * `reference_key`; a coordinator's local source belongs to its territory. Amounts in euros, rates in percent.
 */
export const fundingSources = pgTable(
  "funding_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").references(() => territories.id, { onDelete: "cascade" }),
    referenceKey: text("reference_key"),
    name: text("name").notNull(),
    funder: text("funder").notNull().default(""),
    aidKind: fundingAidKind("aid_kind").notNull(),
    /** What it finances, in words. */
    finances: text("finances").notNull().default(""),
    /** Theme ids (src/modules/themes) it fits. */
    themes: text("themes").array().notNull().default([]),
    /** Eligible bearers: actor legal types (actors' legalTypes). Empty = any. */
    bearers: text("bearers").array().notNull().default([]),
    /** Eligible publics, in words. */
    publics: text("publics").array().notNull().default([]),
    scopeKind: fundingScopeKind("scope_kind").notNull().default("national"),
    scopeCodes: text("scope_codes").array().notNull().default([]),
    rateMin: numeric("rate_min", { precision: 5, scale: 2, mode: "number" }),
    rateMax: numeric("rate_max", { precision: 5, scale: 2, mode: "number" }),
    amountMin: numeric("amount_min", { precision: 14, scale: 2, mode: "number" }),
    amountMax: numeric("amount_max", { precision: 14, scale: 2, mode: "number" }),
    /** Rhythm in words ("appel annuel, dépôt au printemps", "au fil de l'eau"). */
    rhythm: text("rhythm").notNull().default(""),
    url: text("url").notNull().default(""),
    notes: text("notes").notNull().default(""),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("funding_sources_territory_idx").on(t.territoryId), uniqueIndex("funding_sources_reference_key").on(t.referenceKey)],
);

export const deadlineKinds = ["pre_depot", "depot", "decision", "autre"] as const;
export const fundingDeadlineKind = pgEnum("funding_deadline_kind", deadlineKinds);

/** A dated deadline of a source, as a territory knows it (calls change every year: deadlines are territory data). */
export const fundingDeadlines = pgTable(
  "funding_deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => fundingSources.id, { onDelete: "cascade" }),
    kind: fundingDeadlineKind("kind").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    label: text("label").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("funding_deadlines_territory_idx").on(t.territoryId, t.date)],
);

export const resourceKinds = ["centre_ressources", "reseau", "projet", "outil"] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const fundingResourceKind = pgEnum("funding_resource_kind", resourceKinds);

/**
 * Who can help beside money: resource centres, networks, projects that did it before, tools. Like the sources,
 * the starting list shipped with Maillage has no territory and a stable `reference_key`; a coordinator's local
 * entries belong to the territory.
 */
export const fundingResources = pgTable(
  "funding_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").references(() => territories.id, { onDelete: "cascade" }),
    referenceKey: text("reference_key"),
    name: text("name").notNull(),
    kind: fundingResourceKind("kind").notNull(),
    description: text("description").notNull().default(""),
    /** Contact in words (a team, an address, a phone number): what a coordinator would write down. */
    contact: text("contact").notNull().default(""),
    url: text("url").notNull().default(""),
    themes: text("themes").array().notNull().default([]),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("funding_resources_territory_idx").on(t.territoryId), uniqueIndex("funding_resources_reference_key").on(t.referenceKey)],
);
