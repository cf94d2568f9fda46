import { and, eq, or, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { aggregateIn, reaggregateIn, type AggregateSource } from "./aggregate";
import { accompanimentPolicy } from "./policy";
import { findRecord, placeForRecord, type StoredRecord } from "./queries";
import { accompaniments } from "./schema";
import { recordSchema, type RecordInput } from "./validation";

/** What the statistics count of a stored row (aggregate.ts reads the same fields of a row about to be written). */
export function aggregateSourceOf(row: Pick<StoredRecord, "territoryId" | "placeId" | "actorId" | "occurredOn" | "kind" | "people" | "durationMinutes" | "themes" | "setting" | "autonomy" | "orientedToPlaceId" | "ageBands" | "statuses">): AggregateSource {
  return {
    territoryId: row.territoryId,
    placeId: row.placeId,
    actorId: row.actorId,
    occurredOn: row.occurredOn,
    kind: row.kind,
    people: row.people,
    durationMinutes: row.durationMinutes,
    themes: row.themes,
    setting: row.setting,
    autonomy: row.autonomy,
    orientedToPlaceId: row.orientedToPlaceId,
    ageBands: row.ageBands,
    statuses: row.statuses,
  };
}

/** The stored columns of a valid input (the client id is set on creation only). */
function values(input: RecordInput, actorId: string | null) {
  return {
    placeId: input.placeId,
    actorId,
    occurredOn: input.occurredOn,
    kind: input.kind,
    people: input.people,
    durationMinutes: input.durationMinutes,
    themes: [...new Set(input.themes)],
    equipment: [...new Set(input.equipment)],
    setting: input.setting,
    autonomy: input.autonomy,
    orientedToPlaceId: input.orientedToPlaceId,
    title: input.title,
    level: input.level,
    ageBands: input.ageBands,
    statuses: input.statuses,
  };
}

/**
 * The place of a record, checked: in the territory (else a field error, as a wrong choice), and one the person
 * may record for (else 403); the orientation, when given, a place of the territory too.
 */
async function checkedPlaces(tx: Executor, principal: Principal, territory: TerritoryRef, input: RecordInput): Promise<{ actorId: string | null }> {
  const place = await placeForRecord(tx, territory.id, input.placeId);
  if (!place) throw new AppError("validation", { fieldErrors: { placeId: ["Choisissez un lieu du territoire."] } });
  authorize(accompanimentPolicy.recordAt(principal, territory, place));
  if (input.orientedToPlaceId && !(await placeForRecord(tx, territory.id, input.orientedToPlaceId)))
    throw new AppError("validation", { fieldErrors: { orientedToPlaceId: ["Choisissez un lieu du territoire dans la liste."] } });
  return { actorId: place.actorId };
}

export type RecordOptions = { today?: string };

/**
 * Records one accompaniment and counts it in the statistics, in one transaction. With a `clientId` (the form's
 * or the offline queue's), sending the same entry again returns the record already written: it lands once.
 */
export async function recordAccompaniment(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, options: RecordOptions = {}): Promise<{ id: string; created: boolean }> {
  authorize(accompanimentPolicy.record(principal, territory));
  const input = parseOrThrow(recordSchema(options.today ?? parisToday()), raw);
  return db.transaction(async (tx) => {
    const { actorId } = await checkedPlaces(tx, principal, territory, input);
    const [row] = await tx
      .insert(accompaniments)
      .values({ territoryId: territory.id, ...values(input, actorId), clientId: input.clientId, origin: "saisie", recordedBy: principal.kind === "user" ? principal.userId : null })
      .onConflictDoNothing({ target: [accompaniments.territoryId, accompaniments.clientId] })
      .returning();
    if (!row) {
      // Already received (a second tap, the offline queue sent twice): the first one stands.
      const [existing] = await tx
        .select({ id: accompaniments.id })
        .from(accompaniments)
        .where(and(eq(accompaniments.territoryId, territory.id), eq(accompaniments.clientId, input.clientId ?? "")));
      if (!existing) throw new Error("conflict on client_id without a row");
      return { id: existing.id, created: false };
    }
    await aggregateIn(tx, [aggregateSourceOf(row)], 1);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "accompaniment", entityId: row.id, action: "create", after: values(input, actorId) });
    return { id: row.id, created: true };
  });
}

/** A record of the territory the person may change: not found otherwise (404), or refused (403). */
async function changeable(tx: Executor, principal: Principal, territory: TerritoryRef, id: string): Promise<StoredRecord> {
  const row = await findRecord(tx, territory.id, id);
  if (!row) throw new AppError("not_found");
  const place = await placeForRecord(tx, territory.id, row.placeId);
  authorize(accompanimentPolicy.change(principal, territory, { recordedBy: row.recordedBy, speakerIds: place?.speakerIds ?? [] }));
  return row;
}

