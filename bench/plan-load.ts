// Issue 12's plan views through HTTP, as bench/public-load.ts measures the workspace (ADR 017): a production
// server (`next start`) serving a plan of ACTIONS actions (bench/plan-data.ts: 2,000 actions, 20,000 budget
// lines, 10,000 co-funding rows) to 20 signed-in coordinators (20 accounts, 20 sessions: each request carries
// the next one's cookie), on PGlite (embedded, as `npm start`) and on PostgreSQL (throwaway cluster).
//   npx tsx bench/plan-load.ts
//   DBS=pglite MODELS=closed ROUNDS=1 npx tsx bench/plan-load.ts      (a shorter run)
// Pages: the budget synthesis, the timeline, the communes map and the coverage matrix; beside them the
// baseline, the same roll-up as plain SQL GROUP BY (src/modules/plan/rollup-sql.ts) behind the same session
// and policy, as JSON (`/espace/<slug>/plan/budget/sql`, served only with MAILLAGE_BENCH_ROUTES=1).
// 1. Server CPU per view, one at a time (SEQUENTIAL views after WARMUP views of every page), HTML size.
// 2. Load (Debian's wrk, 20 connections, timeout 10 s), two models: browsing (what the target means: each
//    person reads 2–8 s, THINK_S, before the next page; BROWSE_DURATION s per case) and the closed loop (worst
//    case: 20 requests always in flight, DURATION s per case). Each round measures the baseline and the four
//    pages one after the other, the order reversed every other round (ROUNDS): per case p50/p95/p99, req/s,
//    errors, and the cores used by the server, the database server and other processes; then min and median
//    of the p95 over the rounds and the ratio page / baseline.
// 3. XLSX export, one at a time (XLSX_RUNS): time and the server's RSS above its idle RSS (sampled every 20 ms).
// Targets (PASS/FAIL): page p95 < 300 ms with 20 people browsing (the closed loop printed beside, not the
// target); XLSX < 5 s and < 300 MB over the idle server.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";
import { openDatabase } from "@/platform/db/client";
import { prepareDatabase } from "@/boot";
import { addMember, createUser } from "@/demo/factories";
import { preparePlan } from "./plan-data";
import { cpuBetween, createPgDatabase, machine, main, median, onCleanup, root, startPgCluster, tempDir, treeCpuMs, waitForQuiet } from "./lib";
import { msOf, rssMb, runWrk, type Row, type Server } from "./wrk";

const ACTIONS = Number(process.env.ACTIONS ?? 2000);
const USERS = Number(process.env.USERS ?? 20);
const DBS = (process.env.DBS ?? "pglite,postgres").split(",");
type Model = "browsing" | "closed";
const MODELS = (process.env.MODELS ?? "browsing,closed").split(",") as Model[];
const THINK_S = (process.env.THINK_S ?? "2-8").split("-").map(Number) as [number, number];
const BROWSE_DURATION = Number(process.env.BROWSE_DURATION ?? 30);
const DURATION = Number(process.env.DURATION ?? 15);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const XLSX_RUNS = Number(process.env.XLSX_RUNS ?? 3);
const PASSWORD = "mot-de-passe-du-banc-42";
const TARGET_MS = 300;
const XLSX_TARGET_MS = 5000;
const XLSX_TARGET_MB = 300;
const SLUG = "charente-plan-bench";
const PAGES: [string, string][] = [
  ["budget synthesis", `/espace/${SLUG}/plan/budget`],
  ["timeline", `/espace/${SLUG}/plan/calendrier`],
  ["communes map", `/espace/${SLUG}/plan/carte`],
  ["coverage matrix", `/espace/${SLUG}/strategie/couverture`],
];
const BASELINE: [string, string] = ["SQL GROUP BY (baseline)", `/espace/${SLUG}/plan/budget/sql`];
const email = (n: number) => `coordination-${n}@plan-bench.test`;

type Result = { db: string; cpu: { label: string; cpuMs: number; medianMs: number; bytes: number }[]; rows: (Row & { model: Model; round: number })[]; xlsx: { ms: number; mb: number; bytes: number }[]; idleRss: number };

/** The database, the plan and 20 coordinators, written before the server starts (PGlite has one owner). */
async function prepare(kind: string, dataDir: string, url: string | undefined): Promise<number> {
  const database = await openDatabase({ DATABASE_URL: url, dataDir: url ? "" : dataDir });
  try {
    await prepareDatabase(database, { DEMO: false });
    const first = await createUser(database.db, { name: "Coordination 1", email: email(1), password: PASSWORD });
    const { territory, prepareMs } = await preparePlan(database, ACTIONS, { slug: SLUG, creatorId: first.id });
    for (let n = 2; n <= USERS; n++) {
      const person = await createUser(database.db, { name: `Coordination ${n}`, email: email(n), password: PASSWORD });
      await addMember(database.db, territory.id, person.id, "coordinator");
    }
    await database.exec("VACUUM ANALYZE");
    console.log(`${kind}: prepared in ${(prepareMs / 1000).toFixed(1)} s: ${ACTIONS} actions, ${ACTIONS * 10} budget lines, ${ACTIONS * 5} co-funding rows, ${USERS} coordinators`);
    return prepareMs;
  } finally {
    await database.close();
  }
}

