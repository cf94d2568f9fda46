import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actorMembers, actors } from "@/modules/actors/schema";
import { importPlaces } from "@/modules/places/commands";
import { listPlaces } from "@/modules/places/queries";
import { places } from "@/modules/places/schema";
import type { Territory } from "@/modules/territories/queries";
import { dimensionsOf } from "./aggregate";
import { aggregateSourceOf, deleteAccompaniment, recordAccompaniment, updateAccompaniment } from "./commands";
import { importAccompaniments, importTemplate } from "./import";
import { frequentDurations, lastRecordOf, recentRecords, recordablePlaces } from "./queries";
import { accompaniments, accompanimentStats } from "./schema";
import { journeyOf } from "./journey";

const TODAY = "2026-03-10";
let database: Database;
let angouleme: Territory;
let cognac: Territory;
const people = {} as Record<"coordinator" | "partner" | "otherPartner" | "observer" | "cognacCoordinator", Principal>;
let own = ""; // a place of the partner's structure
let ownSecond = "";
let elsewhere = ""; // a place of another structure, same territory
let cognacPlace = "";

const record = (id: string, nom: string, commune: string, code_postal: string) => ({
  id,
  pivot: "00000000000000",
  nom,
  commune,
  code_postal,
  adresse: "1 place de l'Hôtel de Ville",
  date_maj: "2026-01-15",
  services: "Aide aux démarches administratives",
});

async function person(territory: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db, {});
  await addMember(database.db, territory.id, u.id, role);
  return principalOf(database.db, u.id);
}

const individual = (placeId: string, changes: Record<string, unknown> = {}) => ({
  occurredOn: "2026-03-09",
  placeId,
  kind: "individuel",
  people: 1,
  durationMinutes: 30,
  themes: ["demarches_administratives", "demarche_social_sante"],
  equipment: ["ordinateur"],
  setting: "lieu",
  autonomy: "partiellement",
  ...changes,
});

/** The statistics table as a map "month|place|dimension|value" → [records, people, minutes], zero rows left out. */
async function statsTable(territoryId: string) {
  const rows = await database.db.select().from(accompanimentStats).where(eq(accompanimentStats.territoryId, territoryId));
  const out = new Map<string, [number, number, number]>();
  for (const r of rows) if (r.records !== 0 || r.people !== 0 || r.minutes !== 0) out.set(`${r.month}|${r.placeId}|${r.dimension}|${r.value}`, [r.records, r.people, r.minutes]);
  return out;
}

/** The same table recomputed from the records themselves: what the statistics must always equal. */
async function sumOfRecords(territoryId: string) {
  const rows = await database.db.select().from(accompaniments).where(eq(accompaniments.territoryId, territoryId));
  const out = new Map<string, [number, number, number]>();
  for (const row of rows) {
    const src = aggregateSourceOf(row);
    for (const d of dimensionsOf(src)) {
      const key = `${src.occurredOn.slice(0, 7)}-01|${src.placeId}|${d.dimension}|${d.value}`;
      const [r, p, m] = out.get(key) ?? [0, 0, 0];
      out.set(key, [r + 1, p + d.people, m + src.durationMinutes]);
    }
  }
  return out;
}

async function expectStatsEqualRecords(territoryId: string) {
  expect(await statsTable(territoryId)).toEqual(await sumOfRecords(territoryId));
}

