// Public pages under a crowd, the diagnostic and the workspace under signed-in load, navigation prefetches.
//   npx tsx bench/public-load.ts                 (DURATION=20 s per case; the issue asks 60: DURATION=60)
//   CONNECTIONS=50,200 DURATION=60 npx tsx bench/public-load.ts
//   VIA=direct,proxy (default when nginx is installed) measures every load case twice, alternating:
//   straight to `next start`, then through nginx configured as shipped (deploy/nginx.conf's upstream,
//   micro-cache and cookie map, deploy/maillage-locations.conf's locations; plain HTTP on localhost).
//   ROUNDS=2 repeats the whole set, the second round through the proxy first. VIA=direct: no nginx.
// The load comes from a separate process, Debian's `wrk` (apt-get install -y wrk), never from this one.
// One production server (`next start`, embedded PGlite, demo data + the région Nouvelle-Aquitaine) serves:
//   - the four public pages (/, /territoires/charente, /territoires/charente/lieux, /aide?commune=16015),
//     signed out, with 50 and 200 connections, next to a static file of the build served by the same
//     process (the ceiling);
//   - the diagnostic page of the région, warm, with 20 connections signed in (the demo coordinator);
//   - the workspace, 20 connections signed in browsing its pages in rotation;
//   - in Chromium (playwright-core), the requests a workspace page and a public page fire in the
//     background after loading (navigation prefetches).
// Server RSS (process tree) is read when idle before, at its peak during each case, and after.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { freePort, startServer, waitFor } from "../scripts/lib/server.mjs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/platform/db/client";
import { prepareDatabase } from "@/boot";
import { user } from "@/platform/auth/schema";
import { createTestTerritory } from "@/demo/factories";
import { childrenOf, cpuBetween, machine, machineBusyMs, main, median, onCleanup, procCpuMs, root, tempDir, treeCpuMs, waitForQuiet } from "./lib";

const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = (process.env.CONNECTIONS ?? "50,200").split(",").map(Number);
const SIGNED_IN_CONNECTIONS = Number(process.env.SIGNED_IN_CONNECTIONS ?? 20);
const TIMEOUT_S = 10;
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";
type Via = "direct" | "proxy";
const VIA = (process.env.VIA ?? (fs.existsSync(NGINX) ? "direct,proxy" : "direct")).split(",") as Via[];
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 50);
const REGION = "nouvelle-aquitaine";
const COORDINATOR = { email: "coordination@demo.maillage.fr", password: "demo-coordination-16" };
const PUBLIC_PAGES = ["/", "/territoires/charente", "/territoires/charente/lieux", "/aide?commune=16015"];
const WORKSPACE_PAGES = [
  "/espace",
  "/espace/charente",
  "/espace/charente/lieux",
  "/espace/charente/acteurs",
  "/espace/charente/diagnostic",
  "/espace/charente/constats",
  "/espace/charente/questionnaires",
  "/espace/charente/membres",
];

type Server = { baseUrl: string; logFile: string; pid: number; stop(): Promise<void> };
type Wrk = { requests: number; durationUs: number; p50: number; p95: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number };
type Row = { label: string; via: Via; connections: number; wrk: Wrk; rssBefore: number; rssPeak: number; rssAfter: number; serverCores: number; proxyCores: number; otherCores: number };
type Proxy = { baseUrl: string; pid: number; stop(): Promise<void> };

