import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { applyHistory, recordFirstFive, seedAccompanimentBase, type AccompanimentBase } from "@/testing/accompaniment-fixture";
import { accompanimentStatsBy, accompanimentTotals, orientationFlows, readStatsFilter } from "./stats";

// The fixture's every figure is computed by hand in src/testing/accompaniment-fixture.ts's header.
let database: Database;
let f: AccompanimentBase;
const pick = (rows: { key: string; label: string; records: number; people: number; minutes: number }[]) => rows.map((r) => [r.label, r.records, r.people, r.minutes]);

beforeAll(async () => {
  database = await openTestDatabase();
  f = await seedAccompanimentBase(database.db, "charente-stats");
});
afterAll(async () => {
  await database?.close();
});

describe("statistics are exactly the sum of the records", () => {
  it("after five recordings", async () => {
    const db = database.db;
    const records = await recordFirstFive(db, f);
    expect(await accompanimentTotals(db, f.territory.id)).toEqual({ records: 5, people: 13, minutes: 270 });
    expect(pick(await accompanimentStatsBy(db, f.territory.id, "place"))).toEqual([
      ["Espace numérique d'Angoulême", 3, 10, 195],
      ["France services de Cognac", 1, 1, 15],
      ["Médiathèque de Cognac", 1, 2, 60],
    ]);
    // Then the history: an edit (-1 old, +1 new), a deletion, a new record.
    await applyHistory(db, f, records);
  });

  it("after an edit, a deletion and an insert: totals, months, places, communes, structures", async () => {
    const db = database.db;
    const t = f.territory.id;
    expect(await accompanimentTotals(db, t)).toEqual({ records: 5, people: 13, minutes: 300 });
    expect(pick(await accompanimentStatsBy(db, t, "month"))).toEqual([
      ["janvier 2026", 2, 2, 90],
      ["février 2026", 2, 10, 180],
      ["mars 2026", 1, 1, 30],
    ]);
    // P3 had only the deleted record: it is gone from the table, not left at zero.
    expect(pick(await accompanimentStatsBy(db, t, "place"))).toEqual([
      ["Espace numérique d'Angoulême", 3, 10, 210],
      ["Médiathèque de Cognac", 2, 3, 90],
    ]);
    expect(pick(await accompanimentStatsBy(db, t, "commune"))).toEqual([
      ["Angoulême", 3, 10, 210],
      ["Cognac", 2, 3, 90],
    ]);
    expect(pick(await accompanimentStatsBy(db, t, "actor"))).toEqual([
      ["Centre social de la Grand Font", 3, 10, 210],
      ["Réseau des médiathèques de Cognac", 2, 3, 90],
    ]);
  });

  it("themes count a record once per theme; the edited record moved from « demarches » to « sante »", async () => {
    const rows = await accompanimentStatsBy(database.db, f.territory.id, "theme");
    expect(rows.map((r) => [r.key, r.records, r.people, r.minutes])).toEqual([
      ["demarches", 3, 4, 120],
      ["courriel", 2, 9, 150],
      ["sante", 1, 1, 60],
      ["smartphone", 1, 8, 120],
    ]);
  });

  it("age bands and statuses count the people given for them; kind, setting and autonomy", async () => {
    const db = database.db;
    const t = f.territory.id;
    expect((await accompanimentStatsBy(db, t, "age")).map((r) => [r.key, r.records, r.people])).toEqual([
      ["60_69", 2, 6],
      ["70_79", 1, 3],
    ]);
    expect((await accompanimentStatsBy(db, t, "status")).map((r) => [r.key, r.records, r.people])).toEqual([["retraite", 1, 1]]);
    expect(pick(await accompanimentStatsBy(db, t, "kind"))).toEqual([
      ["Individuel", 4, 5, 180],
      ["Collectif (atelier)", 1, 8, 120],
    ]);
    expect(pick(await accompanimentStatsBy(db, t, "setting"))).toEqual([
      ["Dans le lieu", 3, 10, 180],
      ["À distance (téléphone, visio)", 1, 2, 60],
      ["À domicile", 1, 1, 60],
    ]);
    expect(pick(await accompanimentStatsBy(db, t, "autonomy"))).toEqual([
      ["Entièrement autonome", 1, 1, 60],
      ["Partiellement autonome", 1, 1, 30],
      ["Pas autonome", 1, 2, 60],
    ]);
  });

  it("orientation flows between places, the deleted record's flow gone", async () => {
    const flows = await orientationFlows(database.db, f.territory.id);
    expect(flows.map((r) => [r.fromName, r.toName, r.records, r.people])).toEqual([
      ["Espace numérique d'Angoulême", "Médiathèque de Cognac", 1, 1],
      ["Médiathèque de Cognac", "Espace numérique d'Angoulême", 1, 1],
      ["Médiathèque de Cognac", "France services de Cognac", 1, 2],
    ]);
    const fromCognac = await orientationFlows(database.db, f.territory.id, { placeId: f.p3.id });
    expect(fromCognac.map((r) => [r.fromName, r.toName])).toEqual([["Médiathèque de Cognac", "France services de Cognac"]]);
  });

  it("filters: a period, a commune, a place (read from the place level)", async () => {
    const db = database.db;
    const t = f.territory.id;
    expect(await accompanimentTotals(db, t, { from: "2026-02", to: "2026-02" })).toEqual({ records: 2, people: 10, minutes: 180 });
    expect(await accompanimentTotals(db, t, { communeCode: "16102" })).toEqual({ records: 2, people: 3, minutes: 90 });
    expect((await accompanimentStatsBy(db, t, "theme", { communeCode: "16102" })).map((r) => [r.key, r.records, r.people])).toEqual([["demarches", 2, 3]]);
    expect((await accompanimentStatsBy(db, t, "month", { placeId: f.p1.id })).map((r) => [r.key, r.records])).toEqual([
      ["2026-01", 2],
      ["2026-02", 1],
    ]);
    expect(await accompanimentTotals(db, t, { placeId: f.p1.id, from: "2026-03" })).toEqual({ records: 0, people: 0, minutes: 0 });
  });

  it("both pre-aggregated levels equal a GROUP BY over the records, for every dimension", async () => {
    const db = database.db;
    const t = f.territory.id;
    const rowsOf = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: unknown[] }).rows;
    const fromRecords = await rowsOf(sql`
      select d.dimension, d.value, count(*)::int as records, sum(d.people)::int as people, sum(a.duration_minutes)::int as minutes
      from accompaniments a
      cross join lateral (
        select 'total' as dimension, '' as value, a.people
        union all select 'kind', a.kind::text, a.people
        union all select 'setting', a.setting::text, a.people
        union all select 'autonomy', a.autonomy::text, a.people where a.autonomy is not null
        union all select 'actor', a.actor_id::text, a.people where a.actor_id is not null
        union all select 'theme', th, a.people from unnest(a.themes) th
        union all select 'age', e.key, e.value::int from jsonb_each_text(a.age_bands) e where e.value::int > 0
        union all select 'status', e.key, e.value::int from jsonb_each_text(a.statuses) e where e.value::int > 0
      ) d
      where a.territory_id = ${t}
      group by 1, 2 order by 1, 2`);
    const fromStats = await rowsOf(sql`
      select dimension, value, sum(records)::int as records, sum(people)::int as people, sum(minutes)::int as minutes
      from accompaniment_territory_stats where territory_id = ${t} and dimension <> 'revision' group by 1, 2 having sum(records) > 0 order by 1, 2`);
    const fromPlaces = await rowsOf(sql`
      select dimension, value, sum(records)::int as records, sum(people)::int as people, sum(minutes)::int as minutes
      from accompaniment_stats where territory_id = ${t} and dimension <> 'orientation' group by 1, 2 having sum(records) > 0 order by 1, 2`);
    // total 1, kind 2, setting 3, autonomy 3, actor 2, theme 4, age 2, status 1
    expect(fromRecords.length).toBe(18);
    expect(fromStats).toEqual(fromRecords);
    expect(fromPlaces).toEqual(fromRecords);
  });
});

