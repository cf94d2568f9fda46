// Public page of a région-sized territory (Nouvelle-Aquitaine, ~4,300 communes), PGlite and PostgreSQL side by side.
//   npx tsx bench/territory-page.ts          (REQUESTS=200 CONCURRENCY=20 WARMUP=10 by default)
// For each database: prepare it (migrations, reference data, demo, the territory), start `next start` on it,
// warm up, then fire REQUESTS requests at GET /territoires/nouvelle-aquitaine with CONCURRENCY in flight.
// Latency is measured from a client on localhost, in this process (fetch + reading the whole body).
import http from "node:http";
import { performance } from "node:perf_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";
import { openDatabase } from "@/platform/db/client";
import { prepareDatabase } from "@/platform/boot";
import { createTestTerritory } from "@/testing/factories";
import { territoryCommunes } from "@/modules/territories/schema";
import { count, eq } from "drizzle-orm";
import { cpuBetween, createPgDatabase, kib, machine, main, ms, onCleanup, percentile, root, seconds, startPgCluster, tempDir, treeCpuMs } from "./lib";

const REQUESTS = Number(process.env.REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 10);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 30);
const TARGET_P95_MS = 150;
const SLUG = "nouvelle-aquitaine";
const PATH = `/territoires/${SLUG}`;

type Server = { baseUrl: string; logFile: string; pid: number; stop(): Promise<void> };

type Result = {
  kind: "pglite" | "postgres";
  prepareMs: number;
  communes: number;
  firstMs: number;
  latencies: number[];
  wallMs: number;
  sequential: number[];
  bytes: number;
  wireBytes: number;
  encoding: string;
  errors: number;
  cpu: { server: number; db: number | null; client: number }; // ms of CPU during the concurrent phase
};

async function prepare(env: { DATABASE_URL?: string; dataDir: string }): Promise<{ ms: number; communes: number }> {
  const t0 = performance.now();
  const database = await openDatabase(env);
  try {
    await prepareDatabase(database, { DEMO: true });
    const territory = await createTestTerritory(database.db, { kind: "region", code: "75", slug: SLUG, name: "Nouvelle-Aquitaine" });
    const [row] = await database.db.select({ n: count() }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, territory.id));
    return { ms: performance.now() - t0, communes: row?.n ?? 0 };
  } finally {
    await database.close();
  }
}

async function get(url: string): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual" });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, bytes: Buffer.byteLength(body), body };
}

/** Bytes on the wire for a browser-like request (accepting gzip), and the encoding the server chose. */
function wireSize(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

async function measure(kind: Result["kind"], server: Server, prep: { ms: number; communes: number }, postmasterPid?: number): Promise<Result> {
  const url = `${server.baseUrl}${PATH}`;
  let errors = 0;
  const first = await get(url);
  if (first.status !== 200 || !first.body.includes("Nouvelle-Aquitaine")) throw new Error(`${kind}: GET ${PATH} answered ${first.status}`);
  for (let i = 1; i < WARMUP; i++) await get(url);

  const latencies: number[] = [];
  let nextIndex = 0;
  const cpu0 = { server: treeCpuMs(server.pid), db: postmasterPid ? treeCpuMs(postmasterPid) : null, client: process.cpuUsage() };
  const w0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (nextIndex < REQUESTS) {
        nextIndex++;
        const r = await get(url);
        if (r.status !== 200) errors++;
        latencies.push(r.ms);
      }
    }),
  );
  const wallMs = performance.now() - w0;
  const clientCpu = process.cpuUsage(cpu0.client);
  const cpu = {
    server: cpuBetween(cpu0.server, treeCpuMs(server.pid)),
    db: postmasterPid && cpu0.db ? cpuBetween(cpu0.db, treeCpuMs(postmasterPid)) : null,
    client: (clientCpu.user + clientCpu.system) / 1000,
  };

  // One request at a time: the time of a request alone, without queueing behind the others.
  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push((await get(url)).ms);

  const wire = await wireSize(url);
  return { kind, prepareMs: prep.ms, communes: prep.communes, firstMs: first.ms, latencies, wallMs, sequential, bytes: first.bytes, wireBytes: wire.bytes, encoding: wire.encoding, errors, cpu };
}

async function serve(env: Record<string, string>, dataDir: string): Promise<Server> {
  const server = (await startServer({ env, dataDir })) as Server;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    fs.rmSync(server.logFile, { force: true });
  };
  onCleanup(stop);
  return { ...server, stop };
}

