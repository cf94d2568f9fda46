// Diagnostic (not a pass/fail bench): where the time of GET /territoires/nouvelle-aquitaine goes.
//   npx tsx bench/territory-breakdown.ts            (DB=postgres by default; DB=pglite for the embedded database)
//   PROFILE=1 npx tsx bench/territory-breakdown.ts  also records a CPU profile of the server under load
// 1. each SQL query of the page, alone, in this process (median of N runs);
// 2. the SVG outline built from the contours (uncached, as the first request after a start or an update);
// 3. the composition of the HTML answer (SVG, React Server Components payload, the rest);
// 4. the same page one request at a time next to lighter pages, with the server's CPU profile under load.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt, nextBin } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { freePort, startServer, waitFor } from "../scripts/lib/server.mjs";
import { openDatabase, type Database } from "@/platform/db/client";
import { prepareDatabase } from "@/boot";
import { createTestTerritory } from "@/demo/factories";
import { findTerritoryBySlug, listTerritoryCommunes, territoryCommuneCodes, territorySummary } from "@/modules/territories/queries";
import { buildOutline, outlineSvg } from "@/modules/geo/outline";
import { createPgDatabase, isAlive, kib, machine, main, median, ms, onCleanup, percentile, root, startPgCluster, tempDir } from "./lib";

const DB = process.env.DB === "pglite" ? "pglite" : "postgres";
const PROFILE = process.env.PROFILE === "1";
const N = 30;
const SLUG = "nouvelle-aquitaine";

async function timeIt<T>(fn: () => Promise<T> | T, n = N): Promise<{ median: number; p95: number; value: T }> {
  let value = await fn(); // first run not counted (plans, caches)
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = await fn();
    t.push(performance.now() - t0);
  }
  return { median: median(t), p95: percentile(t, 95), value };
}