async function totalOf(territoryId: string, placeId: string, month: string) {
  const [row] = await database.db
    .select()
    .from(accompanimentStats)
    .where(and(eq(accompanimentStats.territoryId, territoryId), eq(accompanimentStats.placeId, placeId), eq(accompanimentStats.month, month), eq(accompanimentStats.dimension, "total")));
  return row ? [row.records, row.people, row.minutes] : undefined;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-accomp", name: "Angoulême" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-accomp", name: "Cognac" });
  const file = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));
  const system = { kind: "system", label: "test" } as const;
  await importPlaces(db, system, {
    bytes: file([record("a-1", "Médiathèque Alpha", "Angoulême", "16000"), record("a-2", "Annexe Alpha", "Angoulême", "16000"), record("a-3", "Centre social Bêta", "Angoulême", "16000")]),
    filename: "a.json",
    territory: angouleme,
    dryRun: false,
  });
  await importPlaces(db, system, { bytes: file([record("c-1", "Espace Cognac", "Cognac", "16100")]), filename: "c.json", territory: cognac, dryRun: false });
  const id = async (t: Territory, q: string) => (await listPlaces(db, t.id, { q }, 1)).items[0]?.id ?? "";
  own = await id(angouleme, "Médiathèque Alpha");
  ownSecond = await id(angouleme, "Annexe Alpha");
  elsewhere = await id(angouleme, "Bêta");
  cognacPlace = await id(cognac, "Cognac");
  people.coordinator = await person(angouleme, "coordinator");
  people.partner = await person(angouleme, "partner");
  people.otherPartner = await person(angouleme, "partner");
  people.observer = await person(angouleme, "observer");
  people.cognacCoordinator = await person(cognac, "coordinator");
  const [alpha] = await db.insert(actors).values({ name: "Médiathèques Alpha", communeCode: "16015" }).returning();
  const [beta] = await db.insert(actors).values({ name: "Centre social Bêta", communeCode: "16015" }).returning();
  await db.update(places).set({ actorId: alpha?.id }).where(eq(places.id, own));
  await db.update(places).set({ actorId: alpha?.id }).where(eq(places.id, ownSecond));
  await db.update(places).set({ actorId: beta?.id }).where(eq(places.id, elsewhere));
  // The observer too is named for Alpha: the role, not the naming, decides that they record nothing.
  for (const p of [people.partner, people.observer]) if (p.kind === "user" && alpha) await db.insert(actorMembers).values({ actorId: alpha.id, userId: p.userId });
  if (people.otherPartner.kind === "user" && beta) await db.insert(actorMembers).values({ actorId: beta.id, userId: people.otherPartner.userId });
});

afterAll(async () => {
  await database?.close();
});

