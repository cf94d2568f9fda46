// The action plan's read side (issue 12): a plan of 2,000 actions, 20,000 budget lines and 10,000 co-funding
// rows, on PGlite and on PostgreSQL (throwaway cluster), in-process.
//   npx tsx bench/plan-views.ts      (ACTIONS=2000 USERS=20 ROUNDS=5)
//
// Data: a département territory (Charente, 364 communes), 4 axes, 40 actors, 10 catalogue sources, one version
// 2026–2027 with ACTIONS actions, each with 10 budget lines (5 per year), 5 co-funding rows (statuses in
// rotation), 2 steps, 1 in-kind row, 1 to 3 communes; VACUUM ANALYZE.
//
// Reads of the same version running at the same moment share one read (read.ts, since the first run): the
// "alone" column gives what one person pays when no read is running.
// Measures, each as USERS calls at once (what USERS signed-in people opening the page at the same moment ask the
// database and the server's code; the HTTP layer and the HTML are not counted), ROUNDS rounds, page and baseline
// alternating (page then baseline, then baseline then page…): p95 of the calls of each round, then min and
// median of those p95 over the rounds, and the ratio page / baseline.
//   - budget synthesis: read the version whole (read.ts) + roll-ups (rollup.ts) + the two charts (SVG);
//   - timeline: read + months grid (timeline.ts);
//   - communes map (the coverage-style page): read + communes reached over the IFN (portrait kept warm);
//   - baseline: the same roll-up written as plain SQL `GROUP BY` (cost by axis and year, co-funding by axis,
//     funder and status) — two queries, the figures the synthesis shows.
// XLSX export: read + roll-ups + communes + workbook of 9 sheets, one at a time, ROUNDS times: duration and
// RSS above the idle process (sampled every 10 ms), beside the baseline SQL.
// Targets (PASS/FAIL): page p95 < 300 ms; XLSX < 5 s and < 300 MB above idle.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { prepareDatabase } from "@/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { actors } from "@/modules/actors/schema";
import { fundingSources } from "@/modules/funding/schema";
import { strategyAxes } from "@/modules/strategy/schema";
import { territoryCommuneCodes } from "@/modules/territories/queries";
import { loadPlan } from "@/modules/plan/read";
import { findPlanVersion } from "@/modules/plan/versions";
import { rollupOf } from "@/modules/plan/rollup";
import { timelineOf, versionYears } from "@/modules/plan/timeline";
import { loadPlanDocument, planReachOf, writePlanExport } from "@/modules/plan/document";
import { axisChartSvg, yearChartSvg } from "@/modules/plan/charts";
import { createTestTerritory } from "@/demo/factories";
import { insertPlanActions, insertPlanVersion, type ActionSpec } from "@/testing/plan-rows";
import { createPgDatabase, machine, main, median, ms, percentile, seconds, startPgCluster, tempDir, waitForQuiet } from "./lib";

