import { and, asc, count, isNotNull, max } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { communes } from "@/modules/geo";
import { places } from "@/modules/places";
import { perimeterJoin } from "@/modules/territories";
import { buildPlaceIndexes, computeCoverage, type CoverageCommune, type CoveragePlace, type CoverageResult, type PlaceIndexes } from "./coverage";
import type { CoverageSettings } from "./validation";

/**
 * Inputs of the coverage diagnostic, read from the database: the communes of one territory, and every
 * place of the instance that has a position (help across a border is still help).
 */

/** A place that says it receives no public is no help nearby (same rule as the orientation page). */
const NO_PUBLIC = "Ce lieu n'accueille pas de public";

/** The communes of a territory, by INSEE code, with population, representative point and IFN. */
export async function loadCoverageCommunes(db: Executor, territoryId: string): Promise<CoverageCommune[]> {
  const rows = await db
    .select({
      code: communes.code,
      name: communes.name,
      population: communes.population,
      lon: communes.lon,
      lat: communes.lat,
      total: communes.ifnTotal,
      noThd: communes.ifnNoThd,
      no4g: communes.ifnNo4g,
      poverty: communes.ifnPoverty,
      older65: communes.ifnOlder65,
      noDiploma: communes.ifnNoDiploma,
    })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code))
    .orderBy(asc(communes.code));
  return rows.map((r) => {
    const ifn = { total: r.total, noThd: r.noThd, no4g: r.no4g, poverty: r.poverty, older65: r.older65, noDiploma: r.noDiploma };
    const none = ifn.total === null && ifn.noThd === null && ifn.no4g === null && ifn.poverty === null && ifn.older65 === null && ifn.noDiploma === null;
    return { code: r.code, name: r.name, population: r.population, lon: r.lon, lat: r.lat, ifn: none ? null : ifn };
  });
}

/** Every place of the instance with a position and open to the public (all territories). */
export async function loadCoveragePlaces(db: Executor): Promise<CoveragePlace[]> {
  const rows = await db
    .select({ id: places.id, lon: places.lon, lat: places.lat, services: places.services, access: places.access, communeCode: places.communeCode })
    .from(places)
    .where(and(isNotNull(places.lon), isNotNull(places.lat)));
  return rows.flatMap((r) =>
    r.lon === null || r.lat === null || r.access.includes(NO_PUBLIC) ? [] : [{ id: r.id, lon: r.lon, lat: r.lat, services: r.services, communeCode: r.communeCode }],
  );
}

/** Version of the places table: any insert, update (modified_at) or deletion (count) changes it. */
export async function placesVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ n: count(), last: max(places.modifiedAt) }).from(places);
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? ""}`;
}

type Holder = { version?: string; indexes?: Promise<PlaceIndexes> };
// One cache per database (tests open several), on globalThis because Next.js may load this module twice.
const shared = globalThis as unknown as { __maillageCoverageIndexes?: WeakMap<Executor, Holder> };
const holders = (shared.__maillageCoverageIndexes ??= new WeakMap<Executor, Holder>());

/**
 * The place indexes, rebuilt only when the places changed. The version check (one count and one max,
 * a few milliseconds) runs on every call, so figures are never older than the last change; it is read
 * before loading, so a change during the build shows at the next call. Concurrent calls share one build.
 */
export async function coveragePlaceIndexes(db: Executor): Promise<{ indexes: PlaceIndexes; version: string }> {
  const holder = holders.get(db) ?? {};
  holders.set(db, holder);
  const version = await placesVersion(db);
  if (holder.indexes && holder.version === version) return { indexes: await holder.indexes, version };
  const building = loadCoveragePlaces(db).then(buildPlaceIndexes);
  holder.version = version;
  holder.indexes = building;
  building.catch(() => {
    // A failed build must not be served forever: the next call tries again.
    if (holder.indexes === building) Object.assign(holder, { indexes: undefined, version: undefined });
  });
  return { indexes: await building, version };
}

/** Coverage of a territory's communes against every place of the instance. */
export async function territoryCoverage(db: Executor, territoryId: string, settings: CoverageSettings): Promise<CoverageResult & { placesVersion: string }> {
  const [communeRows, { indexes, version }] = await Promise.all([loadCoverageCommunes(db, territoryId), coveragePlaceIndexes(db)]);
  return { ...computeCoverage(communeRows, indexes, settings), placesVersion: version };
}