async function signIn(baseUrl: string, address: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ email: address, password: PASSWORD }) });
  await res.text();
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!res.ok || cookies.length === 0) throw new Error(`sign-in failed: ${res.status}`);
  return cookies.join("; ");
}

async function get(baseUrl: string, p: string, cookie: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(`${baseUrl}${p}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t, bytes: body.byteLength, status: res.status };
}

async function run(kind: string): Promise<Result> {
  console.log(`\n== ${kind} ==`);
  const dataDir = tempDir("maillage-bench-plan-load-");
  let url: string | undefined;
  let dbPid: number | undefined;
  if (kind === "PostgreSQL") {
    const cluster = startPgCluster();
    url = await createPgDatabase(cluster.url, "bench_plan_load");
    dbPid = Number(fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  }
  await prepare(kind, dataDir, url);
  const server = (await startServer({ dataDir, env: { DEMO: "0", MAILLAGE_BENCH_ROUTES: "1", ...(url ? { DATABASE_URL: url } : {}) } })) as Server;
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.stop();
    stopped = true;
  };
  onCleanup(stop);
  const { baseUrl } = server;
  const people: string[] = [];
  for (let n = 1; n <= USERS; n++) people.push(await signIn(baseUrl, email(n)));
  const cookie = people[0]!;
  const all = [BASELINE, ...PAGES];
  for (let i = 0; i < WARMUP; i++) {
    for (const [label, p] of all) {
      const r = await get(baseUrl, p, people[i % people.length]!);
      if (r.status !== 200) throw new Error(`GET ${p} (${label}) answered ${r.status}`);
    }
  }
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(server.pid);
  console.log(`server RSS idle after warm-up: ${idleRss.toFixed(0)} MB`);

  // 1. CPU per view, one at a time (the server's own CPU, and PostgreSQL's when it is one).
  const cpu: Result["cpu"] = [];
  for (const [label, p] of all) {
    await get(baseUrl, p, cookie);
    const s0 = treeCpuMs(server.pid);
    const d0 = dbPid ? treeCpuMs(dbPid) : new Map<number, number>();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SEQUENTIAL; i++) {
      const r = await get(baseUrl, p, cookie);
      times.push(r.ms);
      bytes = r.bytes;
    }
    const cpuMs = (cpuBetween(s0, treeCpuMs(server.pid)) + (dbPid ? cpuBetween(d0, treeCpuMs(dbPid)) : 0)) / SEQUENTIAL;
    cpu.push({ label, cpuMs, medianMs: median(times), bytes });
    console.log(`  ${label}: ${cpuMs.toFixed(1)} ms CPU per view (server${dbPid ? " + PostgreSQL" : ""}), ${median(times).toFixed(1)} ms median, ${(bytes / 1024).toFixed(0)} KiB`);
  }

  // 2. Load.
  console.log(`\n${await waitForQuiet()}`);
  console.log(`\n| ${kind} | model | round | p50 ms | p95 ms | p99 ms | req/s | errors | timeouts | non-2xx | server cores | database cores | other processes' cores |`);
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  const rows: Result["rows"] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const model of MODELS) {
      const order = round % 2 === 0 ? all : [...all].reverse();
      for (const [label, p] of order) {
        const load = model === "browsing" ? { cookies: people, thinkMs: [THINK_S[0] * 1000, THINK_S[1] * 1000] as [number, number], duration: BROWSE_DURATION } : { cookies: people, duration: DURATION };
        const row = await runWrk(server, null, label, `${baseUrl}${p}`, USERS, { ...load, dbPid, quiet: true });
        rows.push({ ...row, model, round });
        const w = row.wrk;
        console.log(
          `| ${label} | ${model} | ${round + 1} | ${msOf(w.p50)} | ${msOf(w.p95)} | ${msOf(w.p99)} | ${(w.requests / (w.durationUs / 1e6)).toFixed(1)} | ${w.errors}${w.errors ? ` (${w.readErrors} read)` : ""} | ${w.timeouts} | ${w.non2xx} | ${row.serverCores.toFixed(2)} | ${dbPid ? row.dbCores.toFixed(2) : "—"} | ${row.otherCores.toFixed(2)} |`,
        );
      }
    }
  }

  // 3. XLSX export, one at a time, RSS above idle.
  const xlsx: Result["xlsx"] = [];
  for (let i = 0; i < XLSX_RUNS; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssMb(server.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
    const r = await get(baseUrl, `/espace/${SLUG}/plan/export/xlsx`, cookie);
    clearInterval(sampler);
    if (r.status !== 200) throw new Error(`XLSX answered ${r.status}`);
    xlsx.push({ ms: r.ms, mb: Math.max(peak, rssMb(server.pid)) - idle, bytes: r.bytes });
    console.log(`  XLSX ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${(r.bytes / 1024 / 1024).toFixed(2)} MB, server RSS +${(xlsx.at(-1)!.mb).toFixed(0)} MB over ${idle.toFixed(0)} MB`);
  }
  await stop();
  return { db: kind, cpu, rows, xlsx, idleRss };
}

