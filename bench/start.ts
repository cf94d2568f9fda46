// Cold and warm start of `npm start` (node scripts/start.mjs) to the first HTTP 200 on `/`.
//   npx tsx bench/start.ts            (RUNS=3 by default)
// Cold: an empty data folder (migrations, ~35,000 communes of reference data, demo territory).
// Warm: the same data folder, second start. The build is done beforehand and timed separately.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { freePort } from "../scripts/lib/server.mjs";
import { openDatabase } from "@/platform/db/client";
import { migrate } from "@/platform/db/migrate";
import { loadReferenceData } from "@/modules/geo/load";
import { seedDemoIfEmpty } from "@/demo/seed";
// The modules' hooks for platform code (the demo builds people through loadUserPrincipal).
import "@/boot";
import { cpuBetween, groupAlive, isAlive, machine, machineBusyMs, main, median, onCleanup, root, seconds, tempDir, treeCpuMs, waitUntil, waitForQuiet } from "./lib";

const RUNS = Number(process.env.RUNS ?? 3);
const POLL_MS = 25;

type Run = {
  firstOk: number; // spawn -> first HTTP 200 on `/`
  listening: number | null; // spawn -> Next's "Ready" line
  booted: number | null; // spawn -> "Maillage est prêt" (migrations, reference data, demo done)
  stop: number; // SIGTERM -> whole process tree gone
  builtDuringRun: boolean;
  lockLeft: boolean;
  otherCpu: number; // CPU (ms) used by processes other than this one and npm start's tree during the start
};

