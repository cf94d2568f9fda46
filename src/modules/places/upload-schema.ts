import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { bytea } from "@/platform/jobs/schema";
import { territories } from "@/modules/territories";

/**
 * Files kept between two steps of an import (checked, then imported; uploaded, then mapped): in the
 * database, so that any app process can read them, bound to the person and the territory that
 * uploaded them, within a quota per territory, and deleted when they expire.
 */
export const keptUploads = pgTable(
  "kept_uploads",
  {
    token: text("token").primaryKey(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("kept_uploads_territory_idx").on(t.territoryId, t.expiresAt)],
);