describe("recording an accompaniment", () => {
  it("a mediator records at a place of their structure; the statistics count it, in the same write", async () => {
    const { id, created } = await recordAccompaniment(database.db, people.partner, angouleme, individual(own, { orientedToPlaceId: elsewhere, ageBands: { "60_69": 1 } }), { today: TODAY });
    expect(created).toBe(true);
    const [row] = await database.db.select().from(accompaniments).where(eq(accompaniments.id, id));
    expect(row?.occurredOn).toBe("2026-03-09");
    expect(row?.origin).toBe("saisie");
    expect(row?.recordedBy).toBe(people.partner.kind === "user" ? people.partner.userId : "");
    expect(await totalOf(angouleme.id, own, "2026-03-01")).toEqual([1, 1, 30]);
    await expectStatsEqualRecords(angouleme.id);
  });

  it("a collective session adds its people and minutes to the same month (written by hand: 1 + 8 people, 30 + 120 minutes)", async () => {
    await recordAccompaniment(database.db, people.partner, angouleme, individual(own, { kind: "collectif", people: 8, durationMinutes: 120, title: "Prendre en main sa tablette", level: "debutant" }), { today: TODAY });
    expect(await totalOf(angouleme.id, own, "2026-03-01")).toEqual([2, 9, 150]);
    await expectStatsEqualRecords(angouleme.id);
  });

  it("the same client id sent twice (offline queue, double tap) lands once", async () => {
    const clientId = "5f2b8a9e-1c3d-4e5f-8a7b-9c0d1e2f3a4b";
    const first = await recordAccompaniment(database.db, people.partner, angouleme, individual(ownSecond, { clientId }), { today: TODAY });
    const again = await recordAccompaniment(database.db, people.partner, angouleme, individual(ownSecond, { clientId }), { today: TODAY });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await database.db.select().from(accompaniments).where(eq(accompaniments.clientId, clientId))).toHaveLength(1);
    expect(await totalOf(angouleme.id, ownSecond, "2026-03-01")).toEqual([1, 1, 30]);
    await expectStatsEqualRecords(angouleme.id);
  });

  it("refuses a place of another structure (403), an observer (403), a place of another territory (field error), a stranger (403)", async () => {
    await expectAppError(recordAccompaniment(database.db, people.partner, angouleme, individual(elsewhere), { today: TODAY }), "forbidden");
    await expectAppError(recordAccompaniment(database.db, people.observer, angouleme, individual(own), { today: TODAY }), "forbidden");
    await expectAppError(recordAccompaniment(database.db, people.partner, angouleme, individual(cognacPlace), { today: TODAY }), "validation", "placeId");
    await expectAppError(recordAccompaniment(database.db, people.cognacCoordinator, angouleme, individual(own), { today: TODAY }), "forbidden");
    await expectAppError(recordAccompaniment(database.db, people.partner, angouleme, individual(own, { orientedToPlaceId: cognacPlace }), { today: TODAY }), "validation", "orientedToPlaceId");
  });

  it("the coordination records for any place of the territory", async () => {
    const { created } = await recordAccompaniment(database.db, people.coordinator, angouleme, individual(elsewhere, { occurredOn: "2026-02-27" }), { today: TODAY });
    expect(created).toBe(true);
    expect(await totalOf(angouleme.id, elsewhere, "2026-02-01")).toEqual([1, 1, 30]);
  });

  it("refuses impossible values field by field, and writes nothing", async () => {
    const before = (await database.db.select().from(accompaniments)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ occurredOn: "2026-03-11" }, "occurredOn"], // tomorrow
      [{ occurredOn: "2026-02-30" }, "occurredOn"],
      [{ people: -2 }, "people"],
      [{ people: 5 }, "people"], // individual with 5 people
      [{ durationMinutes: 1800 }, "durationMinutes"], // 30 hours
      [{ themes: [] }, "themes"],
      [{ themes: ["astrologie"] }, "themes"],
      [{ kind: "collectif", people: 6, title: "" }, "title"],
      [{ kind: "collectif", people: 6, title: "Atelier avec jean.dupont@exemple.fr" }, "title"],
      [{ ageBands: { "60_69": 3 } }, "ageBands"], // more people in the bands than accompanied
      [{ orientedToPlaceId: own }, "orientedToPlaceId"], // oriented to itself
    ];
    for (const [changes, field] of cases) await expectAppError(recordAccompaniment(database.db, people.partner, angouleme, individual(own, changes), { today: TODAY }), "validation", field);
    expect((await database.db.select().from(accompaniments)).length).toBe(before);
  });
});

describe("the mediator's own list, frequent durations and last record", () => {
  it("shows their own records only; the coordination sees the territory's; their places come last used first", async () => {
    const mine = await recentRecords(database.db, angouleme.id, people.partner.kind === "user" ? people.partner.userId : "");
    expect(mine.map((r) => r.placeName).sort()).toEqual(["Annexe Alpha", "Médiathèque Alpha", "Médiathèque Alpha"]);
    const all = await recentRecords(database.db, angouleme.id, undefined);
    expect(all).toHaveLength(4);
    const userId = people.partner.kind === "user" ? people.partner.userId : "";
    // Annexe Alpha was used last; Centre social Bêta is not theirs.
    expect((await recordablePlaces(database.db, angouleme.id, userId, false)).map((p) => p.name)).toEqual(["Annexe Alpha", "Médiathèque Alpha"]);
    expect(await recordablePlaces(database.db, angouleme.id, "nobody", false)).toEqual([]);
    // 30 minutes twice, 120 once: then the usual ones.
    expect(await frequentDurations(database.db, angouleme.id, userId)).toEqual([30, 120, 15, 45, 60, 90]);
    expect((await lastRecordOf(database.db, angouleme.id, userId))?.placeId).toBe(ownSecond);
  });
});

