import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { communes } from "@/modules/geo";
import { territories } from "@/modules/territories";

// Actors (structures) form one registry shared by every territory of the instance.

export const legalTypes = ["collectivite", "etat", "association", "entreprise", "enseignement", "bailleur_social", "autre"] as const;
export const worlds = ["numerique", "social", "emploi_insertion", "education_jeunesse", "culture", "sante", "economie", "habitants", "administration"] as const;

export const actorLegalType = pgEnum("actor_legal_type", legalTypes);
export const actorStatus = pgEnum("actor_status", ["engaged", "to_mobilise"]);

export const actors = pgTable(
  "actors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    siret: text("siret"),
    rna: text("rna"),
    legalType: actorLegalType("legal_type").notNull().default("autre"),
    worlds: text("worlds").array().notNull().default([]),
    // Where the actor is located; the communes it serves are in actor_communes.
    communeCode: text("commune_code").references(() => communes.code),
    publicEmail: text("public_email"),
    publicPhone: text("public_phone"),
    website: text("website"),
    description: text("description").notNull().default(""),
    source: text("source").notNull().default("maillage"),
    sourceId: text("source_id"),
    search: text("search").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("actors_commune_idx").on(t.communeCode), index("actors_source_idx").on(t.source, t.sourceId)],
);

export const actorCommunes = pgTable(
  "actor_communes",
  {
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.communeCode] }), index("actor_communes_commune_idx").on(t.communeCode)],
);

/**
 * Private contacts of an actor, owned by the territory that wrote them: visible to its members only
 * (never on public pages, in open data, or to another territory that sees the same actor).
 */
export const actorContacts = pgTable("actor_contacts", {
  id: uuid("id").primaryKey().defaultRandom(),
  actorId: uuid("actor_id")
    .notNull()
    .references(() => actors.id, { onDelete: "cascade" }),
  territoryId: uuid("territory_id")
    .notNull()
    .references(() => territories.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  role: text("role").notNull().default(""),
  email: text("email"),
  phone: text("phone"),
}, (t) => [index("actor_contacts_owner_idx").on(t.territoryId, t.actorId)]);

/**
 * What one territory records about an actor, visible to that territory's members only: its follow-up
 * status ("engagé / à mobiliser") and internal notes. `joinedAt` is set when the actor joined the
 * territory as a partner (one of its people, a partner member of the territory, was named to speak
 * for it): from then on a verified territory reads the actor's self-assessments.
 */
export const territoryActors = pgTable(
  "territory_actors",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    status: actorStatus("status").notNull().default("to_mobilise"),
    notes: text("notes").notNull().default(""),
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.actorId] }), index("territory_actors_actor_idx").on(t.actorId)],
);

/** People who speak for an actor: they edit it and its places. */
export const actorMembers = pgTable(
  "actor_members",
  {
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.userId] }), index("actor_members_user_idx").on(t.userId)],
);

/**
 * A partner's request to speak for an actor, waiting for the territory's coordination: claiming a
 * structure gives no right over it (issue 8 §1), only a coordinator's confirmation does (actor_members).
 * One request per person, actor and territory; confirmed or refused, the row is deleted.
 */
export const speakerRequests = pgTable(
  "actor_speaker_requests",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.actorId, t.userId] }), index("actor_speaker_requests_user_idx").on(t.userId)],
);