async function firstOk(url: string, child: { exited: boolean }, deadline: number): Promise<void> {
  for (;;) {
    if (child.exited) throw new Error("npm start exited before answering");
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`no HTTP 200 on ${url} in time`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function startOnce(dataDir: string): Promise<Run> {
  const port = (await freePort()) as number;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // embedded PGlite, as a fresh `npm start`
  let listening: number | null = null;
  let booted: number | null = null;
  let builtDuringRun = false;
  let output = "";
  const busy0 = machineBusyMs();
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  // detached: its own process group, so that we can check that the whole tree is gone afterwards.
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const state = { exited: false };
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      state.exited = true;
      resolve();
    }),
  );
  const pgid = child.pid!;
  let gone = false; // once the tree is gone, never signal this group id again (it could be reused)
  const killTree = () => {
    if (!gone && groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
    gone = true;
  };
  onCleanup(killTree); // in case of Ctrl-C or failure
  const watch = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    const now = performance.now() - t0;
    if (listening === null && /Ready in/.test(text)) listening = now;
    if (booted === null && /Maillage est prêt/.test(text)) booted = now;
    if (/construction de l'application/.test(text)) builtDuringRun = true;
  };
  child.stdout!.on("data", watch);
  child.stderr!.on("data", watch);

  let ok: number;
  try {
    await firstOk(`http://127.0.0.1:${port}/`, state, t0 + 240_000);
    ok = performance.now() - t0;
  } catch (e) {
    killTree();
    console.error(output);
    throw e;
  }

  // CPU of everything else on the machine during the start (other jobs make the figures noisy).
  const treeCpu = cpuBetween(new Map(), treeCpuMs(child.pid!));
  const self = process.cpuUsage(self0);
  const otherCpu = Math.max(0, machineBusyMs() - busy0 - treeCpu - (self.user + self.system) / 1000);

  // Stop: SIGTERM to start.mjs only (it forwards the signal to `next start`), then check the whole tree is gone.
  const s0 = performance.now();
  process.kill(child.pid!, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  const clean = await waitUntil(() => !groupAlive(pgid), 15_000);
  if (clean) gone = true;
  const stop = performance.now() - s0;
  if (!clean) {
    console.warn(`  ! process tree of pid ${pgid} still alive 15 s after SIGTERM: SIGKILL`);
    killTree();
  }
  const lockFile = path.join(dataDir, "maillage.lock");
  let lockLeft = false;
  if (fs.existsSync(lockFile)) {
    const holder = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
    lockLeft = true;
    if (isAlive(holder.pid)) throw new Error(`the lock holder ${holder.pid} is still alive`);
  }
  return { firstOk: ok, listening, booted, stop, builtDuringRun, lockLeft, otherCpu };
}

function describe(kind: string, i: number, r: Run): string {
  const extra = [
    r.listening !== null ? `"Ready" at ${seconds(r.listening)}` : null,
    r.booted !== null ? `boot done at ${seconds(r.booted)}` : null,
    `stop ${seconds(r.stop)}`,
    `other processes used ${seconds(r.otherCpu)} of CPU meanwhile`,
    r.lockLeft ? "lock file left behind" : null,
    r.builtDuringRun ? "A BUILD RAN DURING THIS RUN (sources changed): not counted" : null,
  ].filter(Boolean);
  return `  ${kind} #${i}: first 200 on / after ${seconds(r.firstOk)}   (${extra.join(", ")})`;
}

await main(async () => {
  process.chdir(root);
  console.log("== bench/start.ts: cold and warm start of `npm start` (node scripts/start.mjs), to the first HTTP 200 on / ==");
  console.log(machine());
  console.log(await waitForQuiet());

  const b0 = performance.now();
  const built = ensureBuilt() as boolean;
  const buildMs = performance.now() - b0;
  console.log(built ? `build: ran beforehand, ${seconds(buildMs)} (excluded from the start figures)` : `build: already up to date (check ${seconds(buildMs)}), excluded from the start figures`);

  const cold: number[] = [];
  const warm: number[] = [];
  let attempts = 0;
  // A run during which other processes used more than a quarter of a core is redone (up to 3 extra runs).
  const noisy = (r: Run) => r.otherCpu > 0.25 * r.firstOk;
  const spare: [Run, Run][] = [];
  while (cold.length < RUNS && attempts++ < RUNS + 3) {
    const dataDir = tempDir("maillage-bench-start-");
    const c = await startOnce(dataDir);
    console.log(describe("cold", cold.length + 1, c));
    const w = await startOnce(dataDir);
    console.log(describe("warm", warm.length + 1, w));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (c.builtDuringRun || w.builtDuringRun) {
      ensureBuilt();
      continue;
    }
    if (noisy(c) || noisy(w)) {
      console.log("  ^ other jobs were running on the machine: this pair is redone");
      spare.push([c, w]);
      console.log(`  ${await waitForQuiet(60_000)}`);
      continue;
    }
    cold.push(c.firstOk);
    warm.push(w.firstOk);
  }
  while (cold.length < RUNS && spare.length) {
    const [c, w] = spare.shift()!;
    console.log("  WARNING: not enough quiet runs, a noisy pair is counted");
    cold.push(c.firstOk);
    warm.push(w.firstOk);
  }
  if (cold.length < RUNS) throw new Error("sources kept changing during the bench: every run included a build");

  const coldMedian = median(cold);
  const warmMedian = median(warm);
  console.log("");
  console.log(`cold start (empty data folder), median of ${cold.length}: ${seconds(coldMedian)}   runs: ${cold.map(seconds).join(", ")}`);
  console.log(`warm start (same data folder),  median of ${warm.length}: ${seconds(warmMedian)}   runs: ${warm.map(seconds).join(", ")}`);
  console.log(`ratio warm/cold (medians): ${(warmMedian / coldMedian).toFixed(2)}  (baseline: cold start)`);

  // Where a start's boot goes: the steps of src/boot.ts, timed one by one in this process.
  console.log("\nboot steps timed in this process (same steps as the server's boot, PGlite, one cold then one warm pass):");
  const dir = tempDir("maillage-bench-boot-");
  for (const pass of ["cold", "warm"]) {
    const laps: string[] = [];
    let t = performance.now();
    const lap = (label: string) => {
      const now = performance.now();
      laps.push(`${label} ${seconds(now - t)}`);
      t = now;
    };
    const database = await openDatabase({ dataDir: dir });
    lap(pass === "cold" ? "open (creates the PGlite cluster)" : "open");
    await migrate(database);
    lap("migrations");
    await loadReferenceData(database.db);
    lap("reference data");
    await seedDemoIfEmpty(database.db);
    lap("demo");
    await database.close();
    lap("close");
    console.log(`  ${pass}: ${laps.join(", ")}`);
  }
});
