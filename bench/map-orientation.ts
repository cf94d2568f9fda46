// Cartography issue: the public map data and the orientation query, on PostgreSQL, with 20,000 places
// in one territory.
//   npx tsx bench/map-orientation.ts        (PLACES=20000 COMMUNES=50 REQUESTS=200 CONCURRENCY=20 WARMUP=5 SEQUENTIAL=30)
//   PROFILE=1 npx tsx bench/map-orientation.ts   also runs the server under `node --cpu-prof`, profiles the in-process
//                                                 queries (node:inspector), and says where the CPU of each measure goes
//
// Data: the real datasets of ../shared/data/standard-mediation-numerique/datasets/ (the fake fixture excluded),
// keeping the records that pass validation and whose commune resolves, repeated with new ids and
// deterministically jittered coordinates up to PLACES records. The few records without coordinates get their
// commune's centre (then the jitter), so that every place is on the map — the worst case for its payload.
// Imported at platform level (bench/import-worker.ts, no territory) into a throwaway PostgreSQL cluster, then
// one custom territory ("bassin de vie") made of every commune that has a place: all PLACES places are in it.
//
// 1. Map data: GET /territoires/<slug>/lieux/carte (GeoJSON of every matching place). Payload raw and gzip
//    (zlib on the body, and what the server sends); server time warm, p50/p95 of SEQUENTIAL requests after
//    WARMUP: the gzip file the map fetches (?format=gzip: kept with the answer, inflated in the browser),
//    the JSON that Next.js gzips on each request, without compression, and a revalidation (304)
//    (targets: < 1.5 MB gzip, < 100 ms); then the route's steps one by one in this process (1b).
// 2. Orientation: GET /aide?lieu=<name>&commune=<INSEE>&besoin=demarches over COMMUNES communes that have
//    places, in rotation: REQUESTS requests with CONCURRENCY in flight, then the same one at a time (target
//    p95 < 50 ms). The page renders the whole DSFR layout, so the query itself (`findHelp`, and
//    `resolveCommuneInput` + `findHelp` as the page calls them) is also timed in this process on the same
//    database, over the same queries, one at a time and CONCURRENCY in flight.
// Latency of HTTP requests is server time seen from a client on localhost: to the last byte, read without
// inflating it for the map (fetch, which inflates and decodes, is shown beside), fetch + reading the body for /aide.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { count, countDistinct, inArray, isNotNull, sql } from "drizzle-orm";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt, nextBin } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { freePort, startServer, waitFor } from "../scripts/lib/server.mjs";
import { openDatabase, type Database } from "@/platform/db/client";
import { communes } from "@/modules/geo/schema";
import { places } from "@/modules/places/schema";
import { communeIndex, resolveCommune } from "@/modules/places/commands";
import { placesForMap, placesVersion } from "@/modules/places/queries";
import { mapAnswer } from "@/modules/places/map-data";
import OpeningHours from "opening_hours";
import { isOpenAt, openAt, toParisWallDate } from "@/modules/places/hours";
import { validateFile } from "@/modules/places/standard/normalize";
import { findHelp, placeIndex, type HelpQuery } from "@/modules/orientation/nearest";
import { resolveCommuneInput } from "@/modules/orientation/commune";
import { createTestTerritory } from "@/demo/factories";
import {
  cpuBetween,
  createPgDatabase,
  isAlive,
  kib,
  machine,
  machineBusyMs,
  main,
  ms,
  onCleanup,
  percentile,
  root,
  seconds,
  startPgCluster,
  tempDir,
  treeCpuMs,
  waitForQuiet,
} from "./lib";

const PLACES = Number(process.env.PLACES ?? 20_000);
const COMMUNES = Number(process.env.COMMUNES ?? 50);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 30);
const PROFILE = process.env.PROFILE === "1";
const MAP_GZIP_TARGET = 1.5e6; // bytes ("1.5 MB")
const MAP_MS_TARGET = 100;
const ORIENTATION_MS_TARGET = 50;
const NEED = "demarches";
const MAX_KM = 50; // as src/app/aide/page.tsx
const SLUG = "bench-lieux";
const DATASETS = path.join(root, "..", "shared", "data", "standard-mediation-numerique", "datasets");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

type Server = { baseUrl: string; logFile: string; pid: number; stop(): Promise<void> };
type Sample = { ms: number; status: number; bytes: number; body: string };
type Cpu = { server: number; db: number; client: number; machine: number; others: number };
type Load = { latencies: number[]; ttfb: number[]; wallMs: number; errors: number; cpu: Cpu };
/** A time window on the monotonic clock (µs), to cut a CPU profile into the measures. */
type Window = { label: string; from: number; to: number };

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

// ---------- data ----------

