import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { territories } from "@/modules/territories";
import { places } from "@/modules/places";
import type { ProposalPayload } from "./payload";

export const proposalKind = pgEnum("proposal_kind", ["new", "correction"]);
export const proposalStatus = pgEnum("proposal_status", ["pending", "accepted", "rejected"]);

/**
 * Places proposed by anyone (signed in or not) from the public pages: a new place, or a correction
 * of an existing one. They wait for the territory's coordinators; nothing reaches `places` before.
 */
export const placeProposals = pgTable(
  "place_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    // Corrections only; a place deleted meanwhile leaves the proposal readable (and then refused).
    placeId: uuid("place_id").references(() => places.id, { onDelete: "set null" }),
    kind: proposalKind("kind").notNull(),
    /** The proposed fields (for a correction: only those the person changed, and their message). */
    payload: jsonb("payload").$type<ProposalPayload>().notNull(),
    status: proposalStatus("status").notNull().default("pending"),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by"),
    // Only to tell the proposer the decision: never shown, erased once the decision is sent.
    contactEmail: text("contact_email"),
  },
  (t) => [index("place_proposals_queue_idx").on(t.territoryId, t.status, t.createdAt), index("place_proposals_place_idx").on(t.placeId)],
);

export type PlaceProposal = typeof placeProposals.$inferSelect;
