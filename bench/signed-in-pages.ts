// Signed-in pages one at a time: server CPU per view, HTML size, and optionally a CPU profile of the server.
//   npx tsx bench/signed-in-pages.ts               (SEQUENTIAL=50 views per page after a warm one)
//   PROFILE=1 npx tsx bench/signed-in-pages.ts     (+ `node --cpu-prof` of `next start`, summary by file)
//   SQL=1 npx tsx bench/signed-in-pages.ts         (+ the queries of one view of each page: MAILLAGE_SQL_LOG)
//   DATA=/tmp/some-dir npx tsx bench/signed-in-pages.ts   (reuse a prepared data folder: faster reruns)
// Same server and data as bench/public-load.ts (PGlite, demo + the région Nouvelle-Aquitaine, the demo
// coordinator); explains its signed-in rows without the load (CPU per view is what limits them).
import fs from "node:fs";
import path from "node:path";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/platform/db/client";
import { prepareDatabase } from "@/boot";
import { user } from "@/platform/auth/schema";
import { createTestTerritory } from "@/demo/factories";
import { cpuBetween, machine, main, median, onCleanup, root, tempDir, treeCpuMs } from "./lib";

const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 50);
// Views of every page before any is measured: the first pages measured after a start otherwise pay for the
// JIT warming up Next.js's and React's code (measured: the first page ~40 % dearer than the same page later).
const WARMUP = Number(process.env.WARMUP ?? 20);
const PROFILE = process.env.PROFILE === "1";
const SQL = process.env.SQL === "1";
const REGION = "nouvelle-aquitaine";
const COORDINATOR = { email: "coordination@demo.maillage.fr", password: "demo-coordination-16" };
const PAGES = (process.env.PAGES ?? [
  `/espace/${REGION}/diagnostic`,
  "/espace",
  "/espace/charente",
  "/espace/charente/lieux",
  "/espace/charente/acteurs",
  "/espace/charente/diagnostic",
  "/espace/charente/constats",
  "/espace/charente/questionnaires",
  "/espace/charente/membres",
  "/api/session",
].join(",")).split(",");

async function prepare(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database, { DEMO: true });
    const [coordinator] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, COORDINATOR.email));
    await createTestTerritory(database.db, { kind: "region", code: "75", slug: REGION, name: "Nouvelle-Aquitaine", creatorId: coordinator!.id });
    await database.exec("VACUUM ANALYZE");
  } finally {
    await database.close();
  }
}

type Frame = { callFrame: { functionName: string; url: string; lineNumber: number }; id: number; children?: number[] };

const fileOf = (url: string) => url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\.next\//, ".next/").slice(0, 90) || "(native)";

/**
 * A `.cpuprofile` cut to [from, to] (µs of the monotonic clock, the one V8 stamps samples with): self time
 * by file, self time by function, and the inclusive time of the application's own functions.
 */
function summarize(file: string, from: number, to: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: Frame[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t >= from && t <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    total += us;
    const group = functionName.startsWith("(") ? functionName : fileOf(url);
    byFile.set(group, (byFile.get(group) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${group}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    // Inclusive time of the application's frames (counted once per sample even when recursive).
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (!/chunks\/(ssr\/)?src_/.test(f.url) || !f.functionName) continue;
      const key = `${f.functionName} ${fileOf(f.url)}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `    ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [`  busy ${(total / 1000).toFixed(0)} ms in the measured window; self time by file:`, ...top(byFile, 20), "  self time by function:", ...top(byFunction, 25), "  inclusive time of the application's functions:", ...top(inclusive, 25)];
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

main(async () => {
  console.log(machine());
  process.chdir(root);
  ensureBuilt();
  let dataDir = process.env.DATA;
  if (!dataDir || !fs.existsSync(path.join(dataDir, "pglite"))) {
    dataDir = dataDir ?? tempDir("maillage-bench-signed-in-");
    fs.mkdirSync(dataDir, { recursive: true });
    await prepare(dataDir);
  }
  // PROFILE_DIR keeps the profiles (to open in Chrome's DevTools or compare); a temporary folder otherwise.
  const profileDir = process.env.PROFILE_DIR ?? tempDir("maillage-cpu-prof-");
  fs.mkdirSync(profileDir, { recursive: true });
  // --cpu-prof is refused in NODE_OPTIONS: the profiled server is `node --cpu-prof next start` itself.
  const server = await startServer({ dataDir, nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [], env: SQL ? { MAILLAGE_SQL_LOG: "1" } : {} });
  const logSize = () => fs.statSync(server.logFile).size;
  const queriesSince = (from: number) => {
    const text = fs.readFileSync(server.logFile, "utf8").slice(from);
    return text.split("\n").filter((l) => l.startsWith("[sql] "));
  };
  let stopped = false;
  const stop = async () => {
    if (!stopped) await server.stop();
    stopped = true;
  };
  onCleanup(stop);
  const res = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: server.baseUrl }, body: JSON.stringify(COORDINATOR) });
  await res.text();
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  console.log(`\nserver CPU per view, ${SEQUENTIAL} views one at a time after ${WARMUP} warm-up views of every page (same cookie: session cache hits):`);
  console.log("| page | CPU ms per view | median latency ms | HTML bytes |");
  console.log("|---|---|---|---|");
  const windows: { page: string; from: number; to: number }[] = [];
  for (let i = 0; i < WARMUP; i++) {
    for (const p of PAGES) await (await fetch(`${server.baseUrl}${p}`, { headers: { cookie } })).arrayBuffer();
  }
  for (const p of PAGES) {
    const get = async () => {
      const t = performance.now();
      const r = await fetch(`${server.baseUrl}${p}`, { headers: { cookie, "accept-encoding": "identity" } });
      const body = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
      return { ms: performance.now() - t, bytes: body.byteLength };
    };
    const { bytes } = await get();
    if (SQL) {
      // A warm view's queries (the first view above may have built caches).
      const log0 = logSize();
      await get();
      await new Promise((r) => setTimeout(r, 200));
      const queries = queriesSince(log0);
      console.log(`${p}: ${queries.length} queries in a warm view:\n${queries.map((q) => `    ${q.slice(6, 220)}`).join("\n")}`);
    }
    const cpu0 = treeCpuMs(server.pid);
    const times: number[] = [];
    const from = monotonicUs();
    for (let i = 0; i < SEQUENTIAL; i++) times.push((await get()).ms);
    windows.push({ page: p, from, to: monotonicUs() });
    console.log(`| ${p} | ${(cpuBetween(cpu0, treeCpuMs(server.pid)) / SEQUENTIAL).toFixed(1)} | ${median(times).toFixed(1)} | ${bytes} |`);
  }
  if (PROFILE) {
    await stop(); // the profile is written when the server exits
    for (const f of fs.readdirSync(profileDir)) {
      for (const w of windows) {
        console.log(`\nprofile of ${w.page}, ${SEQUENTIAL} views (${path.join(profileDir, f)}):`);
        console.log(summarize(path.join(profileDir, f), w.from, w.to).join("\n"));
        if (process.env.PROFILE_DIR) fs.writeFileSync(path.join(profileDir, `window-${w.page.replaceAll("/", "_")}.json`), JSON.stringify({ profile: f, ...w, views: SEQUENTIAL }));
      }
    }
  }
});
