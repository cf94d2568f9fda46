// Shared helpers of the benchmarks: statistics, machine description, temporary folders,
// cleanup on exit or Ctrl-C, and the throwaway PostgreSQL cluster.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------- statistics ----------

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank method: the smallest value such that p % of the values are at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
export const seconds = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---------- machine ----------

export function machine(): string {
  const cpus = os.cpus();
  let pg = "";
  try {
    pg = execFileSync("postgres", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    pg = "postgres not found";
  }
  const [l1, l5] = os.loadavg();
  return [
    `date: ${new Date().toISOString()}`,
    `machine: nproc=${os.availableParallelism()} (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `node ${process.version}, ${pg}`,
    `load average at start: ${l1!.toFixed(2)} (1 min), ${l5!.toFixed(2)} (5 min)`,
  ].join("\n");
}

// ---------- cleanup ----------

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers a cleanup step; steps run in reverse order by runCleanups(), or on Ctrl-C / SIGTERM. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (e) {
      console.error("cleanup failed:", e);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}

/** Runs a bench body, then the cleanups whatever happens; sets the exit code on failure. */
export async function main(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await runCleanups();
  }
  // scripts/lib/server.mjs may leave a polling timer behind after a failed start: do not wait for it.
  process.exit(process.exitCode ?? 0);
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------- processes ----------

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True while any process of the process group `pgid` is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function waitUntil(cond: () => boolean, timeoutMs: number, stepMs = 50): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}

// ---------- PostgreSQL throwaway cluster ----------

/** Starts a throwaway PostgreSQL cluster (scripts/pg-cluster.sh); it is stopped and removed at cleanup. */
export function startPgCluster(): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-bench-pg-"));
  const script = path.join(root, "scripts", "pg-cluster.sh");
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  onCleanup(() => {
    execFileSync("bash", [script, "stop", dir], { stdio: "inherit" });
  });
  const url = execFileSync("bash", [script, "start", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
  return { url, dir };
}

/** Creates a database in the cluster and returns its URL. */
export async function createPgDatabase(clusterUrl: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------- CPU accounting of other processes (Linux /proc) ----------

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU time of a process (ms), 0 if it is gone. */
export function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

/** Pids of the direct children of a process. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) out.push(Number(entry));
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU time (ms) of a process and its direct children, at this instant; children that exited since are not counted. */
export function treeCpuMs(pid: number): Map<number, number> {
  return new Map([pid, ...childrenOf(pid)].map((p) => [p, procCpuMs(p)]));
}

/** CPU spent between two treeCpuMs snapshots (processes present in the second one). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, t] of after) total += t - (before.get(pid) ?? 0);
  return total;
}

/** CPU time (ms) the whole machine has spent busy since boot (all cores, /proc/stat). */
export function machineBusyMs(): number {
  const [, ...f] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}

/**
 * Waits (up to maxMs) until the machine is nearly idle: other jobs on a 2-core machine skew every figure.
 * Returns a line for the output saying how busy it was when the bench started.
 */
export async function waitForQuiet(maxMs = Number(process.env.QUIET_WAIT_MS ?? 90_000), threshold = 0.25): Promise<string> {
  const t0 = Date.now();
  let cores = 0;
  for (;;) {
    const busy0 = machineBusyMs();
    const self0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 2000));
    const self = process.cpuUsage(self0);
    cores = (machineBusyMs() - busy0 - (self.user + self.system) / 1000) / 2000;
    if (cores < threshold) return `machine idle enough to start (other processes: ${cores.toFixed(2)} cores busy; waited ${((Date.now() - t0) / 1000).toFixed(0)} s)`;
    if (Date.now() - t0 > maxMs) return `WARNING: machine still busy after ${maxMs / 1000} s of waiting (other processes: ${cores.toFixed(2)} cores busy): figures are noisy`;
  }
}