/** Resident memory (MB) of the server's process tree. */
function rssMb(pid: number): number {
  let kb = 0;
  for (const p of [pid, ...childrenOf(pid)]) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

const luaDone = `
done = function(summary, latency, requests)
  io.write(string.format("WRK {\\"requests\\":%d,\\"durationUs\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d,\\"max\\":%d,\\"errors\\":%d,\\"timeouts\\":%d,\\"non2xx\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout, summary.errors.status))
end
`;

function luaRotation(paths: string[]): string {
  return `paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
${luaDone}`;
}

/** Runs wrk in its own process, sampling the server's RSS meanwhile. */
async function runWrk(server: Server, proxy: Proxy | null, label: string, url: string, connections: number, opts: { cookie?: string; rotate?: string[] } = {}): Promise<Row> {
  const dir = tempDir("maillage-wrk-");
  const script = path.join(dir, "script.lua");
  fs.writeFileSync(script, opts.rotate ? luaRotation(opts.rotate) : luaDone);
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 250);
  const args = ["-t2", `-c${connections}`, `-d${DURATION}s`, `--timeout`, `${TIMEOUT_S}s`, "-s", script, ...(opts.cookie ? ["-H", `Cookie: ${opts.cookie}`] : []), url];
  const busy0 = machineBusyMs();
  const server0 = treeCpuMs(server.pid);
  const proxy0 = proxy ? treeCpuMs(proxy.pid) : new Map<number, number>();
  const t0 = Date.now();
  let wrkCpu = 0;
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    // wrk's own CPU, read just before it exits (its threads are counted in its process).
    const wrkSampler = setInterval(() => (wrkCpu = Math.max(wrkCpu, procCpuMs(child.pid!))), 200);
    child.on("exit", () => clearInterval(wrkSampler));
    let text = "";
    child.stdout.on("data", (c: Buffer) => (text += c.toString()));
    child.stderr.on("data", (c: Buffer) => (text += c.toString()));
    child.on("exit", (code: number) => (code === 0 ? resolve(text) : reject(new Error(`wrk failed (${code}): ${text}`))));
  });
  clearInterval(sampler);
  const wallMs = Date.now() - t0;
  const serverCpu = cpuBetween(server0, treeCpuMs(server.pid));
  const proxyCpu = proxy ? cpuBetween(proxy0, treeCpuMs(proxy.pid)) : 0;
  const others = Math.max(0, machineBusyMs() - busy0 - serverCpu - proxyCpu - wrkCpu);
  const line = out.split("\n").find((l) => l.startsWith("WRK "));
  if (!line) throw new Error(`no result from wrk: ${out}`);
  const wrk = JSON.parse(line.slice(4)) as Wrk;
  await new Promise((r) => setTimeout(r, 1000));
  const row: Row = { label, via: proxy ? "proxy" : "direct", connections, wrk, rssBefore, rssPeak, rssAfter: rssMb(server.pid), serverCores: serverCpu / wallMs, proxyCores: proxyCpu / wallMs, otherCores: others / wallMs };
  console.log(formatRow(row));
  return row;
}

const msOf = (us: number) => (us / 1000).toFixed(us < 10_000 ? 1 : 0);

function formatRow(r: Row): string {
  const rate = r.wrk.requests / (r.wrk.durationUs / 1e6);
  return `| ${r.label} | ${r.via} | ${r.connections} | ${msOf(r.wrk.p50)} | ${msOf(r.wrk.p95)} | ${msOf(r.wrk.p99)} | ${msOf(r.wrk.max)} | ${rate.toFixed(0)} | ${r.wrk.errors} | ${r.wrk.timeouts} | ${r.wrk.non2xx} | ${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} → ${r.rssAfter.toFixed(0)} | ${r.serverCores.toFixed(2)} | ${r.via === "proxy" ? r.proxyCores.toFixed(2) : "—"} | ${r.otherCores.toFixed(2)} |`;
}

/**
 * nginx in front of the server, configured as shipped: the http-level part of deploy/nginx.conf (upstream
 * with its keep-alive pool, micro-cache, cookie map) with the server's port and a temporary cache folder,
 * and deploy/maillage-locations.conf included as is; plain HTTP on a free local port instead of TLS.
 */
async function startProxy(server: Server): Promise<Proxy> {
  const dir = tempDir("maillage-nginx-");
  const shipped = fs.readFileSync(path.join(root, "deploy/nginx.conf"), "utf8");
  const httpPart = shipped
    .slice(0, shipped.indexOf("\nserver {"))
    .replace("server 127.0.0.1:3000;", `server 127.0.0.1:${new URL(server.baseUrl).port};`)
    .replace("/var/cache/nginx/maillage", path.join(dir, "cache"));
  if (httpPart === shipped || !httpPart.includes("upstream maillage")) throw new Error("deploy/nginx.conf: no upstream before the first server block");
  const port = (await freePort()) as number;
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes auto;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 4096; }
http {
  access_log off;
  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}
  types { text/html html; text/css css; application/javascript js; }