async function queries(database: Database): Promise<void> {
  const db = database.db;
  const territory = (await findTerritoryBySlug(db, SLUG))!;
  console.log(`\n1. SQL queries of the page, one at a time from this process (${DB}), median of ${N} runs:`);
  const rows: [string, () => Promise<unknown>][] = [
    ["findTerritoryBySlug (×2: metadata and page)", () => findTerritoryBySlug(db, SLUG)],
    ["territorySummary (count, sum, array_agg over 4,300 communes; the page caches it per territory version)", () => territorySummary(db, territory.id)],
    ["listTerritoryCommunes page 1, total counted (count + 50 rows ordered by population; with a search)", () => listTerritoryCommunes(db, territory.id, { page: 1, q: "" })],
    ["listTerritoryCommunes page 1, total known (50 rows ordered by population; what the page runs without a search)", () => listTerritoryCommunes(db, territory.id, { page: 1, q: "", knownTotal: 4293 })],
    ["territoryCommuneCodes (only when the outline is not cached)", () => territoryCommuneCodes(db, territory.id)],
  ];
  for (const [label, fn] of rows) {
    const r = await timeIt(fn);
    console.log(`   ${ms(r.median).padStart(8)}  (p95 ${ms(r.p95)})  ${label}`);
  }

  // The plans of the two costly queries, as the app sends them (SQL text and parameters captured at the driver).
  type Client = { query: (...args: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
  const client = (db as unknown as { $client: Client }).$client;
  const original = client.query.bind(client);
  const seen: { text: string; params: unknown[] }[] = [];
  client.query = (...args: unknown[]) => {
    const [a, b] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    seen.push(typeof a === "string" ? { text: a, params: b ?? [] } : { text: a.text, params: b ?? a.values ?? [] });
    return original(...args);
  };
  await territorySummary(db, territory.id);
  await listTerritoryCommunes(db, territory.id, { page: 1, q: "" });
  client.query = original;
  console.log("\n   plans (EXPLAIN ANALYZE) of territorySummary and listTerritoryCommunes:");
  for (const q of seen) {
    const { rows } = await original(`EXPLAIN (ANALYZE, COSTS OFF) ${q.text}`, q.params);
    console.log(`   > ${q.text.replace(/\s+/g, " ").slice(0, 160)}${q.text.length > 160 ? "…" : ""}`);
    for (const r of rows) console.log(`       ${String(Object.values(r)[0])}`);
  }

  const codes = await territoryCommuneCodes(db, territory.id);
  console.log(`\n2. SVG outline of ${codes.length} communes (buildOutline, uncached):`);
  const t0 = performance.now();
  const first = buildOutline(codes)!;
  console.log(`   first build (reads the contour files of the départements): ${ms(performance.now() - t0)}`);
  const again = await timeIt(() => buildOutline(codes), 5);
  console.log(`   next builds (contours in memory): ${ms(again.median)}`);
  const bytes = (ds: string[]) => kib(ds.reduce((s, d) => s + d.length, 0));
  console.log(
    `   path data: merged départements ${bytes(first.merged)} (${first.merged.length} paths), border ${kib(first.border.length)}, ` +
      `communes ${bytes(first.communes.map((c) => c.d))} (${first.communes.length}), neighbours ${bytes(first.neighbours)} (${first.neighbours.length}); ` +
      `SVG document ${kib(Buffer.byteLength(outlineSvg(first, "Contour")))}`,
  );
}

/** What the page's HTML is made of; returns the URL of the outline image when the outline is not inline. */
function htmlBreakdown(html: string): string | undefined {
  const total = Buffer.byteLength(html);
  const svg = html.match(/<svg class="maillage-outline"[\s\S]*?<\/svg>/)?.[0] ?? "";
  const img = html.match(/<img[^>]*class="maillage-outline"[^>]*>/)?.[0];
  const imgSrc = img?.match(/src="([^"]+)"/)?.[1]?.replace(/&amp;/g, "&");
  const flight = [...html.matchAll(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g)].map((m) => m[0]);
  const flightBytes = flight.reduce((s, f) => s + Buffer.byteLength(f), 0);
  const pathsInFlight = flight.reduce((s, f) => s + (f.match(/M-?\d+[ ,]-?\d+[-0-9 ,lLmMzZ]{200,}/g) ?? []).reduce((a, d) => a + d.length, 0), 0);
  const svgBytes = Buffer.byteLength(svg);
  console.log(`\n3. HTML of GET /territoires/${SLUG}: ${kib(total)}`);
  console.log(`   <svg> outline in the HTML:                       ${kib(svgBytes).padStart(10)}  (${((100 * svgBytes) / total).toFixed(0)} %)`);
  console.log(`   RSC payload (self.__next_f scripts, ${String(flight.length).padStart(2)} chunks): ${kib(flightBytes).padStart(10)}  (${((100 * flightBytes) / total).toFixed(0)} %), of which SVG path data ${kib(pathsInFlight)}`);
  console.log(`   everything else:                                 ${kib(total - svgBytes - flightBytes).padStart(10)}`);
  if (imgSrc) console.log(`   the outline is an image: ${imgSrc}`);
  return imgSrc;
}

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Profile = { nodes: { id: number; callFrame: CallFrame; hitCount?: number }[]; samples: number[]; timeDeltas: number[] };

function summarizeProfile(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)" || f.functionName === "(program)") return;
    total += dt;
    const where = f.url.replace(/^file:\/\//, "").replace(`${root}/`, "");
    const key = `${f.functionName || "(anonymous)"}  ${where.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const area =
      f.functionName === "(garbage collector)" ? "garbage collector"
      : /zlib/.test(where) ? "gzip of the answer (Next's compress)"
      : /drizzle-orm|node_modules\/(pg|pg-protocol|pg-pool)\/|@electric-sql/.test(where) ? "database driver / ORM"
      : /app-page.*runtime|react-dom|react-server/.test(where) ? "React / Next rendering runtime"
      : /next\/dist/.test(where) ? "Next server (routing, headers, other)"
      : /\.next\/server/.test(where) ? "app code and bundled libraries (.next/server)"
      : where === "" ? "native (socket writes, string encoding, …)"
      : "node internals (streams, net, events, modules)";
    byArea.set(area, (byArea.get(area) ?? 0) + dt);
  });
  console.log(`   CPU busy in the server process: ${ms(total / 1000)} (excluding idle)`);
  for (const [area, t] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`     ${((100 * t) / total).toFixed(0).padStart(3)} %  ${area}`);
  console.log("   top functions by self time:");
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`     ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
}

type Server = { baseUrl: string; logFile: string; pid: number; stop(): Promise<void> };

/** `next start` under `node --cpu-prof` (NODE_OPTIONS may not carry it; Next's NEXT_CPU_PROF writes into the project). */
async function startProfiledServer(env: Record<string, string>, dataDir: string, profileDir: string): Promise<Server> {
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
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.closeSync(log);
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await Promise.race([waitFor(`${baseUrl}/`), exited.then(() => Promise.reject(new Error(fs.readFileSync(logFile, "utf8"))))]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, logFile, pid: child.pid!, stop };
}

async function get(url: string): Promise<{ ms: number; html: string }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return { ms: performance.now() - t0, html };
}