const ACTIONS = Number(process.env.ACTIONS ?? 2000);
const USERS = Number(process.env.USERS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TARGET_MS = 300;
const XLSX_TARGET_MS = 5000;
const XLSX_TARGET_MB = 300;

type Territory = { id: string; slug: string; name: string };

async function prepare(database: Database): Promise<{ territory: Territory; prepareMs: number }> {
  const t0 = performance.now();
  await prepareDatabase(database, { DEMO: false });
  const db = database.db;
  const territory = await createTestTerritory(db, { name: "Charente", slug: "charente-plan-bench", kind: "departement", code: "16" });
  const codes = await territoryCommuneCodes(db, territory.id);
  const axes = await db
    .insert(strategyAxes)
    .values([0, 1, 2, 3].map((i) => ({ territoryId: territory.id, title: `Axe ${i + 1}`, position: i })))
    .returning({ id: strategyAxes.id });
  const actorIds = (await db.insert(actors).values(Array.from({ length: 40 }, (_, i) => ({ name: `Structure ${i + 1}` }))).returning({ id: actors.id })).map((a) => a.id);
  const sources = (
    await db
      .insert(fundingSources)
      .values(Array.from({ length: 10 }, (_, i) => ({ territoryId: territory.id, name: `Source ${i + 1}`, funder: `Financeur ${(i % 6) + 1}`, aidKind: "subvention" as const })))
      .returning({ id: fundingSources.id })
  ).map((s) => s.id);
  const version = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2027 });
  const statuses = ["envisage", "demande", "accorde", "verse", "refuse"] as const;
  const specs: ActionSpec[] = Array.from({ length: ACTIONS }, (_, i) => {
    const start = i % 18;
    return {
      title: `Action ${i + 1}`,
      axisId: axes[i % axes.length]?.id ?? null,
      leadActorId: actorIds[i % actorIds.length] ?? null,
      status: "planifiee",
      startMonth: `${2026 + Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}-01`,
      endMonth: `2027-${String((i % 12) + 1).padStart(2, "0")}-01`,
      communes: codes.slice(i % codes.length, (i % codes.length) + 1 + (i % 3)),
      steps: [
        { title: "Lancement", dueDate: "2026-03-15", done: true },
        { title: "Bilan", dueDate: "2027-11-20" },
      ],
      budget: Array.from({ length: 10 }, (_, k) => ({ year: 2026 + (k % 2), item: `Poste ${k + 1}`, planned: 1000 + ((i * 7 + k * 13) % 50) * 100, actual: k % 3 === 0 ? 900 + k * 10 : null })),
      fundings: Array.from({ length: 5 }, (_, k) => ({ sourceId: k < 4 ? (sources[(i + k) % sources.length] ?? null) : null, funderLabel: k < 4 ? "" : "Commune", year: 2026 + (k % 2), status: statuses[(i + k) % 5] ?? "demande", amount: 500 + ((i + k) % 20) * 250 })),
      inKind: [{ actorId: actorIds[(i + 1) % actorIds.length] ?? null, kind: "temps_agent", year: 2026, days: (i % 5) + 1 }],
    };
  });
  await insertPlanActions(db, territory.id, version.id, specs);
  await db.execute(sql`VACUUM ANALYZE`);
  return { territory, prepareMs: performance.now() - t0 };
}

/** The synthesis' figures as an analyst would write them: plain SQL GROUP BY, two queries. */
async function baseline(database: Database, territoryId: string, versionId: string) {
  const db = database.db;
  const costs = await db.execute(sql`
    select a.axis_id, b.year, sum(b.planned) as planned, sum(b.actual) as actual, count(distinct a.id) as actions
    from plan_actions a join plan_budget_lines b on b.action_id = a.id
    where a.territory_id = ${territoryId} and a.version_id = ${versionId}
    group by rollup (a.axis_id, b.year)`);
  const funding = await db.execute(sql`
    select a.axis_id, coalesce(s.funder, f.funder_label) as funder, f.status, sum(f.amount) as amount
    from plan_actions a join plan_fundings f on f.action_id = a.id left join funding_sources s on s.id = f.source_id
    where a.territory_id = ${territoryId} and a.version_id = ${versionId}
    group by rollup (a.axis_id, coalesce(s.funder, f.funder_label), f.status)`);
  return [costs, funding];
}

async function users(call: () => Promise<unknown>): Promise<number[]> {
  return Promise.all(
    Array.from({ length: USERS }, async () => {
      const t = performance.now();
      await call();
      return performance.now() - t;
    }),
  );
}

type Row = { name: string; page: number[]; base: number[] };