/** The file to import (PLACES records), and the distinct communes its places resolve to. */
async function buildFile(database: Database, dir: string): Promise<{ file: string; base: number; bases: number[]; filled: number }> {
  const raw: Record<string, unknown>[] = [];
  const perFile: number[] = [];
  for (const f of fs.readdirSync(DATASETS).filter((f) => f.endsWith(".json") && !f.includes("fake")).sort()) {
    const records = JSON.parse(fs.readFileSync(path.join(DATASETS, f), "utf8")) as Record<string, unknown>[];
    raw.push(...records);
    perFile.push(records.length);
  }
  // Keep what the import would write with a commune: valid records whose commune resolves.
  const validation = validateFile(new TextEncoder().encode(JSON.stringify(raw)), "base.json");
  if (validation.results.length !== raw.length) throw new Error(`validation returned ${validation.results.length} results for ${raw.length} records`);
  const index = await communeIndex(database.db);
  const centres = new Map((await database.db.select({ code: communes.code, lon: communes.lon, lat: communes.lat }).from(communes)).map((c) => [c.code, c]));
  const base: Record<string, unknown>[] = [];
  let filled = 0;
  validation.results.forEach((result, i) => {
    const record = result.record;
    if (!record) return;
    const code = resolveCommune(index, record);
    const centre = code ? centres.get(code) : undefined;
    if (!code) return;
    const copy = { ...raw[i]! };
    if (record.latitude === undefined || record.longitude === undefined) {
      if (!centre || centre.lon === null || centre.lat === null) return;
      copy.latitude = centre.lat;
      copy.longitude = centre.lon;
      filled++;
    }
    base.push(copy);
  });
  // Deterministic jitter (same generator as bench/import.ts) so that every run imports the same file.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; out.length < PLACES; i++) {
    const r = base[i % base.length]!;
    out.push({
      ...r,
      id: `${String(r.id)}-bench-${Math.floor(i / base.length)}`,
      latitude: Math.round(((r.latitude as number) + random() * 0.02) * 1e6) / 1e6,
      longitude: Math.round(((r.longitude as number) + random() * 0.02) * 1e6) / 1e6,
    });
  }
  const file = path.join(dir, "lieux-20000.json");
  fs.writeFileSync(file, JSON.stringify(out));
  return { file, base: base.length, bases: perFile, filled };
}

function worker(mode: "prepare" | "import", file: string, url: string): { ms: number; created: number; rejected: number } {
  const result = spawnSync(process.execPath, [tsx, path.join(root, "bench", "import-worker.ts"), mode, file], {
    cwd: root,
    env: { ...process.env, DEMO: "0", DATABASE_URL: url },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`import-worker ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { ms: number; created: number; rejected: number };
}

// ---------- HTTP ----------

async function get(url: string, headers: Record<string, string> = {}): Promise<Sample> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", headers });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, bytes: Buffer.byteLength(body), body };
}

/** One request with a raw HTTP client: bytes counted as they come (not inflated); time to first byte and to last byte. */
function rawGet(url: string, encoding: string): Promise<{ ms: number; ttfb: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (res) => {
        const ttfb = performance.now() - t0;
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ ms: performance.now() - t0, ttfb, status: res.statusCode ?? 0, bytes }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Bytes on the wire for a browser-like request (accepting gzip, deflate, br), the encoding the server chose, and its ETag. */
function wireSize(url: string): Promise<{ bytes: number; encoding: string; etag: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity"), etag: String(res.headers.etag ?? "") }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** A revalidation: the browser already has the answer and sends its ETag. */
function conditionalGet(url: string, etag: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get(url, { headers: { "accept-encoding": "gzip, deflate, br", "if-none-match": etag } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const others = (c: Omit<Cpu, "others">) => Math.max(0, c.machine - c.server - c.db - c.client);

/**
 * `total` calls of `one(i)` with `concurrency` in flight; CPU of the server tree, PostgreSQL, this process
 * and the rest of the machine. Redone (twice at most) when other jobs took more than 10 % of the machine.
 */
async function load(label: string, total: number, concurrency: number, one: (i: number) => Promise<{ ms: number; ok: boolean; ttfb?: number }>, pids: { server?: number; postmaster: number }): Promise<Load> {
  const run = async (): Promise<Load> => {
    const latencies: number[] = [];
    const ttfb: number[] = [];
    let nextIndex = 0;
    let errors = 0;
    const s0 = pids.server ? treeCpuMs(pids.server) : new Map<number, number>();
    const d0 = treeCpuMs(pids.postmaster);
    const c0 = process.cpuUsage();
    const m0 = machineBusyMs();
    const w0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextIndex < total) {
          const r = await one(nextIndex++);
          if (!r.ok) errors++;
          latencies.push(r.ms);
          if (r.ttfb !== undefined) ttfb.push(r.ttfb);
        }
      }),
    );
    const wallMs = performance.now() - w0;
    const c = process.cpuUsage(c0);
    const cpu = {
      server: pids.server ? cpuBetween(s0, treeCpuMs(pids.server)) : 0,
      db: cpuBetween(d0, treeCpuMs(pids.postmaster)),
      client: (c.user + c.system) / 1000,
      machine: machineBusyMs() - m0,
    };
    return { latencies, ttfb, wallMs, errors, cpu: { ...cpu, others: others(cpu) } };
  };
  let best: Load | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const l = await run();
    if (!best || l.cpu.others < best.cpu.others) best = l;
    if (l.cpu.others <= 0.1 * os.availableParallelism() * l.wallMs) break;
    console.log(`  (${label}: other jobs used ${seconds(l.cpu.others)} of CPU during the measure; ${attempt < 3 ? "redone" : "kept the least noisy of 3"})`);
    if (attempt < 3) console.log(`  ${await waitForQuiet(60_000)}`);
  }
  return best!;
}

const stats = (v: number[]) => `p50 ${ms(percentile(v, 50))}, p95 ${ms(percentile(v, 95))}, max ${ms(Math.max(...v))}`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

function cpuLine(l: Load, n: number, withServer = true): string {
  const per = (v: number) => ms(v / n);
  return (
    `CPU over ${seconds(l.wallMs)} of wall time: ${withServer ? `Next server ${seconds(l.cpu.server)} (${per(l.cpu.server)}/request), ` : ""}` +
    `PostgreSQL ${seconds(l.cpu.db)} (${per(l.cpu.db)}), ${withServer ? "load client" : "this process"} ${seconds(l.cpu.client)} (${per(l.cpu.client)}), other processes ${seconds(l.cpu.others)}`
  );
}

// ---------- server (optionally under the CPU profiler) ----------

async function serve(env: Record<string, string>, dataDir: string, profileDir?: string): Promise<Server> {
  let server: Server;
  if (profileDir) {
    // `node --cpu-prof` on `next start` (NODE_OPTIONS may not carry it); the profile is written when it exits.
    const port = (await freePort()) as number;
    const logFile = path.join(profileDir, "server.log");
    const log = fs.openSync(logFile, "w");
    const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, nextBin, "start", "-p", String(port)], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), DATA_DIR: dataDir, ...env },
      stdio: ["ignore", log, log],
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const stop = async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      fs.closeSync(log);
    };
    const baseUrl = `http://localhost:${port}`;
    try {
      await Promise.race([waitFor(`${baseUrl}/`), exited.then(() => Promise.reject(new Error(fs.readFileSync(logFile, "utf8"))))]);
    } catch (e) {
      await stop();
      throw e;
    }
    server = { baseUrl, logFile, pid: child.pid!, stop };
  } else server = (await startServer({ env, dataDir })) as Server;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    if (isAlive(server.pid)) process.kill(server.pid, "SIGKILL"); // did not exit in time
    fs.rmSync(server.logFile, { force: true });
  };
  onCleanup(stop);
  return { ...server, stop };
}