await main(async () => {
  process.chdir(root);
  delete process.env.DATABASE_URL;
  console.log(`== bench/territory-breakdown.ts: where the time of GET /territoires/${SLUG} goes (${DB}) ==`);
  console.log(machine());
  ensureBuilt();

  const dataDir = tempDir("maillage-bench-breakdown-");
  let url: string | undefined;
  if (DB === "postgres") {
    const cluster = startPgCluster();
    url = await createPgDatabase(cluster.url, "bench_breakdown");
  }
  const database = await openDatabase({ DATABASE_URL: url, dataDir });
  try {
    await prepareDatabase(database, { DEMO: true });
    await createTestTerritory(database.db, { kind: "region", code: "75", slug: SLUG, name: "Nouvelle-Aquitaine" });
    await database.exec("VACUUM ANALYZE");
    await queries(database);
  } finally {
    await database.close();
  }

  const profileDir = tempDir("maillage-bench-cpuprof-");
  const env: Record<string, string> = { DEMO: "1", ...(url ? { DATABASE_URL: url } : {}) };
  const server = PROFILE ? await startProfiledServer(env, dataDir, profileDir) : ((await startServer({ env, dataDir })) as Server);
  let stopped = false;
  let serverLog = "";
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    if (isAlive(server.pid)) process.kill(server.pid, "SIGKILL"); // did not exit within startServer's 5 s
    serverLog = fs.readFileSync(server.logFile, "utf8");
    fs.rmSync(server.logFile, { force: true });
  };
  onCleanup(stop);

  const page = `${server.baseUrl}/territoires/${SLUG}`;
  for (let i = 0; i < 10; i++) await get(page);
  const html = (await get(page)).html;
  if (process.env.SAVE_HTML) fs.writeFileSync(process.env.SAVE_HTML, html);
  const image = htmlBreakdown(html);

  console.log("\n4. server time measured from a client on localhost: one request at a time (median of 30), then 100 requests with 20 in flight:");
  for (const [label, p] of [
    ["/ (home page)", "/"],
    ["/territoires/charente (demo département, 380 communes drawn one by one)", "/territoires/charente"],
    [`/territoires/${SLUG} (région, 4,300 communes, merged)`, `/territoires/${SLUG}`],
    ...(image ? [[`${image.split("?")[0]} (its outline image, without browser cache)`, image] as const] : []),
  ] as const) {
    const r = await timeIt(() => get(`${server.baseUrl}${p}`));
    const lat: number[] = [];
    let next = 0;
    const w0 = performance.now();
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next++ < 100) lat.push((await get(`${server.baseUrl}${p}`)).ms);
    }));
    const rate = 100 / ((performance.now() - w0) / 1000);
    console.log(
      `   ${kib(Buffer.byteLength(r.value.html)).padStart(10)}  alone ${ms(r.median).padStart(6)}  |  20 in flight: p50 ${ms(percentile(lat, 50)).padStart(7)}, p95 ${ms(percentile(lat, 95)).padStart(7)}, ${rate.toFixed(0).padStart(3)} req/s  |  ${label}`,
    );
  }

  if (PROFILE) {
    // Load the server like the bench does (20 in flight) so that the profile shows the steady state.
    let next = 0;
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next++ < 200) await get(page);
    }));
    await stop();
    const files = fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
    const biggest = files.map((f) => path.join(profileDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    console.log(`\n5. CPU profile of the server over the whole run (boot, sections 3 and 4, then 200 more requests with 20 in flight) (${files.length} profile file(s)):`);
    if (biggest) summarizeProfile(biggest);
    else console.log(`   no profile written; server log:\n${serverLog}`);
  }
});
