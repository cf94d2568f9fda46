// Import of 20,000 places (the real datasets repeated with new ids and jittered coordinates):
// time and peak memory on PGlite and on PostgreSQL, beside PostgreSQL COPY of the same rows (the floor).
//   npx tsx bench/import.ts
// Each import runs in its own fresh process so that its peak RSS is its own.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPgDatabase, machine, main, root, startPgCluster, tempDir } from "./lib";

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

await main(async () => {
  console.log(`bench/import.ts — ${machine()}`);
  const dir = tempDir("maillage-bench-import-");
  const file = buildFile(dir);
  console.log(`file: ${TARGET} records, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB JSON`);

  const pgliteDir = path.join(dir, "pglite-data");
  worker("prepare", file, { DATA_DIR: pgliteDir, DATABASE_URL: "" });
  const pglite = worker("import", file, { DATA_DIR: pgliteDir, DATABASE_URL: "" });

  const cluster = startPgCluster();
  const importUrl = await createPgDatabase(cluster.url, "bench_import");
  worker("prepare", file, { DATABASE_URL: importUrl });
  const postgres = worker("import", file, { DATABASE_URL: importUrl });

  const copyUrl = await createPgDatabase(cluster.url, "bench_copy");
  worker("prepare", file, { DATABASE_URL: copyUrl });
  const csv = path.join(dir, "places.csv");
  const prepared = worker("copy-csv", file, { DATABASE_URL: copyUrl, COPY_CSV: csv });
  const columns = "source,source_id,commune_code,name,lat,lon,services,publics,support,fees,access,hours,data,updated_on,search,modified_by";
  const t0 = performance.now();
  execFileSync("psql", [copyUrl, "-v", "ON_ERROR_STOP=1", "-c", `\\copy places (${columns}) from '${csv}' with (format csv)`], { stdio: "pipe" });
  const copyMs = performance.now() - t0;

  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
  const written = postgres.created;
  console.log("\n| | PGlite | PostgreSQL | PostgreSQL COPY (floor) |");
  console.log("|---|---|---|---|");
  console.log(`| time | ${(pglite.ms / 1000).toFixed(2)} s | ${(postgres.ms / 1000).toFixed(2)} s | ${(copyMs / 1000).toFixed(2)} s |`);
  console.log(`| rows written | ${pglite.created} | ${postgres.created} | ${prepared.created} |`);
  console.log(`| rate | ${rate(pglite.created, pglite.ms)} rows/s | ${rate(written, postgres.ms)} rows/s | ${rate(prepared.created, copyMs)} rows/s |`);
  console.log(`| peak RSS of the importing process | ${pglite.maxRssMb} MB | ${postgres.maxRssMb} MB | (psql) |`);
  const ratio = rate(written, postgres.ms) / rate(prepared.created, copyMs);
  console.log(`\nPostgreSQL import rate / COPY rate: ${(ratio * 100).toFixed(0)} % (target ≥ 30 %: ${ratio >= 0.3 ? "PASS" : "FAIL"})`);
  const rss = Math.max(pglite.maxRssMb, postgres.maxRssMb);
  console.log(`Peak RSS: ${rss} MB (target < 600 MB: ${rss < 600 ? "PASS" : "FAIL"})`);
  console.log(`Validation: ${postgres.records} records, ${postgres.rejected} rejected (the import includes parsing, v0.1→v1 migration, validation and commune resolution; COPY gets rows already prepared).`);
});
