import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createUser, principalOf } from "@/testing/factories";
import { deleteIn, editIn, recordFirstFive, seedAccompanimentBase, type AccompanimentBase } from "@/testing/accompaniment-fixture";
import { moveRecordsOfPlaceIn } from "./commands";
import { blocksContaining, blocksOf, monthIndex, MONTH_END } from "./flows";
import { importAccompaniments } from "./import";
import { orientationFlows, type StatsFilter } from "./stats";

describe("dyadic blocks of months", () => {
  it("counts months from January of year 1", () => {
    expect(monthIndex("0001-01")).toBe(0);
    expect(monthIndex("2025-01")).toBe(24288); // 2024 × 12
    expect(monthIndex("2026-03-15")).toBe(24302);
  });

  it("cuts a period into the fewest aligned blocks, by hand", () => {
    // 2025-01 is 24288 = 32 × 759: a block of 8 months (24288–24295), then one of 4 (24296–24299).
    expect(blocksOf(monthIndex("2025-01"), monthIndex("2025-12"))).toEqual([
      { grain: 3, start: 24288 },
      { grain: 2, start: 24296 },
    ]);
    expect(blocksOf()).toEqual([{ grain: 16, start: 0 }]);
    expect(blocksOf(5, 5)).toEqual([{ grain: 0, start: 5 }]);
    expect(blocksOf(5, 16)).toEqual([
      { grain: 0, start: 5 },
      { grain: 1, start: 6 },
      { grain: 3, start: 8 },
      { grain: 0, start: 16 },
    ]);
    expect(blocksOf(7, 6)).toEqual([]);
  });

  it("the blocks of any period cover exactly its months, and each month's 17 blocks are the ones that hold it", () => {
    for (const [first, last] of [
      [0, 0],
      [24288, 24323],
      [24290, 24301],
      [1, MONTH_END - 2],
      [24301, MONTH_END - 1],
      [0, 24290],
    ] as const) {
      const blocks = blocksOf(first, last);
      let next = first;
      for (const b of blocks) {
        expect(b.start).toBe(next);
        expect(b.start % 2 ** b.grain).toBe(0);
        next = b.start + 2 ** b.grain;
      }
      expect(next).toBe(last + 1);
      expect(blocks.length).toBeLessThanOrEqual(32);
    }
    expect(blocksContaining(24302).slice(0, 4)).toEqual([
      { grain: 0, start: 24302 },
      { grain: 1, start: 24302 },
      { grain: 2, start: 24300 },
      { grain: 3, start: 24296 },
    ]);
    expect(blocksContaining(24302)[16]).toEqual({ grain: 16, start: 0 });
  });
});

// The flows pre-aggregate after every kind of write, against values written by hand and a GROUP BY over the records.
let database: Database;
let f: AccompanimentBase;
const names = () => ({ [f.p1.id]: "P1", [f.p2.id]: "P2", [f.p3.id]: "P3" }) as Record<string, string>;

async function flowsOf(filter: StatsFilter = {}) {
  const n = names();
  return (await orientationFlows(database.db, f.territory.id, filter)).map((r) => `${n[r.fromPlaceId]}→${n[r.toPlaceId]} ${r.records}/${r.people}`).sort();
}

/** The same flows from the records themselves. */
async function rawFlows(filter: StatsFilter = {}) {
  const n = names();
  const { rows } = (await database.db.execute(sql`
    select place_id::text as "from", oriented_to_place_id::text as "to", count(*)::int as records, sum(people)::int as people
    from accompaniments where territory_id = ${f.territory.id} and oriented_to_place_id is not null
    ${filter.from ? sql`and occurred_on >= ${`${filter.from}-01`}::date` : sql``}
    ${filter.to ? sql`and occurred_on < ${`${filter.to}-01`}::date + interval '1 month'` : sql``}
    group by 1, 2`)) as unknown as { rows: { from: string; to: string; records: number; people: number }[] };
  return rows.map((r) => `${n[r.from]}→${n[r.to]} ${r.records}/${r.people}`).sort();
}

const periods: StatsFilter[] = [{}, { from: "2026-01", to: "2026-01" }, { from: "2026-02", to: "2026-02" }, { from: "2026-03" }, { to: "2026-01" }, { from: "2025-06", to: "2026-02" }];

async function expectEqualsRecords() {
  for (const p of periods) expect([p, await flowsOf(p)]).toEqual([p, await rawFlows(p)]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  f = await seedAccompanimentBase(database.db, "charente-flows");
});
afterAll(async () => {
  await database?.close();
});

