/**
 * Accompaniment records whose every statistic is known by hand, shared by the statistics' tests (aggregate,
 * queries, exports, CLI, public figures). Records are written here directly, each write with `aggregateIn` in
 * the same transaction, as the module's commands do.
 *
 * Charente (département 16); places P1 « Espace numérique d'Angoulême » (16015, structure A), P2 « Médiathèque
 * de Cognac » (16102, structure B), P3 « France services de Cognac » (16102, no structure).
 *   r1 P1 A 2026-01-10 individuel 1 pers. 30 min [demarches, courriel] lieu partiellement → P2, âges {60_69: 1}
 *   r2 P1 A 2026-01-20 individuel 1 pers. 45 min [demarches] domicile entierement, statuts {retraite: 1}
 *   r3 P1 A 2026-02-03 collectif 8 pers. 120 min [courriel, smartphone] lieu, âges {60_69: 5, 70_79: 3}
 *   r4 P2 B 2026-02-14 individuel 2 pers. 60 min [demarches] distance pas_autonome → P3
 *   r5 P3 – 2026-03-01 individuel 1 pers. 15 min [] lieu → P2
 * then (history): r2 edited to 60 min and themes [sante]; r5 deleted; r6 P2 B 2026-03-15 individuel 1 pers.
 * 30 min [demarches] lieu → P1.
 */
import { eq } from "drizzle-orm";
import type { Db, Executor } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { places, type NormalizedPlace } from "@/modules/places";
import { accompaniments, aggregateIn, reaggregateIn } from "@/modules/accompaniments";
import { createTestTerritory } from "./factories";

type NewRecord = typeof accompaniments.$inferInsert;
type Record_ = typeof accompaniments.$inferSelect;

export async function recordIn(db: Db, values: NewRecord): Promise<Record_> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(accompaniments).values(values).returning();
    if (!row) throw new Error("record not written");
    await aggregateIn(tx, [row], 1);
    return row;
  });
}

export async function editIn(db: Db, id: string, changes: Partial<NewRecord>): Promise<Record_> {
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(accompaniments).where(eq(accompaniments.id, id)).for("update");
    if (!old) throw new Error("no such record");
    const [row] = await tx.update(accompaniments).set(changes).where(eq(accompaniments.id, id)).returning();
    if (!row) throw new Error("record not updated");
    await reaggregateIn(tx, [old], [row]);
    return row;
  });
}

export async function deleteIn(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx: Executor) => {
    const [old] = await tx.delete(accompaniments).where(eq(accompaniments.id, id)).returning();
    if (old) await aggregateIn(tx, [old], -1);
  });
}

export async function insertPlace(db: Db, name: string, communeCode: string, actorId: string | null, sourceId: string) {
  const [p] = await db
    .insert(places)
    .values({ source: "test-accompagnements", sourceId, name, communeCode, actorId, data: { nom: name } as unknown as NormalizedPlace })
    .returning({ id: places.id, name: places.name });
  if (!p) throw new Error("place not written");
  return p;
}

export async function seedAccompanimentBase(db: Db, slug: string) {
  const territory = await createTestTerritory(db, { kind: "departement", code: "16", slug, name: "Charente" });
  const [a, b] = await db
    .insert(actors)
    .values([{ name: "Centre social de la Grand Font" }, { name: "Réseau des médiathèques de Cognac" }])
    .returning({ id: actors.id, name: actors.name });
  if (!a || !b) throw new Error("actors not written");
  const p1 = await insertPlace(db, "Espace numérique d'Angoulême", "16015", a.id, `${slug}-p1`);
  const p2 = await insertPlace(db, "Médiathèque de Cognac", "16102", b.id, `${slug}-p2`);
  const p3 = await insertPlace(db, "France services de Cognac", "16102", null, `${slug}-p3`);
  return { territory, a, b, p1, p2, p3 };
}

export type AccompanimentBase = Awaited<ReturnType<typeof seedAccompanimentBase>>;

export async function recordFirstFive(db: Db, f: AccompanimentBase) {
  const t = f.territory.id;
  const r1 = await recordIn(db, { territoryId: t, placeId: f.p1.id, actorId: f.a.id, occurredOn: "2026-01-10", kind: "individuel", people: 1, durationMinutes: 30, themes: ["demarches", "courriel"], setting: "lieu", autonomy: "partiellement", orientedToPlaceId: f.p2.id, ageBands: { "60_69": 1 } });
  const r2 = await recordIn(db, { territoryId: t, placeId: f.p1.id, actorId: f.a.id, occurredOn: "2026-01-20", kind: "individuel", people: 1, durationMinutes: 45, themes: ["demarches"], setting: "domicile", autonomy: "entierement", statuses: { retraite: 1 } });
  const r3 = await recordIn(db, { territoryId: t, placeId: f.p1.id, actorId: f.a.id, occurredOn: "2026-02-03", kind: "collectif", people: 8, durationMinutes: 120, themes: ["courriel", "smartphone"], setting: "lieu", title: "Atelier courriel", ageBands: { "60_69": 5, "70_79": 3 } });
  const r4 = await recordIn(db, { territoryId: t, placeId: f.p2.id, actorId: f.b.id, occurredOn: "2026-02-14", kind: "individuel", people: 2, durationMinutes: 60, themes: ["demarches"], setting: "distance", autonomy: "pas_autonome", orientedToPlaceId: f.p3.id });
  const r5 = await recordIn(db, { territoryId: t, placeId: f.p3.id, occurredOn: "2026-03-01", kind: "individuel", people: 1, durationMinutes: 15, themes: [], setting: "lieu", orientedToPlaceId: f.p2.id });
  return { r1, r2, r3, r4, r5 };
}

export async function applyHistory(db: Db, f: AccompanimentBase, r: Awaited<ReturnType<typeof recordFirstFive>>) {
  await editIn(db, r.r2.id, { durationMinutes: 60, themes: ["sante"] });
  await deleteIn(db, r.r5.id);
  const r6 = await recordIn(db, { territoryId: f.territory.id, placeId: f.p2.id, actorId: f.b.id, occurredOn: "2026-03-15", kind: "individuel", people: 1, durationMinutes: 30, themes: ["demarches"], setting: "lieu", orientedToPlaceId: f.p1.id });
  return { ...r, r6 };
}

/** The whole fixture: base, five records, then the history (edit, delete, insert). */
export async function seedAccompanimentFixture(db: Db, slug: string) {
  const base = await seedAccompanimentBase(db, slug);
  const records = await applyHistory(db, base, await recordFirstFive(db, base));
  return { ...base, records };
}
