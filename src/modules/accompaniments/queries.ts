import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyRow } from "@/platform/journey";
import { inPerimeterOf, requireTerritoryId } from "@/modules/territories";
import { findPlace, places } from "@/modules/places";
import { speakerIdsOf, structuresOf } from "@/modules/actors";
import { communes } from "@/modules/geo";
import { accompaniments, accompanimentStats } from "./schema";
import { defaultDurations } from "./validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PlaceChoice = { id: string; name: string; communeName: string | null };

/** A place of the territory and who speaks for its structure (for the policy), or undefined. */
export async function placeForRecord(db: Executor, territoryId: string, placeId: string): Promise<{ id: string; actorId: string | null; speakerIds: string[] } | undefined> {
  const place = await findPlace(db, territoryId, placeId);
  if (!place) return undefined;
  return { id: place.id, actorId: place.actorId, speakerIds: await speakerIdsOf(db, place.actorId) };
}

/**
 * The places a person may record for, the ones they used last first, then by name: the places of the
 * structures they speak for; for the coordination (`all`), every place of the territory.
 */
export async function recordablePlaces(db: Executor, territoryId: string, userId: string, all: boolean): Promise<PlaceChoice[]> {
  let actorIds: string[] | undefined;
  if (!all) {
    actorIds = (await structuresOf(db, territoryId, userId)).spoken.map((s) => s.id);
    if (actorIds.length === 0) return [];
  }
  const used = db
    .select({ placeId: accompaniments.placeId, last: max(accompaniments.createdAt).as("last") })
    .from(accompaniments)
    .where(and(eq(accompaniments.territoryId, territoryId), eq(accompaniments.recordedBy, userId)))
    .groupBy(accompaniments.placeId)
    .as("used");
  return db
    .select({ id: places.id, name: places.name, communeName: communes.name })
    .from(places)
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .leftJoin(used, eq(used.placeId, places.id))
    .where(and(inPerimeterOf(db, territoryId, places.communeCode), actorIds ? inArray(places.actorId, actorIds) : undefined))
    .orderBy(sql`${used.last} desc nulls last`, asc(places.name), asc(places.id))
    .limit(3000);
}

/** Every place of the territory, by commune then name: where a person can be oriented (a choice, never typed). */
export async function orientationChoices(db: Executor, territoryId: string): Promise<PlaceChoice[]> {
  return db
    .select({ id: places.id, name: places.name, communeName: communes.name })
    .from(places)
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .where(inPerimeterOf(db, territoryId, places.communeCode))
    .orderBy(asc(communes.name), asc(places.name), asc(places.id))
    .limit(3000);
}

/** The durations this person records most (last 200 records) first, then the usual ones; six in all. */
export async function frequentDurations(db: Executor, territoryId: string, userId: string): Promise<number[]> {
  const recent = db
    .select({ minutes: accompaniments.durationMinutes })
    .from(accompaniments)
    .where(and(eq(accompaniments.territoryId, territoryId), eq(accompaniments.recordedBy, userId)))
    .orderBy(desc(accompaniments.createdAt))
    .limit(200)
    .as("recent");
  const rows = await db
    .select({ minutes: recent.minutes, n: count() })
    .from(recent)
    .groupBy(recent.minutes)
    .orderBy(desc(count()), asc(recent.minutes))
    .limit(6);
  const out = rows.map((r) => r.minutes);
  for (const d of defaultDurations) if (out.length < 6 && !out.includes(d)) out.push(d);
  return out;
}

export type StoredRecord = typeof accompaniments.$inferSelect;

/** One record of the territory, or undefined (another territory's is not found). */
export async function findRecord(db: Executor, territoryId: string, id: string): Promise<StoredRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(accompaniments).where(and(eq(accompaniments.territoryId, territoryId), eq(accompaniments.id, id)));
  return row;
}

/** The last record this person wrote in the territory (what "Dupliquer le dernier" copies). */
export async function lastRecordOf(db: Executor, territoryId: string, userId: string): Promise<StoredRecord | undefined> {
  const [row] = await db
    .select()
    .from(accompaniments)
    .where(and(eq(accompaniments.territoryId, territoryId), eq(accompaniments.recordedBy, userId)))
    .orderBy(desc(accompaniments.createdAt), desc(accompaniments.id))
    .limit(1);
  return row;
}

export type RecentRecord = { id: string; occurredOn: string; placeName: string; kind: "individuel" | "collectif"; people: number; durationMinutes: number; themes: string[]; title: string; recordedBy: string | null };

/** The latest records, newest day first: one person's own (`userId`), or the territory's (coordination). */
export async function recentRecords(db: Executor, territoryId: string, userId: string | undefined, limit = 30): Promise<RecentRecord[]> {
  return db
    .select({
      id: accompaniments.id,
      occurredOn: accompaniments.occurredOn,
      placeName: places.name,
      kind: accompaniments.kind,
      people: accompaniments.people,
      durationMinutes: accompaniments.durationMinutes,
      themes: accompaniments.themes,
      title: accompaniments.title,
      recordedBy: accompaniments.recordedBy,
    })
    .from(accompaniments)
    .innerJoin(places, eq(places.id, accompaniments.placeId))
    .where(and(eq(accompaniments.territoryId, territoryId), userId ? eq(accompaniments.recordedBy, userId) : undefined))
    .orderBy(desc(accompaniments.occurredOn), desc(accompaniments.createdAt), desc(accompaniments.id))
    .limit(limit);
}

/**
 * A month's activity (`month` = YYYY-MM-01) read from the pre-aggregated statistics, in one query: records,
 * people, and the places of the territory with no record that month (the journey of the workspace home).
 */
export async function activityOfMonth(db: Executor, territoryId: string, month: string): Promise<{ records: number; people: number; placesWithout: number; placesTotal: number }> {
  const id = requireTerritoryId(territoryId);
  const result = await db.execute(sql`select
      (select coalesce(sum(records), 0)::int from ${accompanimentStats} where territory_id = ${id} and month = ${month} and dimension = 'total') as records,
      (select coalesce(sum(people), 0)::int from ${accompanimentStats} where territory_id = ${id} and month = ${month} and dimension = 'total') as people,
      (select count(*)::int from ${places} where ${inPerimeterOf(db, id, places.communeCode)}) as "placesTotal",
      (select count(*)::int from ${places} where ${inPerimeterOf(db, id, places.communeCode)} and not exists (
        select 1 from ${accompanimentStats} s where s.territory_id = ${id} and s.month = ${month} and s.dimension = 'total' and s.place_id = ${places.id} and s.records > 0)) as "placesWithout"`);
  const row = journeyRow<{ records: number; people: number; placesTotal: number; placesWithout: number }>(result);
  return { records: Number(row?.records ?? 0), people: Number(row?.people ?? 0), placesWithout: Number(row?.placesWithout ?? 0), placesTotal: Number(row?.placesTotal ?? 0) };
}