describe("editing and deleting", () => {
  it("an edit moves the counts from the old values to the new ones; a delete takes them away", async () => {
    const { id } = await recordAccompaniment(database.db, people.partner, angouleme, individual(own, { occurredOn: "2026-01-05" }), { today: TODAY });
    expect(await totalOf(angouleme.id, own, "2026-01-01")).toEqual([1, 1, 30]);
    await updateAccompaniment(database.db, people.partner, angouleme, id, individual(ownSecond, { occurredOn: "2026-02-03", durationMinutes: 45, people: 2 }), { today: TODAY });
    expect(await totalOf(angouleme.id, own, "2026-01-01")).toEqual([0, 0, 0]);
    expect(await totalOf(angouleme.id, ownSecond, "2026-02-01")).toEqual([1, 2, 45]);
    await expectStatsEqualRecords(angouleme.id);
    // Another mediator, even a partner of the territory, may not touch it; the coordination may.
    await expectAppError(updateAccompaniment(database.db, people.otherPartner, angouleme, id, individual(ownSecond), { today: TODAY }), "forbidden");
    await expectAppError(deleteAccompaniment(database.db, people.otherPartner, angouleme, id), "forbidden");
    await expectAppError(deleteAccompaniment(database.db, people.cognacCoordinator, cognac, id), "not_found");
    await deleteAccompaniment(database.db, people.partner, angouleme, id);
    expect(await totalOf(angouleme.id, ownSecond, "2026-02-01")).toEqual([0, 0, 0]);
    await expectStatsEqualRecords(angouleme.id);
  });

  it("a mediator cannot move their record to a place of another structure", async () => {
    const { id } = await recordAccompaniment(database.db, people.partner, angouleme, individual(own), { today: TODAY });
    await expectAppError(updateAccompaniment(database.db, people.partner, angouleme, id, individual(elsewhere), { today: TODAY }), "forbidden");
    await deleteAccompaniment(database.db, people.coordinator, angouleme, id);
    await expectStatsEqualRecords(angouleme.id);
  });
});

