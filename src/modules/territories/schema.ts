import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { communes } from "@/modules/geo";

export const perimeterKind = pgEnum("perimeter_kind", ["commune", "epci", "departement", "region", "custom"]);
export const territoryRole = pgEnum("territory_role", ["coordinator", "partner", "contributor", "observer"]);
/**
 * Whether the platform vouches for a territory. Anyone may open one; only a verified territory gives
 * its members rights over the shared registry (places, actors) and sees the self-assessments of the
 * actors that joined it (decision 006).
 */
export const territoryStatus = pgEnum("territory_status", ["pending", "verified", "refused", "suspended"]);

export const territories = pgTable("territories", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: perimeterKind("kind").notNull(),
  // INSEE/SIREN code of the commune, EPCI, département or région; null for a custom perimeter.
  sourceCode: text("source_code"),
  description: text("description").notNull().default(""),
  isDemo: boolean("is_demo").notNull().default(false),
  status: territoryStatus("status").notNull().default("pending"),
  /** The administrator's last decision (verify, refuse, suspend): when, who, and the reason given. */
  statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
  statusChangedBy: text("status_changed_by").references(() => user.id, { onDelete: "set null" }),
  statusReason: text("status_reason").notNull().default(""),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const territoryCommunes = pgTable(
  "territory_communes",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.communeCode] }), index("territory_communes_commune_idx").on(t.communeCode)],
);

export const memberships = pgTable(
  "memberships",
  {
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: territoryRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    role: territoryRole("role").notNull(),
    // Only a SHA-256 of the token is stored: a database leak does not leak usable links.
    tokenHash: text("token_hash").notNull().unique(),
    label: text("label").notNull().default(""),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => user.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_territory_idx").on(t.territoryId)],
);
