import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row per write: who, when, which territory, what entity, before/after values. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    // Kept as text so that the log survives the deletion of the account it names.
    actorLabel: text("actor_label").notNull(),
    territoryId: uuid("territory_id"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_territory_at_idx").on(t.territoryId, t.at),
    index("audit_entity_idx").on(t.entityType, t.entityId),
  ],
);