describe("importing a CSV file", () => {
  const csv = (lines: string[]) => new TextEncoder().encode(["date;lieu;type;personnes;duree_minutes;thematiques;materiel;modalite;autonomie;orientation;titre;niveau", ...lines].join("\n"));
  const count = async () => (await database.db.select().from(accompaniments).where(and(eq(accompaniments.territoryId, angouleme.id), eq(accompaniments.origin, "import")))).length;

  it("refuses impossible values line by line, and imports nothing of the file", async () => {
    const report = await importAccompaniments(
      database.db,
      people.partner,
      angouleme,
      csv([
        "2026-03-01;Médiathèque Alpha;individuel;1;30;demarches_administratives;;;;;;", // fine
        "2026-03-02;Médiathèque Alpha;individuel;-1;30;demarches_administratives;;;;;;", // negative people
        "2026-03-03;Médiathèque Alpha;collectif;6;1800;outils_quotidien;;;;;Tablette;", // 30 hours
        "2026-04-01;Médiathèque Alpha;individuel;1;30;demarches_administratives;;;;;;", // future
        "2026-03-04;Lieu inventé;individuel;1;30;demarches_administratives;;;;;;", // unknown place
        "2026-03-05;Médiathèque Alpha;individuel;1;30;astrologie;;;;;;", // unknown theme
        "2026-03-06;Centre social Bêta;individuel;1;30;demarches_administratives;;;;;;", // not their structure
        "2026-03-07;Médiathèque Alpha;collectif;5;60;outils_quotidien;;;;;Atelier de Mme Martin;", // a name in the title
      ]),
      { today: TODAY },
    );
    expect(report.imported).toBe(0);
    expect(report.lines).toBe(8);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const said = (line: number) => report.errors.find((e) => e.line === line)?.messages.join(" ") ?? "";
    expect(said(3)).toContain("personnes : Au moins une personne.");
    expect(said(4)).toContain("duree_minutes : Au plus 10 heures");
    expect(said(5)).toContain("date : La date ne peut pas être dans le futur");
    expect(said(6)).toContain("lieu : Lieu inconnu dans ce territoire : « Lieu inventé ».");
    expect(said(7)).toContain("thematiques : Thématique inconnue.");
    expect(said(8)).toContain("pas un lieu de votre structure");
    expect(said(9)).toContain("titre : Ce texte semble nommer une personne");
    expect(await count()).toBe(0);
  });

  it("refuses a file without the required columns, with the names of the missing ones", async () => {
    const report = await importAccompaniments(database.db, people.partner, angouleme, new TextEncoder().encode("date;lieu\n2026-03-01;Médiathèque Alpha\n"), { today: TODAY });
    expect(report.fileError).toBe("Colonnes manquantes : type, personnes, duree_minutes, thematiques. Partez du modèle à télécharger.");
  });

  it("imports a valid file in one write (labels or keys, French dates); the statistics equal the records", async () => {
    const report = await importAccompaniments(
      database.db,
      people.partner,
      angouleme,
      csv([
        "01/03/2026;Médiathèque Alpha;individuel;1;30;Aide aux démarches administratives|demarche_retraite;Smartphone;domicile;entierement;Centre social Bêta;;",
        "2026-03-02;annexe alpha;collectif;7;90;outils_quotidien;tablette;lieu;;;Découvrir les courriels;debutant",
      ]),
      { today: TODAY },
    );
    expect(report).toEqual({ lines: 2, imported: 2, errors: [] });
    const rows = await database.db.select().from(accompaniments).where(and(eq(accompaniments.territoryId, angouleme.id), eq(accompaniments.origin, "import")));
    const first = rows.find((r) => r.kind === "individuel");
    expect(first?.themes).toEqual(["demarches_administratives", "demarche_retraite"]);
    expect(first?.equipment).toEqual(["smartphone"]);
    expect(first?.orientedToPlaceId).toBe(elsewhere);
    expect(first?.occurredOn).toBe("2026-03-01");
    expect(rows.find((r) => r.kind === "collectif")?.title).toBe("Découvrir les courriels");
    await expectStatsEqualRecords(angouleme.id);
  });

  it("the template is a file the import reads: its two example lines import once the place is named", async () => {
    const report = await importAccompaniments(database.db, people.coordinator, angouleme, new TextEncoder().encode(importTemplate("Centre social Bêta")), { today: TODAY });
    expect(report).toEqual({ lines: 2, imported: 2, errors: [] });
    await expectStatsEqualRecords(angouleme.id);
    expect(await database.db.select().from(accompaniments).where(and(eq(accompaniments.territoryId, cognac.id), ne(accompaniments.origin, "demo")))).toHaveLength(0);
  });

  it("observers do not import (403)", async () => {
    await expectAppError(importAccompaniments(database.db, people.observer, angouleme, csv(["2026-03-01;Médiathèque Alpha;individuel;1;30;demarches_administratives;;;;;;"]), { today: TODAY }), "forbidden");
  });
});

describe("the journey, phase 7", () => {
  it("says the month's records and people, and the places with none (read from the statistics)", async () => {
    const empty = await journeyOf(database.db, angouleme, new Date("2025-05-20T10:00:00Z"));
    expect(empty[0]?.facts.map((f) => f.label)).toEqual(["0 accompagnement enregistré ce mois-ci", "0 personne accompagnée ce mois-ci", "3 lieux sans accompagnement enregistré ce mois-ci"]);
    expect(empty[0]?.missing).toEqual(["Aucun accompagnement enregistré ce mois-ci."]);
    await recordAccompaniment(database.db, people.partner, angouleme, individual(own, { occurredOn: "2025-05-06" }), { today: TODAY });
    await recordAccompaniment(database.db, people.partner, angouleme, individual(own, { occurredOn: "2025-05-19", kind: "collectif", people: 3, title: "Découvrir les courriels" }), { today: TODAY });
    const [phase] = await journeyOf(database.db, angouleme, new Date("2025-05-20T10:00:00Z"));
    expect(phase?.phase).toBe("evaluate");
    expect(phase?.facts.map((f) => f.label)).toEqual(["2 accompagnements enregistrés ce mois-ci", "4 personnes accompagnées ce mois-ci", "2 lieux sans accompagnement enregistré ce mois-ci"]);
    expect(phase?.next[0]?.text).toBe("Inviter les 2 lieux sans enregistrement ce mois-ci à saisir leurs accompagnements");
  });
});