type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** Where the server's CPU went within a window of the run (samples on the same monotonic clock as nowUs()). */
function summarizeProfile(profile: Profile, w: Window): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < w.from || t > w.to) return;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)" || f.functionName === "(program)") return;
    total += dt;
    const where = f.url.replace(/^file:\/\//, "").replace(`${root}/`, "");
    const key = `${f.functionName || "(anonymous)"}  ${where.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const area =
      f.functionName === "(garbage collector)" ? "garbage collector"
      : /opening_hours|hours\/opening-hours/.test(where) ? "opening hours (opening_hours library: parse, evaluate)"
      : /zlib/.test(where) ? "gzip of the answer (Next's compress)"
      : /drizzle-orm|node_modules\/(pg|pg-protocol|pg-pool)\/|@electric-sql/.test(where) ? "database driver / ORM"
      : /app-page.*runtime|react-dom|react-server/.test(where) ? "React / Next rendering runtime"
      : /next\/dist/.test(where) ? "Next server (routing, headers, other)"
      : /\.next\/server/.test(where) ? "app code and bundled libraries (.next/server)"
      : /^src\//.test(where) ? "app code (src/)"
      : /node_modules/.test(where) ? "other libraries (node_modules)"
      : where === "" ? "native (JSON, socket writes, string encoding, …)"
      : "node internals (streams, net, events, modules)";
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  });
  console.log(`\n  CPU profile, ${w.label}: ${ms(total / 1000)} busy (${((total / (w.to - w.from)) * 100).toFixed(0)} % of the window's wall time)`);
  if (total === 0) return;
  for (const [area, v] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`    ${((100 * v) / total).toFixed(0).padStart(3)} %  ${area}`);
  console.log("    top functions by self time:");
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}

// ---------- the map route, step by step ----------

/** Median time of `fn` over `n` runs after one run not counted; returns the last value. */
async function timeIt<T>(fn: () => Promise<T> | T, n = 10): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = await fn();
    t.push(performance.now() - t0);
  }
  return { ms: percentile(t, 50), value };
}