describe("the orientation flows' pre-aggregate equals the records", () => {
  it("after inserts: r1 P1→P2 in January, r4 P2→P3 (2 people) in February, r5 P3→P2 in March", async () => {
    const r = await recordFirstFive(database.db, f);
    expect(await flowsOf()).toEqual(["P1→P2 1/1", "P2→P3 1/2", "P3→P2 1/1"]);
    expect(await flowsOf({ from: "2026-02", to: "2026-02" })).toEqual(["P2→P3 1/2"]);
    expect(await flowsOf({ from: "2026-03" })).toEqual(["P3→P2 1/1"]);
    expect(await flowsOf({ to: "2026-01" })).toEqual(["P1→P2 1/1"]);
    expect(await flowsOf({ from: "2025-01", to: "2025-12" })).toEqual([]);
    await expectEqualsRecords();

    // An edit: r1 now orients to P3 and happened in February (−1 old flow, +1 new one).
    await editIn(database.db, r.r1.id, { orientedToPlaceId: f.p3.id, occurredOn: "2026-02-20" });
    expect(await flowsOf()).toEqual(["P1→P3 1/1", "P2→P3 1/2", "P3→P2 1/1"]);
    expect(await flowsOf({ to: "2026-01" })).toEqual([]);
    expect(await flowsOf({ from: "2026-02", to: "2026-02" })).toEqual(["P1→P3 1/1", "P2→P3 1/2"]);
    await expectEqualsRecords();

    // A deletion: r5's flow is gone from every period.
    await deleteIn(database.db, r.r5.id);
    expect(await flowsOf()).toEqual(["P1→P3 1/1", "P2→P3 1/2"]);
    expect(await flowsOf({ from: "2026-03" })).toEqual([]);
    await expectEqualsRecords();
  });

  it("after a CSV import (the bulk path of the demo too)", async () => {
    const u = await createUser(database.db, {});
    await addMember(database.db, f.territory.id, u.id, "coordinator");
    const coordinator = await principalOf(database.db, u.id);
    const csv = [
      "date;lieu;type;personnes;duree_minutes;thematiques;materiel;modalite;autonomie;orientation;titre;niveau",
      "2026-03-02;Médiathèque de Cognac;individuel;2;30;demarches_administratives;;;;Espace numérique d'Angoulême;;",
      "2026-01-05;Espace numérique d'Angoulême;individuel;1;30;demarches_administratives;;;;France services de Cognac;;",
      "2026-01-06;Espace numérique d'Angoulême;individuel;1;30;demarches_administratives;;;;;;",
    ].join("\n");
    const report = await importAccompaniments(database.db, coordinator, f.territory, new TextEncoder().encode(csv), { today: "2026-03-10" });
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(3);
    expect(await flowsOf()).toEqual(["P1→P3 2/2", "P2→P1 1/2", "P2→P3 1/2"]);
    expect(await flowsOf({ to: "2026-01" })).toEqual(["P1→P3 1/1"]);
    expect(await flowsOf({ from: "2026-03" })).toEqual(["P2→P1 1/2"]);
    await expectEqualsRecords();
  });

  it("after a place merge: P3's records and the orientations towards it move to P2", async () => {
    await database.db.transaction((tx) => moveRecordsOfPlaceIn(tx, f.p3.id, f.p2.id));
    // P1→P3 becomes P1→P2; P2→P3 becomes P2→P2 (a flow within the kept place).
    expect(await flowsOf()).toEqual(["P1→P2 2/2", "P2→P1 1/2", "P2→P2 1/2"]);
    expect(await flowsOf({ from: "2026-02", to: "2026-02" })).toEqual(["P1→P2 1/1", "P2→P2 1/2"]);
    await expectEqualsRecords();
    // A place filter keeps the flows that leave it or reach it; a commune (Cognac: P2, P3) likewise.
    expect((await orientationFlows(database.db, f.territory.id, { placeId: f.p1.id })).length).toBe(2);
    expect((await orientationFlows(database.db, f.territory.id, { communeCode: "16102", to: "2026-01" })).map((r) => [r.fromName, r.toName, r.records])).toEqual([
      ["Espace numérique d'Angoulême", "Médiathèque de Cognac", 1],
    ]);
  });

  it("the migration's backfill gives the very rows aggregateIn kept, block by block", async () => {
    const db = database.db;
    const table = async () =>
      ((await db.execute(sql`select territory_id::text, grain, start, from_place_id::text, to_place_id::text, records, people from accompaniment_flows where records <> 0 or people <> 0 order by 1, 2, 3, 4, 5`)) as unknown as { rows: unknown[] }).rows;
    const kept = await table();
    // 4 distinct (month, from, to) at grain 0; from grain 1 up, P1→P2 of January and February share their block: 3 × 16.
    expect(kept.length).toBe(52);
    const migration = fs.readFileSync(path.join(process.cwd(), "drizzle", "0015_accompaniment_flows.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes('INSERT INTO "accompaniment_flows"'));
    if (!backfill) throw new Error("no backfill in the migration");
    await db.transaction(async (tx) => {
      await tx.execute(sql`delete from accompaniment_flows`);
      await tx.execute(sql.raw(backfill));
    });
    expect(await table()).toEqual(kept);
  });
});
