// The action plan's read side (issue 12): a plan of 2,000 actions, 20,000 budget lines and 10,000 co-funding
// rows, on PGlite and on PostgreSQL (throwaway cluster), in-process.
//   npx tsx bench/plan-views.ts      (ACTIONS=2000 USERS=20 ROUNDS=5)
//
// Data: bench/plan-data.ts (shared with bench/plan-load.ts, the same pages through HTTP).
//
// Views are kept per content revision of the version (read.ts, ADR 031): after the warm-up these calls are
// warm (no write in between), which is the pages' steady state; the "cold" line gives a read after a write.
// Measures, each as USERS calls at once (what USERS signed-in people opening the page at the same moment ask the
// database and the server's code; the HTTP layer and the HTML are not counted), ROUNDS rounds, page and baseline
// alternating (page then baseline, then baseline then page…): p95 of the calls of each round, then min and
// median of those p95 over the rounds, and the ratio page / baseline.
//   - budget synthesis: read the version whole (read.ts) + roll-ups (rollup.ts) + the two charts (SVG);
//   - timeline: read + months grid (timeline.ts);
//   - communes map: read + communes reached over the IFN (portrait kept warm);
//   - coverage matrix: priority questions × objectives × actions × indicators (src/composition/coverage);
//   - baseline: the same roll-up written as plain SQL `GROUP BY` (cost by axis and year, co-funding by axis,
//     funder and status) — two queries, the figures the synthesis shows.
// XLSX export: read + roll-ups + communes + workbook of 9 sheets, one at a time, ROUNDS times: duration and
// RSS above the idle process (sampled every 10 ms), beside the baseline SQL.
// Targets (PASS/FAIL): page p95 < 300 ms; XLSX < 5 s and < 300 MB above idle.
import { performance } from "node:perf_hooks";
import { prepareDatabase } from "@/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { loadPlan } from "@/modules/plan/read";
import { bumpPlanRevision, findPlanVersion } from "@/modules/plan/versions";
import { planRollupSql } from "@/modules/plan/rollup-sql";
import { rollupOf } from "@/modules/plan/rollup";
import { timelineOf, versionYears } from "@/modules/plan/timeline";
import { loadPlanDocument, planReachOf, writePlanExport } from "@/modules/plan/document";
import { axisChartSvg, yearChartSvg } from "@/modules/plan/charts";
import { loadCoverage } from "@/composition/coverage/load";
import { preparePlan } from "./plan-data";
import { createPgDatabase, machine, main, median, ms, percentile, seconds, startPgCluster, tempDir, waitForQuiet } from "./lib";

const ACTIONS = Number(process.env.ACTIONS ?? 2000);
const USERS = Number(process.env.USERS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TARGET_MS = 300;
const XLSX_TARGET_MS = 5000;
const XLSX_TARGET_MB = 300;

async function prepare(database: Database) {
  await prepareDatabase(database, { DEMO: false });
  return preparePlan(database, ACTIONS);
}

/** The synthesis' figures as an analyst would write them: plain SQL GROUP BY, two queries (rollup-sql.ts). */
async function baseline(database: Database, territoryId: string, versionId: string) {
  return planRollupSql(database.db, territoryId, versionId);
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
    { name: "coverage matrix", call: async () => loadCoverage(db, territory.id) },
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
  // The first person after a write: the revision bumped (as every plan command does), then one call.
  const afterWrite: number[] = [];
  for (const p of pages) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await bumpPlanRevision(db, territory.id, version.id);
      const t = performance.now();
      await p.call();
      times.push(performance.now() - t);
    }
    afterWrite.push(median(times));
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
  console.log(`\n| ${kind} | page p95 (min / median of ${ROUNDS} rounds, ${USERS} at once) | SQL GROUP BY p95 (min / median) | ratio (medians) | page alone (median of 3) | first page after a write (median of 3) |`);
  console.log("|---|---|---|---|---|---|");
  for (const [i, r] of rows.entries()) console.log(`| ${r.name} | ${ms(Math.min(...r.page))} / ${ms(median(r.page))} | ${ms(Math.min(...r.base))} / ${ms(median(r.base))} | ${(median(r.page) / median(r.base)).toFixed(1)} | ${ms(alone[i] ?? NaN)} | ${ms(afterWrite[i] ?? NaN)} |`);
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