/** The steps of GET /territoires/<slug>/lieux/carte one by one (median of 10), the answer cache, and two alternatives. */
async function mapBreakdown(url: string, dir: string, territory: { id: string; updatedAt: Date }): Promise<void> {
  const { default: pg } = await import("pg");
  const database = await openDatabase({ DATABASE_URL: url, dataDir: dir });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const db = database.db;
    const territoryId = territory.id;
    const where = "commune_code in (select commune_code from territory_communes where territory_id = $1)";
    const select = `select id, name, lon, lat from places where ${where} and lon is not null and lat is not null`;
    const route = await timeIt(() => placesForMap(db, territoryId, {}));
    const [plan] = (await client.query(`explain (analyze, format json) ${select}`, [territoryId])).rows[0]["QUERY PLAN"] as { "Execution Time": number }[];
    const driver = await timeIt(() => client.query({ text: select, values: [territoryId], rowMode: "array" }));
    const rows = route.value;
    const body = await timeIt(() => JSON.stringify({ type: "FeatureCollection", features: rows.map((r) => ({ type: "Feature", geometry: { type: "Point", coordinates: [r.lon, r.lat] }, properties: { id: r.id, n: r.name } })) }));
    const bytes = Buffer.from(body.value);
    const gzip6 = await timeIt(() => zlib.gzipSync(bytes));
    const gzip1 = await timeIt(() => zlib.gzipSync(bytes, { level: 1 }));
    const br5 = await timeIt(() => zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } }));
    const version = await timeIt(() => placesVersion(db));
    // The answer cache (map-data.ts): a build for a version no other request asked for, then a hit.
    let n = 0;
    // (a perimeter version of its own for each call: same data, a key no request asked for)
    const cold = await timeIt(() => mapAnswer(db, { id: territoryId, updatedAt: new Date(++n) }, { openNow: false }));
    const full = { openNow: false } as const;
    await mapAnswer(db, territory, full);
    const warm = await timeIt(() => mapAnswer(db, territory, full));
    const openCold = await timeIt(() => mapAnswer(db, territory, { openNow: true }, new Date(Date.now() + 60_000 * ++n)));
    // Alternatives: the whole document built by PostgreSQL (one text value), and a compact array instead of GeoJSON.
    const inSql = await timeIt(() =>
      client.query(
        `select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object('type', 'Feature', 'geometry', ` +
          `json_build_object('type', 'Point', 'coordinates', json_build_array(lon, lat)), 'properties', json_build_object('id', id, 'n', name))), '[]'))::text as doc ` +
          `from places where ${where} and lon is not null and lat is not null`,
        [territoryId],
      ),
    );
    // What ?ouvert=1 adds: every place's hours evaluated now.
    const withHours = ((await client.query(`select hours from places where ${where} and lon is not null and lat is not null and hours is not null`, [territoryId])).rows as { hours: string }[]).map((r) => r.hours);
    const distinctHours = new Set(withHours).size;
    // 1. isOpenAt on each place, the way the route filtered before: parsed schedules are memoised, and
    //    the answers are kept per minute, so this is now a look-up per place after the first of each text.
    const o0 = performance.now();
    const open = withHours.filter((h) => isOpenAt(h, new Date())?.state === "open").length;
    const perPlaceMs = performance.now() - o0;
    // 2. What the route does now: one verdict per distinct text (openAt), in a new minute (nothing kept).
    const later = new Date(Date.now() + 3_600_000);
    const f0 = performance.now();
    const keep = openAt(later);
    withHours.filter((h) => keep(h));
    const filterMs = performance.now() - f0;
    // 3. The library alone, one fresh parse per place (what each place cost before the memo, 98bbd93).
    const sample = withHours.slice(0, 200);
    const wall = toParisWallDate(new Date());
    const horizon = new Date(wall.getTime() + 366 * 86_400_000);
    const p0 = performance.now();
    for (const h of sample) {
      try {
        const oh = new OpeningHours(h, { lat: 0, lon: 0, address: { country_code: "fr", state: "" } } as never, { locale: "fr" } as never);
        oh.getStateString(wall, true);
        oh.getNextChange(wall, horizon);
      } catch {
        // unreadable: skipped, as the app does
      }
    }
    const parseEach = (performance.now() - p0) / sample.length;
    const compact = JSON.stringify(rows.map((r) => [Math.round(r.lon * 1e5) / 1e5, Math.round(r.lat * 1e5) / 1e5, r.id, r.name]));
    console.log(`\n-- 1b. the map route step by step, in this process (server stopped; median of 10) --`);
    console.log(`  placesForMap (${rows.length} rows, straight from the driver): ${ms(route.ms)}; the same SQL through pg alone (array rows): ${ms(driver.ms)}; inside PostgreSQL (EXPLAIN ANALYZE): ${ms(plan?.["Execution Time"] ?? NaN)}`);
    console.log(`  features + JSON.stringify: ${ms(body.ms)} (${mb(bytes.length)}); gzip level 6: ${ms(gzip6.ms)} (${mb(gzip6.value.length)}), level 1: ${ms(gzip1.ms)} (${mb(gzip1.value.length)}); brotli quality 5: ${ms(br5.ms)} (${mb(br5.value.length)}; browsers cannot inflate brotli themselves, Next.js drops a route's own content-encoding)`);
    console.log(`  answer cache (map-data.ts): places version query ${ms(version.ms)}; a build (query, features, JSON, gzip file on the thread pool, hash) ${ms(cold.ms)}; a hit ${ms(warm.ms)}; a build with "open now" ${ms(openCold.ms)}`);
    console.log(`  "open now" (${withHours.length} places with hours, ${distinctHours} distinct texts, ${open} open now): isOpenAt place by place ${ms(perPlaceMs)}; one verdict per distinct text (openAt, what the route and the list do) ${ms(filterMs)}; for comparison, one fresh parse + evaluation costs ${parseEach.toFixed(2)} ms (x ${withHours.length} places = ${ms(parseEach * withHours.length)}, the cost before the memo)`);
    console.log(`  alternative, the whole GeoJSON built by PostgreSQL as one text: ${ms(inSql.ms)} (${mb(Buffer.byteLength(String(inSql.value.rows[0]?.doc ?? "")))})`);
    console.log(`  alternative payload, [lon, lat, id, name] arrays with 5 decimals: ${mb(Buffer.byteLength(compact))} raw, ${mb(zlib.gzipSync(compact).length)} gzip`);
  } finally {
    await client.end();
    await database.close();
  }
}

// ---------- the bench ----------