describe("the filter read from a page's parameters", () => {
  it("keeps what it can read and says what it could not, in French", () => {
    expect(readStatsFilter({ from: "2026-01", to: "2026-13", commune: "16102", place: "pas-un-lieu" })).toEqual({
      filter: { from: "2026-01", communeCode: "16102" },
      errors: ["Le mois de fin « 2026-13 » n'est pas un mois (AAAA-MM).", "Le lieu choisi est inconnu."],
    });
    expect(readStatsFilter({ from: "2026-05", to: "2026-02" })).toEqual({ filter: { from: "2026-02", to: "2026-05" }, errors: ["Le mois de début est après le mois de fin : la période a été inversée."] });
    expect(readStatsFilter({})).toEqual({ filter: {}, errors: [] });
  });
});

describe("the page's overview (four queries) gives the same figures as one query per table", () => {
  it("for the whole territory, a period, a commune and a place", async () => {
    const { statsOverview, statsDimensions } = await import("./stats");
    const db = database.db;
    const t = f.territory.id;
    for (const filter of [{}, { from: "2026-02", to: "2026-03" }, { communeCode: "16102" }, { placeId: f.p1.id }]) {
      const overview = await statsOverview(db, t, filter);
      expect(overview.totals).toEqual(await accompanimentTotals(db, t, filter));
      const allFlows = await orientationFlows(db, t, filter);
      expect(overview.flows).toEqual(allFlows.slice(0, 25));
      expect(overview.flowCount).toBe(allFlows.length);
      for (const d of statsDimensions) expect([d, overview.tables[d]]).toEqual([d, await accompanimentStatsBy(db, t, d, filter)]);
    }
    // And by hand, the structures of the whole territory (names joined in the same query).
    expect((await statsOverview(db, t)).tables.actor.map((r) => [r.label, r.records])).toEqual([
      ["Centre social de la Grand Font", 3],
      ["Réseau des médiathèques de Cognac", 2],
    ]);
  });
});