/** Edits a record: the statistics lose the old values and count the new ones, in the same transaction. */
export async function updateAccompaniment(db: Db, principal: Principal, territory: TerritoryRef, id: string, raw: unknown, options: RecordOptions = {}): Promise<void> {
  const input = parseOrThrow(recordSchema(options.today ?? parisToday()), raw);
  await db.transaction(async (tx) => {
    const before = await changeable(tx, principal, territory, id);
    const { actorId } = await checkedPlaces(tx, principal, territory, input);
    const [after] = await tx
      .update(accompaniments)
      .set({ ...values(input, actorId), updatedAt: new Date() })
      .where(and(eq(accompaniments.territoryId, territory.id), eq(accompaniments.id, id)))
      .returning();
    if (!after) throw new AppError("not_found");
    // One call, rows locked in one key order: two edits in opposite directions cannot deadlock (decision 029).
    await reaggregateIn(tx, [aggregateSourceOf(before)], [aggregateSourceOf(after)]);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "accompaniment", entityId: id, action: "update", before: aggregateSourceOf(before), after: values(input, actorId) });
  });
}

/** Deletes a record and takes it out of the statistics. */
export async function deleteAccompaniment(db: Db, principal: Principal, territory: TerritoryRef, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await changeable(tx, principal, territory, id);
    await tx.delete(accompaniments).where(and(eq(accompaniments.territoryId, territory.id), eq(accompaniments.id, id)));
    await aggregateIn(tx, [aggregateSourceOf(before)], -1);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "accompaniment", entityId: id, action: "delete", before: aggregateSourceOf(before) });
  });
}

/** A record to write in bulk (import, demo): every column but the generated ones. */
export type BulkRecord = AggregateSource & {
  actorId: string | null;
  kind: "individuel" | "collectif";
  setting: "lieu" | "domicile" | "distance";
  autonomy: "entierement" | "partiellement" | "pas_autonome" | null;
  equipment: readonly string[];
  title: string;
  level: string | null;
  origin: "saisie" | "import" | "demo";
  recordedBy: string | null;
};

/**
 * Writes many records inside the caller's transaction, then counts them all in the statistics (ONE
 * `aggregateIn` over the lot: a call per batch would upsert the same statistics rows again and again).
 * Each batch is one statement whose rows travel as a single JSON parameter (`jsonb_to_recordset`): three
 * times faster than a multi-row VALUES of 17 bound parameters a row on PGlite, and no bound-parameter limit.
 */
export async function insertRecordsIn(tx: Executor, rows: readonly BulkRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`insert into accompaniments (territory_id, place_id, actor_id, occurred_on, kind, people, duration_minutes, themes, equipment, setting, autonomy, oriented_to_place_id, title, level, age_bands, statuses, origin, recorded_by)
      select "territoryId", "placeId", "actorId", "occurredOn", kind::accompaniment_kind, people, "durationMinutes", themes, equipment, setting::accompaniment_setting, autonomy::autonomy_level,
        "orientedToPlaceId", title, level, "ageBands", statuses, origin::accompaniment_origin, "recordedBy"
      from jsonb_to_recordset(${batch}::jsonb) as r("territoryId" uuid, "placeId" uuid, "actorId" uuid, "occurredOn" date, kind text, people int, "durationMinutes" int, themes text[],
        equipment text[], setting text, autonomy text, "orientedToPlaceId" uuid, title text, level text, "ageBands" jsonb, statuses jsonb, origin text, "recordedBy" text)`);
  }
  await aggregateIn(tx, rows, 1);
}

/**
 * Two places merged into one (places' duplicates): the records written at the removed place, and the orientations
 * towards it, move to the kept one — in the merge's transaction, with the statistics moved by one ordered
 * re-aggregation (registered at start-up: src/boot.ts).
 */
export async function moveRecordsOfPlaceIn(tx: Executor, removedId: string, keptId: string): Promise<void> {
  const before = await tx
    .select()
    .from(accompaniments)
    .where(or(eq(accompaniments.placeId, removedId), eq(accompaniments.orientedToPlaceId, removedId)));
  if (before.length === 0) return;
  await tx.update(accompaniments).set({ placeId: keptId }).where(eq(accompaniments.placeId, removedId));
  await tx.update(accompaniments).set({ orientedToPlaceId: keptId }).where(eq(accompaniments.orientedToPlaceId, removedId));
  const moved = (id: string | null) => (id === removedId ? keptId : id);
  await reaggregateIn(
    tx,
    before.map((r) => aggregateSourceOf(r)),
    before.map((r) => aggregateSourceOf({ ...r, placeId: moved(r.placeId) ?? keptId, orientedToPlaceId: moved(r.orientedToPlaceId) })),
  );
}
