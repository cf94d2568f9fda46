import { and, arrayOverlaps, asc, count, eq, ilike, inArray, isNull, max, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { inPerimeterOf } from "@/modules/territories";
import { communes } from "@/modules/geo";
import { places } from "./schema";
import type { NormalizedPlace } from "./standard/schema";
import { exportIds } from "./export-ids";

export type PlaceFilters = { q?: string; services?: string[]; publics?: string[]; support?: string[]; fees?: string[]; access?: string[]; commune?: string; source?: string };

export const PLACE_PAGE_SIZE = 20;

/** Places whose commune lies in the territory's perimeter (tenancy by perimeter), then the filters. */
function conditions(territoryId: string, db: Executor, f: PlaceFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [
    inPerimeterOf(db, territoryId, places.communeCode),
  ];
  const q = f.q ? normalizeSearch(f.q).replace(/[\\%_]/g, "") : "";
  if (q) where.push(ilike(places.search, `%${q}%`));
  if (f.services?.length) where.push(arrayOverlaps(places.services, f.services));
  if (f.publics?.length) where.push(arrayOverlaps(places.publics, f.publics));
  if (f.support?.length) where.push(arrayOverlaps(places.support, f.support));
  if (f.fees?.length) where.push(arrayOverlaps(places.fees, f.fees));
  if (f.access?.length) where.push(arrayOverlaps(places.access, f.access));
  if (f.commune) where.push(eq(places.communeCode, f.commune));
  if (f.source) where.push(eq(places.source, f.source));
  return and(...where);
}

const listColumns = { id: places.id, name: places.name, communeCode: places.communeCode, data: places.data, hours: places.hours, services: places.services, lat: places.lat, lon: places.lon };

/**
 * One page of a territory's places. `keep` filters on what SQL cannot judge (opening hours
 * evaluated now, in Paris time). It is asked once per distinct hours text among the matching places
 * (a territory has a few hundred texts for thousands of places), then SQL keeps the places whose text
 * passed, and pages as usual.
 */
export async function listPlaces(db: Executor, territoryId: string, filters: PlaceFilters, page: number, keep?: (hours: string | null) => boolean) {
  let where = conditions(territoryId, db, filters);
  const offset = (Math.max(1, page) - 1) * PLACE_PAGE_SIZE;
  if (keep) where = and(where, await keptHours(db, where, keep));
  const [total] = await db.select({ n: count() }).from(places).where(where);
  const items = await db.select(listColumns).from(places).where(where).orderBy(asc(places.name), asc(places.id)).limit(PLACE_PAGE_SIZE).offset(offset);
  return { items, total: total?.n ?? 0 };
}

/** The condition "hours among those `keep` accepts", `keep` being asked once per distinct text. */
async function keptHours(db: Executor, where: SQL | undefined, keep: (hours: string | null) => boolean): Promise<SQL> {
  const texts = await db.selectDistinct({ hours: places.hours }).from(places).where(where);
  const kept: string[] = [];
  let keepNone = false;
  for (const { hours } of texts) {
    if (hours === null) keepNone = keep(null);
    else if (keep(hours)) kept.push(hours);
  }
  return or(kept.length ? inArray(places.hours, kept) : sql`false`, keepNone ? isNull(places.hours) : undefined) ?? sql`false`;
}

/** Communes of the territory that have at least one place (for the commune filter). */
export async function communesWithPlaces(db: Executor, territoryId: string) {
  return db
    .selectDistinct({ code: communes.code, name: communes.name })
    .from(places)
    .innerJoin(communes, eq(communes.code, places.communeCode))
    .where(conditions(territoryId, db, {}))
    .orderBy(asc(communes.name));
}

/** The standard records of a territory's places, for export (the territory id is required: tenancy). */
export async function placesForExport(db: Executor, territoryId: string): Promise<NormalizedPlace[]> {
  return exportRecords(db, conditions(territoryId, db, {}));
}

/** The standard records of every place of the instance: the platform's own export (command line with no territory). */
export async function registryForExport(db: Executor): Promise<NormalizedPlace[]> {
  return exportRecords(db, undefined);
}

async function exportRecords(db: Executor, where: SQL | undefined): Promise<NormalizedPlace[]> {
  const columns = { data: places.data, source: places.source, sourceId: places.sourceId };
  const rows = await db.select(columns).from(places).where(where).orderBy(asc(places.source), asc(places.sourceId));
  // Ids used by more than one source in the whole registry (not only in this export): every export
  // then gives a place the same id (export-ids.ts).
  const shared = await db.select({ sourceId: places.sourceId }).from(places).groupBy(places.sourceId).having(sql`count(*) > 1`);
  const ids = exportIds(rows, new Set(shared.map((r) => r.sourceId)));
  return rows.map((r, i) => ({ ...r.data, id: ids[i] ?? r.data.id }));
}

export async function findPlace(db: Executor, territoryId: string, placeId: string) {
  if (!/^[0-9a-f-]{36}$/.test(placeId)) return undefined;
  const [row] = await db.select().from(places).where(and(eq(places.id, placeId), conditions(territoryId, db, {})));
  return row;
}


export type MapPlace = { id: string; name: string; lon: number; lat: number };

/**
 * Every matching place with coordinates, in a compact shape for the map (same filters as the list).
 * Rows come straight from the driver (20,000 places: the ORM's row mapping would cost a third of
 * the query); `keep` is asked once per distinct hours text.
 */
export async function placesForMap(db: Executor, territoryId: string, filters: PlaceFilters, keep?: (hours: string | null) => boolean): Promise<MapPlace[]> {
  const where = conditions(territoryId, db, filters);
  const result = await db.execute(sql`select ${places.id} as id, ${places.name} as name, ${places.lon} as lon, ${places.lat} as lat${keep ? sql`, ${places.hours} as hours` : sql``}
    from ${places} where ${where} and ${places.lon} is not null and ${places.lat} is not null`);
  const rows = (result as unknown as { rows: (MapPlace & { hours?: string | null })[] }).rows;
  if (!keep) return rows;
  const verdicts = new Map<string | null, boolean>();
  const kept: MapPlace[] = [];
  for (const r of rows) {
    const hours = r.hours ?? null;
    let ok = verdicts.get(hours);
    if (ok === undefined) verdicts.set(hours, (ok = keep(hours)));
    if (ok) kept.push({ id: r.id, name: r.name, lon: r.lon, lat: r.lat });
  }
  return kept;
}

/**
 * A version of the whole registry of places: it changes with every insert, update (all of them set
 * `modified_at`) and delete. Caches of place data (map answers, the orientation index) key on it.
 */
export async function placesVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ n: count(), last: max(places.modifiedAt) }).from(places);
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? ""}`;
}