describe("the filters' choices", () => {
  it("lists the places of the perimeter that have statistics (P3's only record was deleted), and their communes", async () => {
    const { statsChoices } = await import("./stats");
    expect(await statsChoices(database.db, f.territory.id)).toEqual({
      places: [
        { id: f.p1.id, name: "Espace numérique d'Angoulême" },
        { id: f.p2.id, name: "Médiathèque de Cognac" },
      ],
      communes: [
        { code: "16015", name: "Angoulême" },
        { code: "16102", name: "Cognac" },
      ],
    });
  });
});

describe("the page's figures kept per statistics revision", () => {
  it("the revision counts every write; a view at the same revision is the kept one, a write gives the new figures", async () => {
    const { statsRevision } = await import("./stats");
    const { statsViewData } = await import("./stats-page");
    const { recordIn, deleteIn } = await import("@/testing/accompaniment-fixture");
    const db = database.db;
    const t = f.territory.id;
    // Five recordings, an edit (counted as its old and its new record), a deletion, a recording: 5 + 2 + 1 + 1.
    expect(await statsRevision(db, t)).toBe(9);
    const first = await statsViewData(db, t, {});
    expect(await statsViewData(db, t, {})).toBe(first);
    expect(first.totals.records).toBe(5);
    const extra = await recordIn(db, { territoryId: t, placeId: f.p1.id, actorId: f.a.id, occurredOn: "2026-03-20", kind: "individuel", people: 1, durationMinutes: 30, themes: ["demarches"], setting: "lieu" });
    expect(await statsRevision(db, t)).toBe(10);
    const after = await statsViewData(db, t, {});
    expect(after).not.toBe(first);
    expect(after.totals.records).toBe(6);
    await deleteIn(db, extra.id);
    expect(await statsRevision(db, t)).toBe(11);
    expect((await statsViewData(db, t, {})).totals.records).toBe(5);
    // Without the cache (the bench's cold view): the same figures.
    expect((await statsViewData(db, t, {}, { cache: false })).totals).toEqual((await statsViewData(db, t, {})).totals);
  });
});

describe("the page's flows: the largest ones and how many there are", () => {
  it("keeps the first ones in the order of all the flows, ties at the edge broken by the places' names", async () => {
    const { topOrientationFlows } = await import("./stats");
    const db = database.db;
    const t = f.territory.id;
    // The fixture's three flows have 1 record each (all tied): the names decide, as in orientationFlows.
    const two = await topOrientationFlows(db, t, {}, 2);
    expect(two.count).toBe(3);
    expect(two.flows.map((r) => [r.fromName, r.toName])).toEqual([
      ["Espace numérique d'Angoulême", "Médiathèque de Cognac"],
      ["Médiathèque de Cognac", "Espace numérique d'Angoulême"],
    ]);
    expect((await topOrientationFlows(db, t, { from: "2026-03" }, 2)).count).toBe(1);
    expect(await topOrientationFlows(db, t, { from: "2025-01", to: "2025-12" }, 2)).toEqual({ flows: [], count: 0 });
  });
});
