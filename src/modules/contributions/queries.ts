import { and, asc, count, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { places } from "@/modules/places";
import { diffLines, fieldsOf, proposedLines, type DiffLine, type PlaceFields } from "./payload";
import { placeProposals, type PlaceProposal } from "./schema";

// Tenancy: every query here takes the territory id and puts it in its where (decision 002).

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export const QUEUE_PAGE_SIZE = 50;

export type QueueItem = {
  proposal: Omit<PlaceProposal, "contactEmail">;
  /** The place a correction is about, as it is now (undefined: deleted meanwhile, or a new place). */
  place: { id: string; name: string; fields: PlaceFields } | undefined;
  lines: DiffLine[];
  /** Whether the proposer left an address to be told the decision (the address itself is never shown). */
  wantsAnswer: boolean;
};

function item(row: { proposal: PlaceProposal; placeName: string | null; placeData: typeof places.$inferSelect.data | null }): QueueItem {
  const { contactEmail, ...proposal } = row.proposal;
  const place = row.placeData && proposal.placeId ? { id: proposal.placeId, name: row.placeName ?? row.placeData.nom, fields: fieldsOf(row.placeData) } : undefined;
  const lines = proposal.kind === "correction" ? (place ? diffLines(place.fields, proposal.payload) : []) : proposedLines(proposal.payload);
  return { proposal, place, lines, wantsAnswer: contactEmail !== null && contactEmail !== "" };
}

function selection() {
  return { proposal: placeProposals, placeName: places.name, placeData: places.data };
}

/** Pending proposals of the territory, oldest first (a queue), with the diff of each correction. */
export async function listPendingProposals(db: Executor, territoryId: string): Promise<{ items: QueueItem[]; total: number }> {
  const where = and(eq(placeProposals.territoryId, territoryId), eq(placeProposals.status, "pending"));
  const [total] = await db.select({ n: count() }).from(placeProposals).where(where);
  const rows = await db
    .select(selection())
    .from(placeProposals)
    .leftJoin(places, eq(places.id, placeProposals.placeId))
    .where(where)
    .orderBy(asc(placeProposals.createdAt), asc(placeProposals.id))
    .limit(QUEUE_PAGE_SIZE);
  return { items: rows.map(item), total: total?.n ?? 0 };
}

/** One proposal of the territory (any status); undefined for another territory's. */
export async function findProposal(db: Executor, territoryId: string, proposalId: string): Promise<QueueItem | undefined> {
  if (!isUuid(proposalId)) return undefined;
  const [row] = await db
    .select(selection())
    .from(placeProposals)
    .leftJoin(places, eq(places.id, placeProposals.placeId))
    .where(and(eq(placeProposals.territoryId, territoryId), eq(placeProposals.id, proposalId)));
  return row ? item(row) : undefined;
}

export { isUuid };
