import { and, eq, inArray, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { type Territory, inPerimeterOf, perimeterCodes } from "@/modules/territories";
import { row } from "./commands";
import { placeRegistryPolicy } from "./policy";
import { places } from "./schema";
import type { NormalizedPlace } from "./standard/schema";

export type PlaceBrief = { id: string; name: string; address: string; commune: string; updatedOn: string; source: string };
export type DuplicatePair = { a: PlaceBrief; b: PlaceBrief; reasons: string[] };

const NAME_SIMILARITY = 0.6;
const ADDRESS_SIMILARITY = 0.8;
const NEAR_METRES = 200;

function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

/**
 * Candidate pairs of the same place within a territory: same commune, and a similar name
 * (trigrams), or a similar address a short walk apart. Listed for review, never merged blindly.
 */
export async function duplicateCandidates(db: Executor, territoryId: string, limit = 50): Promise<DuplicatePair[]> {
  const inside = perimeterCodes(db, territoryId);
  const rows = await db.execute(sql`
    select p1.id as a, p2.id as b,
           similarity(lower(p1.name), lower(p2.name)) as name_sim,
           similarity(lower(p1.data->>'adresse'), lower(p2.data->>'adresse')) as address_sim,
           p1.lat as lat1, p1.lon as lon1, p2.lat as lat2, p2.lon as lon2
    from places p1 join places p2 on p1.commune_code = p2.commune_code and p1.id < p2.id
    where p1.commune_code in (${inside})
      and (similarity(lower(p1.name), lower(p2.name)) >= ${NAME_SIMILARITY}
           or similarity(lower(p1.data->>'adresse'), lower(p2.data->>'adresse')) >= ${ADDRESS_SIMILARITY})
    order by similarity(lower(p1.name), lower(p2.name)) desc
    limit ${limit * 3}`);
  type Raw = { a: string; b: string; name_sim: number; address_sim: number; lat1: number | null; lon1: number | null; lat2: number | null; lon2: number | null };
  const pairs: { a: string; b: string; reasons: string[] }[] = [];
  for (const r of (rows as unknown as { rows: Raw[] }).rows) {
    const distance = r.lat1 !== null && r.lon1 !== null && r.lat2 !== null && r.lon2 !== null ? metres(r.lat1, r.lon1, r.lat2, r.lon2) : null;
    const reasons: string[] = [];
    if (Number(r.name_sim) >= NAME_SIMILARITY) reasons.push(`noms semblables (${Math.round(Number(r.name_sim) * 100)} %)`);
    if (Number(r.address_sim) >= ADDRESS_SIMILARITY) reasons.push("adresses semblables");
    if (distance !== null && distance <= NEAR_METRES) reasons.push(`à ${Math.round(distance)} m l'un de l'autre`);
    // A similar address alone is not enough when the points are far apart (two doors of a long street).
    const nameMatch = Number(r.name_sim) >= NAME_SIMILARITY;
    if (!nameMatch && distance !== null && distance > NEAR_METRES) continue;
    pairs.push({ a: r.a, b: r.b, reasons });
    if (pairs.length >= limit) break;
  }
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const briefs = new Map(
    (await db.select({ id: places.id, data: places.data, source: places.source }).from(places).where(inArray(places.id, ids))).map((p) => [
      p.id,
      { id: p.id, name: p.data.nom, address: p.data.adresse, commune: p.data.commune, updatedOn: p.data.date_maj, source: p.source },
    ]),
  );
  return pairs.flatMap((p) => {
    const a = briefs.get(p.a);
    const b = briefs.get(p.b);
    return a && b ? [{ a, b, reasons: p.reasons }] : [];
  });
}

/** Newest value per field; list fields are the union of both (the newest record's values first). */
export function mergeRecords(keep: NormalizedPlace, other: NormalizedPlace): NormalizedPlace {
  const [newer, older] = other.date_maj > keep.date_maj ? [other, keep] : [keep, other];
  const merged: Record<string, unknown> = { ...older };
  for (const [field, value] of Object.entries(newer)) {
    if (value === undefined || value === "") continue;
    const previous = (older as Record<string, unknown>)[field];
    merged[field] = Array.isArray(value) && Array.isArray(previous) ? [...new Set([...value, ...previous])] : value;
  }
  // The kept record keeps its identity: re-imports of its source still find it.
  merged.id = keep.id;
  return merged as NormalizedPlace;
}

/**
 * What other modules keep about a place moves with a merge (the records mediators wrote there, the orientations
 * towards it): they register a step here at start-up (src/boot.ts) — this module does not import them — and the
 * merge runs every step in its transaction before the removed place goes.
 */
export type PlaceMergeStep = (tx: Executor, removedId: string, keptId: string) => Promise<void>;
const shared = globalThis as unknown as { __maillagePlaceMergeSteps?: PlaceMergeStep[] };
export function registerPlaceMergeStep(step: PlaceMergeStep): void {
  shared.__maillagePlaceMergeSteps = [...(shared.__maillagePlaceMergeSteps ?? []).filter((s) => s !== step), step];
}

/** Merges `removeId` into `keepId` (both in the territory), in one transaction, audited. */
export async function mergePlaces(db: Db, principal: Principal, territory: Territory, keepId: string, removeId: string): Promise<void> {
  if (!placeRegistryPolicy.merge(principal, territory)) throw new AppError("forbidden");
  if (keepId === removeId) throw new AppError("validation", { message: "Choisissez deux lieux différents." });
  await db.transaction(async (tx) => {
    const found = await tx.select().from(places).where(and(inArray(places.id, [keepId, removeId]), inPerimeterOf(tx, territory.id, places.communeCode)));
    const keep = found.find((p) => p.id === keepId);
    const remove = found.find((p) => p.id === removeId);
    if (!keep || !remove) throw new AppError("not_found", { message: "Un des deux lieux n'existe plus dans ce territoire (déjà fusionné ?)." });
    const data = mergeRecords(keep.data, remove.data);
    const by = principalLabel(principal, { show: "email" });
    const next = row(data, keep.source, keep.communeCode ?? undefined, by);
    await tx
      .update(places)
      .set({ ...next, source: keep.source, sourceId: keep.sourceId, actorId: keep.actorId ?? remove.actorId })
      .where(eq(places.id, keep.id));
    for (const step of shared.__maillagePlaceMergeSteps ?? []) await step(tx, remove.id, keep.id);
    await tx.delete(places).where(eq(places.id, remove.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place", entityId: keep.id, action: "merge", before: { kept: keep.data, removed: remove.data }, after: data });
  });
}