${httpPart}
  server {
    listen 127.0.0.1:${port} backlog=4096;
    include ${path.join(root, "deploy/maillage-locations.conf")};
  }
}
`,
  );
  const check = spawnSync(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((r) => child.on("exit", r));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, 20_000);
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

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

async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(COORDINATOR),
  });
  await res.text();
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!res.ok || cookies.length === 0) throw new Error(`sign-in failed: ${res.status}`);
  return cookies.join("; ");
}

type Background = { total: number; prefetch: number; rendered: number; paths: string[] };

/**
 * Requests fired by the page after it loaded (prefetches and other background fetches), in Chromium.
 * `rendered`: those the server had to render (not answered from Next.js's cache, `x-nextjs-cache: HIT`).
 */
async function backgroundRequests(baseUrl: string, cookie: string | null, pagePath: string): Promise<Background> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const host = new URL(baseUrl).hostname;
      await context.addCookies(cookie.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), domain: host, path: "/" })));
    }
    const page = await context.newPage();
    await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "load" });
    const result: Background = { total: 0, prefetch: 0, rendered: 0, paths: [] };
    page.on("response", (res) => {
      const req = res.request();
      if (!req.url().startsWith(baseUrl) || req.resourceType() === "document") return;
      const h = req.headers();
      if (!("rsc" in h) && !req.url().includes("_rsc=") && req.resourceType() !== "fetch") return;
      result.total++;
      const cached = res.headers()["x-nextjs-cache"] === "HIT";
      if (!cached) result.rendered++;
      if ("next-router-prefetch" in h || h["next-router-segment-prefetch"]) result.prefetch++;
      const url = new URL(req.url());
      url.searchParams.delete("_rsc");
      result.paths.push(`${url.pathname}${url.search}${cached ? "" : " (rendered)"}`);
    });
    // Prefetches of links in view start when the page is idle; scroll to the bottom to bring every link in view.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(5000);
    return result;
  } finally {
    await browser.close();
  }
}

main(async () => {
  console.log(machine());
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() !== "";
  console.log(`code: ${commit}${dirty ? " + uncommitted changes" : ""}; wrk ${spawnSync("wrk", ["-v"], { encoding: "utf8" }).stdout.split("\n")[0]}`);
  console.log(`DURATION=${DURATION} s per case, CONNECTIONS=${CONNECTIONS.join(",")}, signed-in connections ${SIGNED_IN_CONNECTIONS}, timeout ${TIMEOUT_S} s, VIA=${VIA.join(",")}, ROUNDS=${ROUNDS}`);
  if (VIA.includes("proxy")) console.log(spawnSync(NGINX, ["-v"], { encoding: "utf8" }).stderr.trim());
  process.chdir(root);
  const t0 = Date.now();
  if (ensureBuilt()) console.log(`build: ${((Date.now() - t0) / 1000).toFixed(0)} s (not counted)`);

  const dataDir = tempDir("maillage-bench-public-");
  await prepare(dataDir);
  const server = (await startServer({ dataDir })) as Server;
  onCleanup(() => server.stop());
  const { baseUrl } = server;

  // Warm every page once (first renders, caches), then let the server settle.
  const home = await (await fetch(`${baseUrl}/`)).text();
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(home)?.[1];
  if (!css) throw new Error("no static CSS file linked from /");
  for (const p of PUBLIC_PAGES) {
    const res = await fetch(`${baseUrl}${p}`);
    await res.text();
    if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}`);
  }
  const cookie = await signIn(baseUrl);
  for (const p of [...WORKSPACE_PAGES, `/espace/${REGION}/diagnostic`]) {
    const res = await fetch(`${baseUrl}${p}`, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`GET ${p} (signed in) answered ${res.status}`);
  }
  await new Promise((r) => setTimeout(r, 3000));
  const idleRss = rssMb(server.pid);
  console.log(`\nserver RSS idle after warm-up: ${idleRss.toFixed(0)} MB`);

  console.log("\nprefetch and background requests after a page load (Chromium, 5 s, page scrolled to the bottom):");
  for (const [label, p, c] of [
    ["workspace /espace/charente (signed in)", "/espace/charente", cookie],
    ["workspace /espace/charente/lieux (signed in)", "/espace/charente/lieux", cookie],
    ["public /territoires/charente (signed out)", "/territoires/charente", null],
  ] as const) {
    const r = await backgroundRequests(baseUrl, c, p);
    console.log(`  ${label}: ${r.total} background requests, ${r.prefetch} of them prefetches; ${r.rendered} rendered by the server (not from its cache)`);
    console.log(`    ${r.paths.sort().join(", ")}`);
  }

  // Server CPU per request, one request at a time: unlike latency under load, barely changed by other jobs
  // on the machine (they take cores, not this process's CPU time).
  console.log(`\nserver CPU per request, ${SEQUENTIAL} requests one at a time after a warm one (median latency alongside):`);
  const sequentialCases: [string, string | null][] = [
    [css, null],
    ...PUBLIC_PAGES.map((p): [string, null] => [p, null]),
    ["/api/session", cookie],
    [`/espace/${REGION}/diagnostic`, cookie],
    ...WORKSPACE_PAGES.map((p): [string, string] => [p, cookie]),
  ];
  for (const [p, c] of sequentialCases) {
    const get = async () => {
      const t = performance.now();
      const res = await fetch(`${baseUrl}${p}`, { headers: c ? { cookie: c } : {} });
      await res.arrayBuffer();
      return performance.now() - t;
    };
    await get();
    const cpu0 = treeCpuMs(server.pid);
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) times.push(await get());
    const perRequest = cpuBetween(cpu0, treeCpuMs(server.pid)) / SEQUENTIAL;
    console.log(`  ${p}${c ? " (signed in)" : ""}: ${perRequest.toFixed(1)} ms CPU, ${median(times).toFixed(1)} ms median`);
  }

  const proxy = VIA.includes("proxy") ? await startProxy(server) : null;
  if (proxy) {
    onCleanup(() => proxy.stop());
    // Same warm-up through the proxy (its first answers fill nginx's cache of built files).
    for (const p of [css, ...PUBLIC_PAGES]) await (await fetch(`${proxy.baseUrl}${p}`)).arrayBuffer();
    for (const p of [...WORKSPACE_PAGES, `/espace/${REGION}/diagnostic`]) await (await fetch(`${proxy.baseUrl}${p}`, { headers: { cookie } })).arrayBuffer();
    console.log(`\nproxy: nginx on ${proxy.baseUrl}, RSS ${rssMb(proxy.pid).toFixed(0)} MB after warm-up`);
  }
  console.log(`\n${await waitForQuiet()}`);
  console.log("\n| page | via | connections | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | timeouts | non-2xx | server RSS MB before → peak → after | server cores | proxy cores | other processes' cores |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  const rows: Row[] = [];
  // Each case is measured straight and through the proxy one after the other (alternating, so that a
  // change in the machine's load hits both alike); odd rounds start with the proxy.
  const both = async (label: string, p: string, connections: number, opts: { cookie?: string; rotate?: string[] } = {}, round: number) => {
    const order = round % 2 === 0 ? VIA : [...VIA].reverse();
    for (const via of order) {
      const base = via === "proxy" ? proxy!.baseUrl : baseUrl;
      rows.push(await runWrk(server, via === "proxy" ? proxy : null, label, `${base}${p}`, connections, opts));
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CONNECTIONS) {
      await both(`static file (ceiling) ${css.slice(0, 30)}…`, css, c, {}, round);
      for (const p of PUBLIC_PAGES) await both(p, p, c, {}, round);
    }
    await both(`/espace/${REGION}/diagnostic (signed in)`, `/espace/${REGION}/diagnostic`, SIGNED_IN_CONNECTIONS, { cookie }, round);
    await both(`workspace, ${WORKSPACE_PAGES.length} pages in rotation (signed in)`, "/espace", SIGNED_IN_CONNECTIONS, { cookie, rotate: WORKSPACE_PAGES }, round);
  }
  await new Promise((r) => setTimeout(r, 5000));
  console.log(`\nserver RSS: idle ${idleRss.toFixed(0)} MB before the load, peak ${Math.max(...rows.map((r) => r.rssPeak)).toFixed(0)} MB, ${rssMb(server.pid).toFixed(0)} MB 5 s after the last case`);

  if (proxy) console.log(`proxy RSS (nginx, master and workers): ${rssMb(proxy.pid).toFixed(0)} MB after the load`);

  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const big = Math.max(...CONNECTIONS);
  const small = Math.min(...CONNECTIONS);
  const worst = (list: Row[], pick: (r: Row) => number) => msOf(Math.max(...list.map(pick)));
  for (const via of VIA) {
    const mine = rows.filter((r) => r.via === via);
    const at = (c: number) => mine.filter((r) => PUBLIC_PAGES.includes(r.label) && r.connections === c);
    const diag = mine.filter((r) => r.label.startsWith(`/espace/${REGION}/diagnostic`));
    const ws = mine.filter((r) => r.label.startsWith("workspace"));
    console.log(`\nTargets, ${via}${ROUNDS > 1 ? ` (worst of ${ROUNDS} rounds)` : ""}:`);
    console.log(`  0 errors and 0 timeouts at ${big} connections: ${verdict(at(big).every((r) => r.wrk.errors === 0 && r.wrk.timeouts === 0 && r.wrk.non2xx === 0))} (timeouts ${at(big).map((r) => r.wrk.timeouts).join(", ")}; errors ${at(big).map((r) => r.wrk.errors).join(", ")})`);
    console.log(`  p95 < 100 ms at ${small} connections: ${verdict(at(small).every((r) => r.wrk.p95 < 100_000))} (worst ${worst(at(small), (r) => r.wrk.p95)} ms)`);
    console.log(`  région diagnostic p95 < 150 ms warm, ${SIGNED_IN_CONNECTIONS} signed in: ${verdict(diag.every((r) => r.wrk.p95 < 150_000))} (${worst(diag, (r) => r.wrk.p95)} ms)`);
    console.log(`  workspace p95 < 300 ms, ${SIGNED_IN_CONNECTIONS} signed in: ${verdict(ws.every((r) => r.wrk.p95 < 300_000))} (${worst(ws, (r) => r.wrk.p95)} ms)`);
  }
});
