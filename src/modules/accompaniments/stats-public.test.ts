import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { recordIn, seedAccompanimentBase, seedAccompanimentFixture, type AccompanimentBase } from "@/testing/accompaniment-fixture";
import { publicAccompanimentStats } from "./stats-public";

let database: Database;
let f: AccompanimentBase;

// A territory written by hand for the public figures:
//   P1 (Angoulême): 12 individual records in January 2026, « demarches », in the place; 10 give the age band
//     60_69 and 2 the band 80_plus; 6 of them orient to P2;
//   P2 (Cognac): 6 records in February 2026, « courriel », in the place; one orients to P3;
//   P3 (Cognac): 2 records in February 2026, « sante », at home.
beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  f = await seedAccompanimentBase(db, "charente-public");
  const t = f.territory.id;
  const base = { territoryId: t, kind: "individuel" as const, people: 1, durationMinutes: 30, setting: "lieu" as const };
  for (let i = 0; i < 12; i++) {
    await recordIn(db, { ...base, placeId: f.p1.id, actorId: f.a.id, occurredOn: `2026-01-${String(i + 1).padStart(2, "0")}`, themes: ["demarches"], ageBands: i < 10 ? { "60_69": 1 } : { "80_plus": 1 }, orientedToPlaceId: i < 6 ? f.p2.id : null });
  }
  for (let i = 0; i < 6; i++) await recordIn(db, { ...base, placeId: f.p2.id, actorId: f.b.id, occurredOn: "2026-02-10", themes: ["courriel"], orientedToPlaceId: i === 0 ? f.p3.id : null });
  for (let i = 0; i < 2; i++) await recordIn(db, { ...base, placeId: f.p3.id, occurredOn: "2026-02-20", themes: ["sante"], setting: "domicile" });
});
afterAll(async () => {
  await database?.close();
});

const cells = (t: { cells: { label: string; records: number | null; people: number | null }[] | null }) => t.cells?.map((c) => [c.label, c.records, c.people]) ?? null;

describe("public figures of the accompaniments", () => {
  it("publishes tables whose cells are all 5 or more, with their totals", async () => {
    const s = await publicAccompanimentStats(database.db, f.territory.id);
    expect(s.total).toEqual({ records: 20, people: 20 });
    expect(cells(s.tables.month)).toEqual([
      ["janvier 2026", 12, 12],
      ["février 2026", 8, 8],
    ]);
    expect(cells(s.tables.commune)).toEqual([
      ["Angoulême", 12, 12],
      ["Cognac", 8, 8],
    ]);
    expect(cells(s.tables.kind)).toEqual([["Individuel", 20, 20]]);
  });

  it("hides a small theme and nothing else (themes are not a partition)", async () => {
    const s = await publicAccompanimentStats(database.db, f.territory.id);
    expect(s.tables.theme.cells?.map((c) => [c.key, c.records])).toEqual([
      ["demarches", 12],
      ["courriel", 6],
      ["sante", null],
    ]);
  });

  it("a small cell of a partition takes another with it: 2 at home cannot be found from the total 20", async () => {
    const s = await publicAccompanimentStats(database.db, f.territory.id);
    expect(cells(s.tables.setting)).toEqual([
      ["Dans le lieu", null, null],
      ["À domicile", null, null],
    ]);
    expect(s.tables.setting.total).toEqual({ records: 20, people: 20 });
    // Ages: 10 × 60_69, 2 × 80_plus, 8 without a band: the 2 are hidden, with the 8 « non renseigné ».
    expect(cells(s.tables.age)).toEqual([
      ["60 à 69 ans", 10, 10],
      ["80 plus", null, null],
      ["Non renseigné", null, null],
    ]);
    // Flows: 6 from Angoulême to Cognac, 1 from the médiathèque to France services: both hidden, 7 in all.
    expect(s.tables.flows.cells?.map((c) => c.records)).toEqual([null, null]);
    expect(s.tables.flows.total).toEqual({ records: 7, people: 7 });
  });

  it("a territory with fewer than 5 records publishes nothing", async () => {
    const small = await seedAccompanimentBase(database.db, "charente-public-petit");
    for (let i = 0; i < 4; i++) await recordIn(database.db, { territoryId: small.territory.id, placeId: small.p1.id, occurredOn: "2026-01-05", kind: "collectif", people: 10, durationMinutes: 60, themes: [], setting: "lieu" });
    const s = await publicAccompanimentStats(database.db, small.territory.id);
    expect(s.total).toBeNull();
    expect(s.tables.month.cells).toBeNull();
  });

  it("the hand-computed fixture (5 records, 13 people): every cell is small, only the total is published", async () => {
    const fixture = await seedAccompanimentFixture(database.db, "charente-public-fixture");
    const s = await publicAccompanimentStats(database.db, fixture.territory.id);
    expect(s.total).toEqual({ records: 5, people: 13 });
    expect(s.tables.month.cells?.every((c) => c.records === null && c.people === null)).toBe(true);
    expect(s.tables.commune.cells?.every((c) => c.records === null)).toBe(true);
  });
});