async function run(kind: string, database: Database) {
  console.log(`\n== ${kind} ==`);
  const { territory, prepareMs } = await prepare(database);
  console.log(`prepared in ${seconds(prepareMs)}: ${ACTIONS} actions, ${ACTIONS * 10} budget lines, ${ACTIONS * 5} co-funding rows`);
  const db = database.db;
  const version = await findPlanVersion(db, territory.id);
  if (!version) throw new Error("no version");
  // Warm-up: JIT, the portrait's cache (the map reads it), the outline.
  const warm = await loadPlan(db, territory.id, version);
  await planReachOf(db, territory.id, warm);
  await baseline(database, territory.id, version.id);
  const pages: { name: string; call: () => Promise<unknown> }[] = [
    {
      name: "budget synthesis",
      call: async () => {
        const view = await loadPlan(db, territory.id, version);
        const r = rollupOf(view);
        return [axisChartSvg(r), yearChartSvg(r)];
      },
    },
    { name: "timeline", call: async () => timelineOf((await loadPlan(db, territory.id, version)).actions, versionYears(version)) },
    { name: "communes map", call: async () => planReachOf(db, territory.id, await loadPlan(db, territory.id, version)) },
  ];
  const rows: Row[] = pages.map((p) => ({ name: p.name, page: [], base: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    await waitForQuiet(20_000);
    for (const [i, p] of pages.entries()) {
      const row = rows[i] as Row;
      const page = async () => row.page.push(percentile(await users(p.call), 95));
      const base = async () => row.base.push(percentile(await users(() => baseline(database, territory.id, version.id)), 95));
      if (round % 2 === 0) {
        await page();
        await base();
      } else {
        await base();
        await page();
      }
    }
  }
  // One person alone (no read to share with): 3 calls one after the other, median.
  const alone: number[] = [];
  for (const p of pages) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await p.call();
      times.push(performance.now() - t);
    }
    alone.push(median(times));
  }
  // XLSX export, one at a time; RSS sampled every 10 ms above the idle process.
  const xlsx: number[] = [];
  const xlsxBase: number[] = [];
  const peaks: number[] = [];
  let size = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (global.gc) global.gc();
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const exportOnce = async () => {
      const t = performance.now();
      const doc = await loadPlanDocument(db, territory, { number: version.number });
      if (!doc) throw new Error("no plan");
      const bytes = await writePlanExport(doc, "xlsx");
      size = typeof bytes === "string" ? bytes.length : bytes.byteLength;
      xlsx.push(performance.now() - t);
    };
    const baseOnce = async () => {
      const t = performance.now();
      await baseline(database, territory.id, version.id);
      xlsxBase.push(performance.now() - t);
    };
    if (round % 2 === 0) {
      await exportOnce();
      await baseOnce();
    } else {
      await baseOnce();
      await exportOnce();
    }
    clearInterval(sampler);
    peaks.push((Math.max(peak, process.memoryUsage().rss) - idle) / (1024 * 1024));
  }
  console.log(`\n| ${kind} | page p95 (min / median of ${ROUNDS} rounds, ${USERS} at once) | SQL GROUP BY p95 (min / median) | ratio (medians) | page alone (median of 3) |`);
  console.log("|---|---|---|---|---|");
  for (const [i, r] of rows.entries()) console.log(`| ${r.name} | ${ms(Math.min(...r.page))} / ${ms(median(r.page))} | ${ms(Math.min(...r.base))} / ${ms(median(r.base))} | ${(median(r.page) / median(r.base)).toFixed(1)} | ${ms(alone[i] ?? NaN)} |`);
  console.log(`| XLSX export (one at a time) | ${seconds(Math.min(...xlsx))} / ${seconds(median(xlsx))}, ${(size / 1024 / 1024).toFixed(1)} MB, RSS +${Math.max(...peaks).toFixed(0)} MB (max) | ${ms(Math.min(...xlsxBase))} / ${ms(median(xlsxBase))} | ${(median(xlsx) / median(xlsxBase)).toFixed(0)} |`);
  for (const r of rows) console.log(`target: ${r.name} p95 < ${TARGET_MS} ms on ${kind}: ${median(r.page) < TARGET_MS ? "PASS" : "FAIL"} (${ms(median(r.page))})`);
  console.log(`target: XLSX < ${XLSX_TARGET_MS / 1000} s and < ${XLSX_TARGET_MB} MB on ${kind}: ${median(xlsx) < XLSX_TARGET_MS && Math.max(...peaks) < XLSX_TARGET_MB ? "PASS" : "FAIL"}`);
}

void main(async () => {
  console.log(machine());
  {
    const database = await openDatabase({ DATABASE_URL: undefined, dataDir: tempDir("maillage-bench-plan-") });
    try {
      await run("PGlite", database);
    } finally {
      await database.close();
    }
  }
  if (process.env.SKIP_POSTGRES !== "1") {
    const cluster = startPgCluster();
    const url = await createPgDatabase(cluster.url, "bench_plan");
    const database = await openDatabase({ DATABASE_URL: url, dataDir: "" });
    try {
      await run("PostgreSQL", database);
    } finally {
      await database.close();
    }
  }
});
