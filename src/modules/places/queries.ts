import { and, arrayOverlaps, asc, count, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { territoryCommunes } from "@/modules/territories/schema";
import { communes } from "@/modules/geo/schema";
import { places } from "./schema";
import type { NormalizedPlace } from "./standard/schema";

export type PlaceFilters = { q?: string; services?: string[]; publics?: string[]; support?: string[]; fees?: string[]; access?: string[]; commune?: string };

export const PLACE_PAGE_SIZE = 20;

/** Places whose commune lies in the territory's perimeter (tenancy by perimeter), then the filters. */
function conditions(territoryId: string, db: Executor, f: PlaceFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [
    inArray(places.communeCode, db.select({ c: territoryCommunes.communeCode }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, territoryId))),
  ];
  const q = f.q ? normalizeSearch(f.q).replace(/[\\%_]/g, "") : "";
  if (q) where.push(ilike(places.search, `%${q}%`));
  if (f.services?.length) where.push(arrayOverlaps(places.services, f.services));
  if (f.publics?.length) where.push(arrayOverlaps(places.publics, f.publics));
  if (f.support?.length) where.push(arrayOverlaps(places.support, f.support));
  if (f.fees?.length) where.push(arrayOverlaps(places.fees, f.fees));
  if (f.access?.length) where.push(arrayOverlaps(places.access, f.access));
  if (f.commune) where.push(eq(places.communeCode, f.commune));
  return and(...where);
}

const listColumns = { id: places.id, name: places.name, communeCode: places.communeCode, data: places.data, hours: places.hours, services: places.services, lat: places.lat, lon: places.lon };

/**
 * One page of a territory's places. `keep` filters on what SQL cannot judge (opening hours
 * evaluated now, in Paris time): then the matching places are filtered in memory before paging.
 */
export async function listPlaces(db: Executor, territoryId: string, filters: PlaceFilters, page: number, keep?: (hours: string | null) => boolean) {
  const where = conditions(territoryId, db, filters);
  const offset = (Math.max(1, page) - 1) * PLACE_PAGE_SIZE;
  if (keep) {
    const all = await db.select({ id: places.id, hours: places.hours }).from(places).where(where).orderBy(asc(places.name), asc(places.id));
    const kept = all.filter((p) => keep(p.hours)).map((p) => p.id);
    const ids = kept.slice(offset, offset + PLACE_PAGE_SIZE);
    const items = ids.length ? await db.select(listColumns).from(places).where(inArray(places.id, ids)).orderBy(asc(places.name), asc(places.id)) : [];
    return { items, total: kept.length };
  }
  const [total] = await db.select({ n: count() }).from(places).where(where);
  const items = await db.select(listColumns).from(places).where(where).orderBy(asc(places.name), asc(places.id)).limit(PLACE_PAGE_SIZE).offset(offset);
  return { items, total: total?.n ?? 0 };
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

/** The standard records of a territory's places (or of the whole instance), for export. */
export async function placesForExport(db: Executor, territoryId: string | undefined): Promise<NormalizedPlace[]> {
  const rows = territoryId
    ? await db.select({ data: places.data }).from(places).where(conditions(territoryId, db, {})).orderBy(asc(places.source), asc(places.sourceId))
    : await db.select({ data: places.data }).from(places).orderBy(asc(places.source), asc(places.sourceId));
  return rows.map((r) => r.data);
}

export async function findPlace(db: Executor, territoryId: string, placeId: string) {
  if (!/^[0-9a-f-]{36}$/.test(placeId)) return undefined;
  const [row] = await db.select().from(places).where(and(eq(places.id, placeId), conditions(territoryId, db, {})));
  return row;
}


/** Every matching place with coordinates, in a compact shape for the map (same filters as the list). */
export async function placesForMap(db: Executor, territoryId: string, filters: PlaceFilters, keep?: (hours: string | null) => boolean) {
  const rows = await db.select({ id: places.id, name: places.name, lon: places.lon, lat: places.lat, hours: places.hours }).from(places).where(conditions(territoryId, db, filters));
  return rows.filter((r) => r.lon !== null && r.lat !== null && (!keep || keep(r.hours)));
}