await main(async () => {
  process.chdir(root);
  delete process.env.DATABASE_URL;
  console.log(`== bench/map-orientation.ts: map data and orientation with ${PLACES} places in one territory, PostgreSQL ==`);
  console.log(machine());
  const b0 = performance.now();
  const built = ensureBuilt() as boolean;
  console.log(built ? `build: ran beforehand (${seconds(performance.now() - b0)}), excluded` : "build: already up to date");

  // Database: throwaway cluster, migrations and reference data, the file, the import, the territory.
  const cluster = startPgCluster();
  const url = await createPgDatabase(cluster.url, "bench_map_orientation");
  const postmaster = Number(fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  const dir = tempDir("maillage-bench-map-");
  const p0 = performance.now();
  worker("prepare", "", url);
  console.log(`database prepared (migrations, reference data, no demo) in ${seconds(performance.now() - p0)}`);

  let database = await openDatabase({ DATABASE_URL: url, dataDir: dir });
  let built0: Awaited<ReturnType<typeof buildFile>>;
  try {
    built0 = await buildFile(database, dir);
  } finally {
    await database.close();
  }
  console.log(
    `file: ${PLACES} records (${(fs.statSync(built0.file).size / 1e6).toFixed(1)} MB JSON) from ${built0.base} usable records of the real datasets ` +
      `(${built0.bases.join(" + ")} records; ${built0.filled} given their commune's centre as position)`,
  );
  const imported = worker("import", built0.file, url);
  console.log(`import (platform level, no territory): ${imported.created} places written, ${imported.rejected} rejected, ${seconds(imported.ms)}`);
  if (imported.created !== PLACES) throw new Error(`expected ${PLACES} places written, got ${imported.created}`);

  database = await openDatabase({ DATABASE_URL: url, dataDir: dir });
  const picked: { code: string; name: string; places: number }[] = [];
  let territoryCommunes = 0;
  let territoryId = "";
  let territoryUpdatedAt = new Date();
  let inTerritory = 0;
  try {
    const db = database.db;
    const withPlaces = await db.select({ code: places.communeCode, n: count() }).from(places).where(isNotNull(places.communeCode)).groupBy(places.communeCode).orderBy(places.communeCode);
    const t0 = performance.now();
    const territory = await createTestTerritory(db, { kind: "custom", name: "Bench : toutes les communes ayant un lieu", slug: SLUG, communes: withPlaces.map((c) => c.code).join(" ") });
    territoryCommunes = withPlaces.length;
    territoryId = territory.id;
    territoryUpdatedAt = territory.updatedAt;
    console.log(`territory /territoires/${SLUG}: custom, ${territoryCommunes} communes (every commune that has a place), created in ${seconds(performance.now() - t0)}`);
    const [located] = await db
      .select({ n: count() })
      .from(places)
      .where(sql`${places.lat} is not null and ${places.lon} is not null and ${places.communeCode} in (select commune_code from territory_communes where territory_id = ${territory.id})`);
    inTerritory = located?.n ?? 0;
    if (inTerritory !== PLACES) throw new Error(`expected ${PLACES} located places in the territory, got ${inTerritory}`);
    // Communes to search from: spread over the sorted list (every département of the data).
    const step = withPlaces.length / Math.min(COMMUNES, withPlaces.length);
    const codes = Array.from({ length: Math.min(COMMUNES, withPlaces.length) }, (_, i) => withPlaces[Math.floor(i * step)]!);
    const names = new Map((await db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, codes.map((c) => c.code!)))).map((c) => [c.code, c.name]));
    for (const c of codes) picked.push({ code: c.code!, name: names.get(c.code!)!, places: c.n });
    const [d] = await db.select({ n: countDistinct(communes.departement) }).from(communes).where(inArray(communes.code, picked.map((p) => p.code)));
    console.log(`orientation: ${picked.length} communes with places, in ${d?.n ?? "?"} départements (e.g. ${picked.slice(0, 4).map((p) => `${p.name} ${p.code}`).join(", ")}…)`);
    // Steady state: statistics up to date, no autovacuum of the fresh tables during the measures.
    await database.exec("VACUUM ANALYZE");
  } finally {
    await database.close();
  }

  console.log(await waitForQuiet());
  const profileDir = PROFILE ? tempDir("maillage-bench-map-cpuprof-") : undefined;
  const server = await serve({ DEMO: "0", DATABASE_URL: url }, tempDir("maillage-bench-map-data-"), profileDir);
  const windows: Window[] = [];
  const pids = { server: server.pid, postmaster };
  console.log("server time measured from a client on localhost (same machine, same cores as the server)");

  // ---- 1. map data ----
  const mapUrl = `${server.baseUrl}/territoires/${SLUG}/lieux/carte`;
  const first = await get(mapUrl);
  if (first.status !== 200) throw new Error(`GET /territoires/${SLUG}/lieux/carte answered ${first.status}`);
  const geojson = JSON.parse(first.body) as { features: unknown[] };
  const gzipBytes = zlib.gzipSync(Buffer.from(first.body)).length;
  const gzip9Bytes = zlib.gzipSync(Buffer.from(first.body), { level: 9 }).length;
  const brBytes = zlib.brotliCompressSync(Buffer.from(first.body)).length;
  const wire = await wireSize(mapUrl);
  // What the map fetches (places-map.tsx): the gzip file kept with the answer, inflated in the browser.
  const fileUrl = `${mapUrl}?format=gzip`;
  const fileFirst = await new Promise<Buffer>((resolve, reject) => {
    http.get(fileUrl, { headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve(Buffer.concat(chunks)));
      res.on("error", reject);
    }).on("error", reject);
  });
  if (zlib.gunzipSync(fileFirst).toString("utf8") !== first.body) throw new Error("the gzip file does not inflate to the JSON answer");
  const fileWire = await wireSize(fileUrl);
  for (let i = 1; i < WARMUP; i++) await get(mapUrl);
  const mapWindow: Window = { label: `map data, 5 × ${SEQUENTIAL} requests one at a time`, from: nowUs(), to: 0 };
  // Server time: a raw HTTP client that counts the bytes without inflating them (time to first byte, to last byte).
  const mapSeries = (label: string, url: string, encoding: string) =>
    load(label, SEQUENTIAL, 1, async () => {
      const r = await rawGet(url, encoding);
      return { ms: r.ms, ttfb: r.ttfb, ok: r.status === 200 };
    }, pids);
  const mapFile = await mapSeries("map, gzip file", fileUrl, "gzip, deflate, br");
  const mapGzip = await mapSeries("map, gzip", mapUrl, "gzip");
  // The same through fetch, which inflates and decodes 3.5 MB as a browser also has to.
  const mapFetch = await load("map, fetch", SEQUENTIAL, 1, async () => {
    const r = await get(mapUrl, { "accept-encoding": "gzip, deflate" });
    return { ms: r.ms, ok: r.status === 200 && r.bytes === first.bytes };
  }, pids);
  // Without compression.
  const mapIdentity = await mapSeries("map, identity", mapUrl, "identity");
  // Revalidation with the ETag the browser keeps (304, no body).
  const map304 = await load("map, 304", SEQUENTIAL, 1, async () => {
    const r = await conditionalGet(fileUrl, fileWire.etag);
    return { ms: r.ms, ok: r.status === 304 };
  }, pids);
  mapWindow.to = nowUs();
  windows.push(mapWindow);

  console.log(`\n-- 1. map data: GET /territoires/${SLUG}/lieux/carte --`);
  console.log(`  ${geojson.features.length} features (places in the territory with a position: ${inTerritory})`);
  console.log(`  payload: ${mb(first.bytes)} raw (${kib(first.bytes)}); gzip (zlib, level 6) ${mb(gzipBytes)} (${kib(gzipBytes)}), level 9 ${mb(gzip9Bytes)}, brotli ${mb(brBytes)}`);
  console.log(`  sent: the JSON ${mb(wire.bytes)} (${wire.encoding}, by Next.js); the gzip file (?format=gzip, what the map fetches) ${mb(fileWire.bytes)} (content-encoding: ${fileWire.encoding})`);
  console.log(`  ${(first.bytes / geojson.features.length).toFixed(0)} bytes raw and ${(gzipBytes / geojson.features.length).toFixed(1)} bytes gzip per place`);
  console.log(`  first request after start: ${ms(first.ms)}`);
  console.log(`  warm, ${SEQUENTIAL} requests one at a time after ${WARMUP} warm-ups:`);
  console.log(`  - the gzip file (?format=gzip, what the map fetches), server time to the last byte: ${stats(mapFile.latencies)}; first byte p50 ${ms(percentile(mapFile.ttfb, 50))}; errors: ${mapFile.errors}`);
  console.log(`      ${cpuLine(mapFile, SEQUENTIAL)}`);
  console.log(`  - the JSON, gzip by Next.js on each request (as a browser asks), server time to the last byte: ${stats(mapGzip.latencies)}; first byte p50 ${ms(percentile(mapGzip.ttfb, 50))}; errors: ${mapGzip.errors}`);
  console.log(`      ${cpuLine(mapGzip, SEQUENTIAL)}`);
  console.log(`  - the JSON through fetch (+ inflating and decoding the body in the client): ${stats(mapFetch.latencies)}; errors: ${mapFetch.errors}`);
  console.log(`      ${cpuLine(mapFetch, SEQUENTIAL)}`);
  console.log(`  - the JSON without compression (accept-encoding: identity): ${stats(mapIdentity.latencies)}; first byte p50 ${ms(percentile(mapIdentity.ttfb, 50))}; errors: ${mapIdentity.errors}`);
  console.log(`      ${cpuLine(mapIdentity, SEQUENTIAL)}`);
  console.log(`  - revalidation of the gzip file with If-None-Match (${fileWire.etag || "no ETag"}): ${stats(map304.latencies)}; answers other than 304: ${map304.errors}`);
  console.log(`      ${cpuLine(map304, SEQUENTIAL)}`);
  const mapLoad = mapFile;

  // The "open now" filter evaluates every place's hours at request time (map and list alike): no target, a few requests.
  const openWindow: Window = { label: "map data and list with the 'open now' filter", from: nowUs(), to: 0 };
  const openNow = async (route: string) => {
    const first = await get(`${server.baseUrl}${route}`);
    if (first.status !== 200) throw new Error(`GET ${route} answered ${first.status}`);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push((await get(`${server.baseUrl}${route}`)).ms);
    return { first, times };
  };
  const mapOpen = await openNow(`/territoires/${SLUG}/lieux/carte?ouvert=1`); // the JSON (includes Next's gzip)
  const listOpen = await openNow(`/territoires/${SLUG}/lieux?ouvert=1`);
  openWindow.to = nowUs();
  windows.push(openWindow);
  const openFeatures = (JSON.parse(mapOpen.first.body) as { features: unknown[] }).features.length;
  console.log(
    `  with the "open now" filter (?ouvert=1; ${openFeatures} places open at the time of the run): map data ${ms(mapOpen.first.ms)} the first time, then ${mapOpen.times.map(ms).join(", ")}; ` +
      `list page /territoires/${SLUG}/lieux?ouvert=1 ${ms(listOpen.first.ms)}, then ${listOpen.times.map(ms).join(", ")}`,
  );
  const mapP95 = percentile(mapLoad.latencies, 95);
  console.log(`  target payload < 1.5 MB gzip: ${verdict(gzipBytes < MAP_GZIP_TARGET)} (${mb(gzipBytes)})`);
  console.log(`  target warm < ${MAP_MS_TARGET} ms (p95, what the map fetches, server time): ${verdict(mapP95 < MAP_MS_TARGET)} (p50 ${ms(percentile(mapLoad.latencies, 50))}, p95 ${ms(mapP95)}); the JSON gzipped by Next.js: p95 ${ms(percentile(mapGzip.latencies, 95))}`);

  // ---- 2. orientation page ----
  const aideUrl = (i: number) => {
    const c = picked[i % picked.length]!;
    return `${server.baseUrl}/aide?${new URLSearchParams({ lieu: c.name, commune: c.code, besoin: NEED }).toString()}`;
  };
  // One pass over the communes: warms the page and the server's place index, and checks the answers.
  const resultsPerCommune: number[] = [];
  const firstAide = await get(aideUrl(0));
  for (let i = 0; i < picked.length; i++) {
    const r = i === 0 ? firstAide : await get(aideUrl(i));
    if (r.status !== 200) throw new Error(`GET ${aideUrl(i)} answered ${r.status}`);
    if (!/lieux? les? plus proches?|Aucun lieu trouvé/.test(r.body)) throw new Error(`GET ${aideUrl(i)}: no result section (commune not resolved?)`);
    resultsPerCommune.push((r.body.match(/<li class="fr-mb-5w">/g) ?? []).length);
  }
  const aideBytes = Buffer.byteLength(firstAide.body);
  const aideWire = await wireSize(aideUrl(0));
  const aideWindow: Window = { label: `orientation page, ${REQUESTS} requests with ${CONCURRENCY} in flight`, from: nowUs(), to: 0 };
  const aideLoad = await load("orientation page", REQUESTS, CONCURRENCY, async (i) => {
    const r = await get(aideUrl(i));
    return { ms: r.ms, ok: r.status === 200 };
  }, pids);
  aideWindow.to = nowUs();
  windows.push(aideWindow);
  const aideSeq = await load("orientation page, one at a time", REQUESTS, 1, async (i) => {
    const r = await get(aideUrl(i));
    return { ms: r.ms, ok: r.status === 200 };
  }, pids);
  await server.stop();

  console.log(`\n-- 2. orientation page: GET /aide?lieu=<name>&commune=<INSEE>&besoin=${NEED} (${picked.length} communes in rotation) --`);
  const withResults = resultsPerCommune.filter((n) => n > 0).length;
  console.log(`  answers: ${withResults}/${picked.length} communes with places within ${MAX_KM} km, ${(resultsPerCommune.reduce((a, b) => a + b, 0) / picked.length).toFixed(1)} places listed on average`);
  console.log(`  HTML: ${kib(aideBytes)} (${kib(aideWire.bytes)} on the wire, ${aideWire.encoding}); first request after start (builds the place index): ${ms(firstAide.ms)}`);
  console.log(`  ${REQUESTS} requests, ${CONCURRENCY} in flight: ${stats(aideLoad.latencies)}; ${(REQUESTS / (aideLoad.wallMs / 1000)).toFixed(1)} req/s; errors: ${aideLoad.errors}`);
  console.log(`    ${cpuLine(aideLoad, REQUESTS)}`);
  console.log(`  ${REQUESTS} requests one at a time: ${stats(aideSeq.latencies)}; errors: ${aideSeq.errors}`);
  console.log(`    ${cpuLine(aideSeq, REQUESTS)}`);

  // ---- 1b. where the map route's time goes, step by step in this process (server stopped) ----
  await mapBreakdown(url, dir, { id: territoryId, updatedAt: territoryUpdatedAt });

  // ---- 2b. the orientation query itself, in this process, on the same database ----
  database = await openDatabase({ DATABASE_URL: url, dataDir: dir });
  let query: { build: number; seq: Load; conc: Load; pageSeq: Load; pageConc: Load; found: number };
  let queryProfile: (Profile & { endTime: number }) | undefined;
  try {
    const db = database.db;
    const now = new Date();
    const q = (i: number): HelpQuery => ({ communeCode: picked[i % picked.length]!.code, need: NEED, openNow: false, accessibility: [], maxKm: MAX_KM });
    const i0 = performance.now();
    await placeIndex(db); // the first call builds the in-memory index (reads every located place)
    const build = performance.now() - i0;
    let found = 0;
    for (let i = 0; i < picked.length; i++) {
      const a = await findHelp(db, q(i), now);
      if (a.ok && a.places.length) found++;
    }
    const timed = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      await fn();
      return { ms: performance.now() - t0, ok: true };
    };
    const help = (i: number) => timed(() => findHelp(db, q(i), now));
    // What the page computes before rendering: the commune from the URL, then the nearest places.
    const page = (i: number) =>
      timed(async () => {
        const c = picked[i % picked.length]!;
        const r = await resolveCommuneInput(db, c.name, c.code);
        if (r.kind !== "found") throw new Error(`${c.name} ${c.code} not resolved`);
        await findHelp(db, { ...q(i), communeCode: r.commune.code }, now);
      });
    const inProcess = { postmaster };
    const session = PROFILE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 200 });
      await session.post("Profiler.start");
    }
    const seq = await load("findHelp, one at a time", REQUESTS, 1, help, inProcess);
    const conc = await load("findHelp, in flight", REQUESTS, CONCURRENCY, help, inProcess);
    if (session) {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile & { endTime: number } };
      session.disconnect();
      queryProfile = profile;
    }
    const pageSeq = await load("resolve + findHelp, one at a time", REQUESTS, 1, page, inProcess);
    const pageConc = await load("resolve + findHelp, in flight", REQUESTS, CONCURRENCY, page, inProcess);
    query = { build, seq, conc, pageSeq, pageConc, found };
  } finally {
    await database.close();
  }
  console.log(`\n-- 2b. the orientation query, in this process (pg pool of 10, same database, same ${REQUESTS} queries) --`);
  console.log(`  place index built on first use in ${ms(query.build)} (then rechecked every 5 s: one count + max over places)`);
  console.log(`  findHelp, one at a time: ${stats(query.seq.latencies)}`);
  console.log(`    ${cpuLine(query.seq, REQUESTS, false)}`);
  console.log(`  findHelp, ${CONCURRENCY} in flight: ${stats(query.conc.latencies)}; ${(REQUESTS / (query.conc.wallMs / 1000)).toFixed(0)} queries/s`);
  console.log(`    ${cpuLine(query.conc, REQUESTS, false)}`);
  console.log(`  resolveCommuneInput + findHelp (the page's data), one at a time: ${stats(query.pageSeq.latencies)}`);
  console.log(`  resolveCommuneInput + findHelp, ${CONCURRENCY} in flight: ${stats(query.pageConc.latencies)}; ${(REQUESTS / (query.pageConc.wallMs / 1000)).toFixed(0)} queries/s`);

  // ---- verdicts ----
  const pageP95 = percentile(aideLoad.latencies, 95);
  const queryP95 = percentile(query.conc.latencies, 95);
  console.log("\nsummary:");
  console.log(`| measure | p50 | p95 | target | verdict |`);
  console.log(`|---|---|---|---|---|`);
  console.log(`| map data, warm, one at a time (the gzip file the map fetches, server time) | ${ms(percentile(mapLoad.latencies, 50))} | ${ms(mapP95)} | < ${MAP_MS_TARGET} ms | ${verdict(mapP95 < MAP_MS_TARGET)} |`);
  console.log(`| map data as JSON, gzipped by Next.js on each request (no target) | ${ms(percentile(mapGzip.latencies, 50))} | ${ms(percentile(mapGzip.latencies, 95))} | | |`);
  console.log(`| map data payload, gzip | ${mb(gzipBytes)} | | < 1.5 MB | ${verdict(gzipBytes < MAP_GZIP_TARGET)} |`);
  console.log(`| /aide page, ${CONCURRENCY} in flight | ${ms(percentile(aideLoad.latencies, 50))} | ${ms(pageP95)} | < ${ORIENTATION_MS_TARGET} ms | ${verdict(pageP95 < ORIENTATION_MS_TARGET)} |`);
  console.log(`| /aide page, one at a time | ${ms(percentile(aideSeq.latencies, 50))} | ${ms(percentile(aideSeq.latencies, 95))} | < ${ORIENTATION_MS_TARGET} ms | ${verdict(percentile(aideSeq.latencies, 95) < ORIENTATION_MS_TARGET)} |`);
  console.log(`| findHelp, ${CONCURRENCY} in flight | ${ms(percentile(query.conc.latencies, 50))} | ${ms(queryP95)} | < ${ORIENTATION_MS_TARGET} ms | ${verdict(queryP95 < ORIENTATION_MS_TARGET)} |`);
  console.log(`| findHelp, one at a time | ${ms(percentile(query.seq.latencies, 50))} | ${ms(percentile(query.seq.latencies, 95))} | < ${ORIENTATION_MS_TARGET} ms | ${verdict(percentile(query.seq.latencies, 95) < ORIENTATION_MS_TARGET)} |`);
  console.log(`target map payload < 1.5 MB gzip: ${verdict(gzipBytes < MAP_GZIP_TARGET)} (${mb(gzipBytes)})`);
  console.log(`target map warm < ${MAP_MS_TARGET} ms: ${verdict(mapP95 < MAP_MS_TARGET)} (p95 ${ms(mapP95)})`);
  console.log(`target orientation p95 < ${ORIENTATION_MS_TARGET} ms with ${CONCURRENCY} in flight: query (findHelp) ${verdict(queryP95 < ORIENTATION_MS_TARGET)} (p95 ${ms(queryP95)}); whole /aide page ${verdict(pageP95 < ORIENTATION_MS_TARGET)} (p95 ${ms(pageP95)})`);

  if (queryProfile) {
    summarizeProfile(queryProfile, { label: `findHelp in this process (${REQUESTS} one at a time, then ${REQUESTS} with ${CONCURRENCY} in flight)`, from: queryProfile.startTime, to: queryProfile.endTime });
  }
  if (profileDir) {
    const files = fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
    const biggest = files.map((f) => path.join(profileDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    if (!biggest) console.log("\nPROFILE=1: no profile written by the server");
    else {
      const profile = JSON.parse(fs.readFileSync(biggest, "utf8")) as Profile;
      for (const w of windows) summarizeProfile(profile, { ...w, label: `server, ${w.label}` });
    }
  }
});
