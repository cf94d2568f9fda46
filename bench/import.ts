// Import of 20,000 places (the real datasets repeated with new ids and jittered coordinates):
// time and peak memory on PGlite and on PostgreSQL, beside PostgreSQL COPY of the same rows (the floor).
//   npx tsx bench/import.ts           (RUNS=3)
// Each import runs in its own fresh process so that its peak RSS is its own, into an empty registry;
// RUNS runs of each (PGlite, PostgreSQL, COPY), each after waiting for a quiet machine; medians compared.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPgDatabase, machine, main, root, startPgCluster, tempDir, waitForQuiet } from "./lib";

const TARGET = 20_000;
const DATASETS = path.join(root, "..", "shared", "data", "standard-mediation-numerique", "datasets");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

type WorkerResult = { ms: number; maxRssMb: number; created: number; updated: number; rejected: number; records: number };

function buildFile(dir: string): string {
  const base: Record<string, unknown>[] = [];
  for (const f of fs.readdirSync(DATASETS).filter((f) => f.endsWith(".json") && !f.includes("fake"))) {
    base.push(...(JSON.parse(fs.readFileSync(path.join(DATASETS, f), "utf8")) as Record<string, unknown>[]));
  }
  // Deterministic jitter so that every run imports the same file.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; out.length < TARGET; i++) {
    const r = base[i % base.length] as Record<string, unknown>;
    const copy: Record<string, unknown> = { ...r, id: `${String(r.id)}-bench-${Math.floor(i / base.length)}` };
    if (typeof r.latitude === "number" && typeof r.longitude === "number") {
      copy.latitude = Math.round((r.latitude + random() * 0.02) * 1e6) / 1e6;
      copy.longitude = Math.round((r.longitude + random() * 0.02) * 1e6) / 1e6;
    }
    out.push(copy);
  }
  const file = path.join(dir, "lieux-20000.json");
  fs.writeFileSync(file, JSON.stringify(out));
  return file;
}

function worker(mode: "prepare" | "import" | "copy-csv", file: string, env: Record<string, string>): WorkerResult {
  const result = spawnSync(process.execPath, [tsx, path.join(root, "bench", "import-worker.ts"), mode, file], {
    cwd: root,
    env: { ...process.env, DEMO: "0", ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`worker ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as WorkerResult;
}

const RUNS = Number(process.env.RUNS ?? 3);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/** Empties the places table (and what points at it) so that each run inserts the same 20,000 rows. */
function truncatePlaces(url: string): void {
  // Two -c: psql runs a single -c string as one transaction, where VACUUM is not allowed.
  execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "set client_min_messages = warning; truncate places cascade", "-c", "vacuum analyze places"], { stdio: "pipe" });
}

await main(async () => {
  console.log(`bench/import.ts — ${machine()}`);
  const dir = tempDir("maillage-bench-import-");
  const file = buildFile(dir);
  console.log(`file: ${TARGET} records, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB JSON; ${RUNS} runs of each, each import in a fresh process`);

  // PGlite: one prepared data folder, copied for each run (a fresh, empty registry every time).
  const prepared = path.join(dir, "pglite-prepared");
  worker("prepare", file, { DATA_DIR: prepared, DATABASE_URL: "" });
  const pglite: WorkerResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const runDir = path.join(dir, `pglite-${i}`);
    fs.cpSync(prepared, runDir, { recursive: true });
    console.log(`  ${await waitForQuiet()}`);
    pglite.push(worker("import", file, { DATA_DIR: runDir, DATABASE_URL: "" }));
    fs.rmSync(runDir, { recursive: true, force: true });
  }

  const cluster = startPgCluster();
  const importUrl = await createPgDatabase(cluster.url, "bench_import");
  worker("prepare", file, { DATABASE_URL: importUrl });
  const postgres: WorkerResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    truncatePlaces(importUrl);
    console.log(`  ${await waitForQuiet()}`);
    postgres.push(worker("import", file, { DATABASE_URL: importUrl }));
  }

  const copyUrl = await createPgDatabase(cluster.url, "bench_copy");
  worker("prepare", file, { DATABASE_URL: copyUrl });
  const csv = path.join(dir, "places.csv");
  const rows = worker("copy-csv", file, { DATABASE_URL: copyUrl, COPY_CSV: csv });
  const columns = "source,source_id,commune_code,name,lat,lon,services,publics,support,fees,access,hours,data,updated_on,search,modified_by";
  const copies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    truncatePlaces(copyUrl);
    console.log(`  ${await waitForQuiet()}`);
    const t0 = performance.now();
    execFileSync("psql", [copyUrl, "-v", "ON_ERROR_STOP=1", "-c", `\\copy places (${columns}) from '${csv}' with (format csv)`], { stdio: "pipe" });
    copies.push(performance.now() - t0);
  }

  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
  const list = (v: number[]) => v.map((x) => (x / 1000).toFixed(2)).join(" / ");
  const pgliteMs = median(pglite.map((r) => r.ms));
  const postgresMs = median(postgres.map((r) => r.ms));
  const copyMs = median(copies);
  const written = postgres[0]?.created ?? 0;
  console.log("\n| | PGlite | PostgreSQL | PostgreSQL COPY (floor) |");
  console.log("|---|---|---|---|");
  console.log(`| time, each run (s) | ${list(pglite.map((r) => r.ms))} | ${list(postgres.map((r) => r.ms))} | ${list(copies)} |`);
  console.log(`| time, median | ${(pgliteMs / 1000).toFixed(2)} s | ${(postgresMs / 1000).toFixed(2)} s | ${(copyMs / 1000).toFixed(2)} s |`);
  console.log(`| rows written | ${pglite[0]?.created ?? 0} | ${written} | ${rows.created} |`);
  console.log(`| rate (median) | ${rate(pglite[0]?.created ?? 0, pgliteMs)} rows/s | ${rate(written, postgresMs)} rows/s | ${rate(rows.created, copyMs)} rows/s |`);
  console.log(`| peak RSS of the importing process, each run | ${pglite.map((r) => r.maxRssMb).join(" / ")} MB | ${postgres.map((r) => r.maxRssMb).join(" / ")} MB | (psql) |`);
  const ratio = rate(written, postgresMs) / rate(rows.created, copyMs);
  console.log(`\nPostgreSQL import rate / COPY rate (medians): ${(ratio * 100).toFixed(0)} % (target ≥ 30 %: ${ratio >= 0.3 ? "PASS" : "FAIL"})`);
  const rss = Math.max(...pglite.map((r) => r.maxRssMb), ...postgres.map((r) => r.maxRssMb));
  console.log(`Peak RSS, highest of all runs: ${rss} MB (target < 600 MB: ${rss < 600 ? "PASS" : "FAIL"})`);
  console.log(`Validation: ${postgres[0]?.records ?? 0} records, ${postgres[0]?.rejected ?? 0} rejected (the import includes parsing, v0.1→v1 migration, validation and commune resolution; COPY gets rows already prepared).`);
});