function summary(results: Result[]) {
  const p95 = (rs: Row[]) => rs.map((r) => r.wrk.p95 / 1000);
  for (const res of results) {
    console.log(`\n### ${res.db}: p95 over ${ROUNDS} rounds (min / median), beside the SQL GROUP BY baseline measured the same way`);
    console.log("| page | model | page p95 min / median | baseline p95 min / median | ratio (medians) | server CPU per view alone | HTML |");
    console.log("|---|---|---|---|---|---|---|");
    for (const model of MODELS) {
      const base = p95(res.rows.filter((r) => r.model === model && r.label === BASELINE[0]));
      for (const [label] of PAGES) {
        const page = p95(res.rows.filter((r) => r.model === model && r.label === label));
        const c = res.cpu.find((x) => x.label === label);
        console.log(`| ${label} | ${model} | ${Math.min(...page).toFixed(0)} / ${median(page).toFixed(0)} ms | ${Math.min(...base).toFixed(0)} / ${median(base).toFixed(0)} ms | ${(median(page) / median(base)).toFixed(1)} | ${c?.cpuMs.toFixed(1)} ms | ${((c?.bytes ?? 0) / 1024).toFixed(0)} KiB |`);
      }
    }
    const b = res.cpu.find((x) => x.label === BASELINE[0]);
    console.log(`baseline alone: ${b?.cpuMs.toFixed(1)} ms CPU per request, ${((b?.bytes ?? 0) / 1024).toFixed(1)} KiB`);
    const ms = res.xlsx.map((x) => x.ms);
    const mb = Math.max(...res.xlsx.map((x) => x.mb));
    console.log(`XLSX: ${(Math.min(...ms) / 1000).toFixed(2)} / ${(median(ms) / 1000).toFixed(2)} s (min / median of ${ms.length}), RSS +${mb.toFixed(0)} MB over the idle server (max), ${((res.xlsx[0]?.bytes ?? 0) / 1024 / 1024).toFixed(2)} MB file`);
    for (const [label] of PAGES) {
      for (const model of MODELS) {
        const worst = Math.max(...p95(res.rows.filter((r) => r.model === model && r.label === label)));
        console.log(`target: ${label} p95 < ${TARGET_MS} ms, ${USERS} people ${model === "browsing" ? "browsing (the target)" : "in a closed loop (worst case, not the target)"} on ${res.db}: ${worst < TARGET_MS ? "PASS" : "FAIL"} (worst round ${worst.toFixed(0)} ms)`);
      }
    }
    console.log(`target: XLSX < ${XLSX_TARGET_MS / 1000} s and < ${XLSX_TARGET_MB} MB over idle on ${res.db}: ${median(ms) < XLSX_TARGET_MS && mb < XLSX_TARGET_MB ? "PASS" : "FAIL"}`);
  }
}

void main(async () => {
  console.log(machine());
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() !== "";
  console.log(`code: ${commit}${dirty ? " + uncommitted changes" : ""}; ${spawnSync("wrk", ["-v"], { encoding: "utf8" }).stdout.split("\n")[0]}`);
  console.log(`ACTIONS=${ACTIONS} USERS=${USERS} DBS=${DBS.join(",")} MODELS=${MODELS.join(",")} THINK_S=${THINK_S.join("-")} BROWSE_DURATION=${BROWSE_DURATION} DURATION=${DURATION} ROUNDS=${ROUNDS}`);
  process.chdir(root);
  const t0 = Date.now();
  if (ensureBuilt()) console.log(`build: ${((Date.now() - t0) / 1000).toFixed(0)} s (not counted)`);
  const results: Result[] = [];
  for (const db of DBS) results.push(await run(db === "postgres" ? "PostgreSQL" : "PGlite"));
  summary(results);
});