function report(r: Result): void {
  const label = r.kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL 15";
  console.log(`\n-- ${label} --`);
  console.log(`  database prepared in ${seconds(r.prepareMs)} (migrations, reference data, demo, territory of ${r.communes} communes)`);
  console.log(`  first request after start: ${ms(r.firstMs)}`);
  console.log(
    `  ${REQUESTS} requests, ${CONCURRENCY} concurrent: p50 ${ms(percentile(r.latencies, 50))}, p95 ${ms(percentile(r.latencies, 95))}, max ${ms(Math.max(...r.latencies))}; ` +
      `${(REQUESTS / (r.wallMs / 1000)).toFixed(1)} req/s; errors: ${r.errors}`,
  );
  console.log(`  ${SEQUENTIAL} requests one at a time: p50 ${ms(percentile(r.sequential, 50))}, p95 ${ms(percentile(r.sequential, 95))}, max ${ms(Math.max(...r.sequential))}`);
  const per = (v: number) => ms(v / REQUESTS);
  const available = (os.availableParallelism() * r.wallMs) / 1000;
  console.log(
    `  CPU during the ${REQUESTS} requests (${seconds(r.wallMs)} wall, ${available.toFixed(1)} core-seconds available): ` +
      `Next server ${seconds(r.cpu.server)}${r.cpu.db !== null ? `, PostgreSQL ${seconds(r.cpu.db)}` : " (database inside)"}, load client ${seconds(r.cpu.client)}; ` +
      `per request: server ${per(r.cpu.server)}${r.cpu.db !== null ? `, PostgreSQL ${per(r.cpu.db)}` : ""}, client ${per(r.cpu.client)}`,
  );
  console.log(`  response: ${kib(r.bytes)} of HTML (${kib(r.wireBytes)} on the wire, ${r.encoding})`);
}

await main(async () => {
  process.chdir(root);
  delete process.env.DATABASE_URL;
  console.log(`== bench/territory-page.ts: GET ${PATH} (région Nouvelle-Aquitaine), PGlite vs PostgreSQL ==`);
  console.log(machine());
  console.log("server time measured from a client on localhost (same machine, same 2 cores as the server)");
  const b0 = performance.now();
  const built = ensureBuilt() as boolean;
  console.log(built ? `build: ran beforehand (${seconds(performance.now() - b0)}), excluded` : "build: already up to date");

  const results: Result[] = [];

  // PGlite: prepare the data folder, close it (one process at a time), then serve it.
  {
    const dataDir = tempDir("maillage-bench-page-pglite-");
    const prep = await prepare({ dataDir });
    const server = await serve({ DEMO: "1" }, dataDir);
    const r = await measure("pglite", server, prep);
    await server.stop();
    report(r);
    results.push(r);
  }

  // PostgreSQL: a fresh database in a throwaway cluster.
  {
    const cluster = startPgCluster();
    const url = await createPgDatabase(cluster.url, "bench_territory_page");
    const dataDir = tempDir("maillage-bench-page-pg-");
    const prep = await prepare({ DATABASE_URL: url, dataDir });
    const server = await serve({ DEMO: "1", DATABASE_URL: url }, dataDir);
    const postmasterPid = Number(fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
    const r = await measure("postgres", server, prep, postmasterPid);
    await server.stop();
    report(r);
    results.push(r);
  }

  const [lite, pg] = results as [Result, Result];
  const row = (name: string, f: (r: Result) => string) => `| ${name} | ${f(lite)} | ${f(pg)} |`;
  console.log("\nside by side (server time measured from a client on localhost):");
  console.log("| | PGlite | PostgreSQL |");
  console.log("|---|---|---|");
  console.log(row(`p50 (${CONCURRENCY} concurrent)`, (r) => ms(percentile(r.latencies, 50))));
  console.log(row(`p95 (${CONCURRENCY} concurrent)`, (r) => ms(percentile(r.latencies, 95))));
  console.log(row(`max (${CONCURRENCY} concurrent)`, (r) => ms(Math.max(...r.latencies))));
  console.log(row("throughput", (r) => `${(REQUESTS / (r.wallMs / 1000)).toFixed(1)} req/s`));
  console.log(row("p50 one at a time", (r) => ms(percentile(r.sequential, 50))));
  console.log(row("first request", (r) => ms(r.firstMs)));
  console.log(row("response size", (r) => `${kib(r.bytes)} (${kib(r.wireBytes)} ${r.encoding})`));
  console.log(row("CPU per request (server + database)", (r) => ms((r.cpu.server + (r.cpu.db ?? 0)) / REQUESTS)));
  const pgP95 = percentile(pg.latencies, 95);
  console.log(`ratio PGlite/PostgreSQL p95: ${(percentile(lite.latencies, 95) / pgP95).toFixed(2)}`);
  console.log(`target p95 < ${TARGET_P95_MS} ms on PostgreSQL: ${pgP95 < TARGET_P95_MS ? "PASS" : "FAIL"} (p95 ${ms(pgP95)})`);
});
