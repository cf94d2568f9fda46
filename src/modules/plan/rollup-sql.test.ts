import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { seedPlanFixture } from "@/testing/plan-fixture";
import { loadPlan } from "./read";
import { rollupPlan } from "./rollup";
import { planRollupSql } from "./rollup-sql";
import { findPlanVersion } from "./versions";

let database: Database;
let fixture: Awaited<ReturnType<typeof seedPlanFixture>>;
beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await seedPlanFixture(database.db, "cognac-rollup-sql");
});
afterAll(async () => {
  await database?.close();
});

describe("the benches' baseline: the synthesis' sums as plain SQL GROUP BY", () => {
  it("gives the synthesis' own cost by axis and year, and co-funding by funder and status", async () => {
    const { territory, ids } = fixture;
    const version = await findPlanVersion(database.db, territory.id, 1);
    if (!version) throw new Error("no version 1");
    const { costs, funding } = await planRollupSql(database.db, territory.id, version.id);
    const rollup = rollupPlan(await loadPlan(database.db, territory.id, version));

    // Whole plan (level 3: both columns rolled up): the hand-computed totals of read.test.ts.
    expect(costs.find((r) => r.level === 3)).toMatchObject({ planned: 77000.5, actual: 29500 });
    expect(rollup.totals).toMatchObject({ planned: 77000.5, actual: 29500 });
    // By axis (level 1: years rolled up), as the synthesis' table « Par axe ».
    const byAxis = costs.filter((r) => r.level === 1).map((r) => [r.axisId, r.planned, r.actual]);
    expect(byAxis).toEqual(expect.arrayContaining(rollup.axes.filter((a) => a.planned > 0).map((a) => [a.id, a.planned, a.actual])));
    expect(byAxis.find(([axis]) => axis === ids.proximite)).toEqual([ids.proximite, 61000, 29500]);
    // By year: the grand total split by year equals the synthesis' « Par année ».
    const byYear = new Map<number, number>();
    for (const r of costs.filter((c) => c.level === 0)) byYear.set(r.year as number, (byYear.get(r.year as number) ?? 0) + r.planned);
    expect([...byYear].sort()).toEqual(rollup.byYear.map((y) => [y.year, y.planned]));

    // Co-funding by funder and status (axes rolled up in TypeScript: the SQL rolls up right to left).
    const sqlByFunder = new Map<string, Record<string, number>>();
    for (const r of funding.filter((f) => f.level === 0)) {
      const entry = sqlByFunder.get(r.funder ?? "") ?? {};
      entry[r.status ?? ""] = (entry[r.status ?? ""] ?? 0) + r.amount;
      sqlByFunder.set(r.funder ?? "", entry);
    }
    for (const f of rollup.byFunder) {
      const s = sqlByFunder.get(f.funder) ?? {};
      expect({ funder: f.funder, secured: (s.accorde ?? 0) + (s.verse ?? 0), requested: s.demande ?? 0, envisaged: s.envisage ?? 0, refused: s.refuse ?? 0 }).toEqual({
        funder: f.funder,
        secured: f.secured,
        requested: f.requested,
        envisaged: f.envisaged,
        refused: f.refused,
      });
    }
    expect([...sqlByFunder.keys()].sort()).toEqual(rollup.byFunder.map((f) => f.funder).sort());
  });
});
