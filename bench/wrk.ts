// wrk load cases shared by bench/public-load.ts and bench/plan-load.ts: the load comes from a separate process,
// Debian's `wrk` (apt-get install -y wrk), with the server's RSS sampled and the cores the server, a proxy and
// other processes used during the case.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childrenOf, cpuBetween, machineBusyMs, procCpuMs, tempDir, treeCpuMs } from "./lib";

export type Via = "direct" | "proxy";
export const TIMEOUT_S = 10;
export type Server = { baseUrl: string; logFile: string; pid: number; stop(): Promise<void> };
export type Wrk = { requests: number; durationUs: number; p50: number; p95: number; p99: number; max: number; errors: number; readErrors: number; timeouts: number; non2xx: number };
export type Row = { label: string; via: Via; connections: number; wrk: Wrk; rssBefore: number; rssPeak: number; rssAfter: number; serverCores: number; proxyCores: number; otherCores: number; dbCores: number };
export type Proxy = { baseUrl: string; pid: number; stop(): Promise<void> };

/** Resident memory (MB) of the server's process tree. */
export function rssMb(pid: number): number {
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
  io.write(string.format("WRK {\\"requests\\":%d,\\"durationUs\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d,\\"max\\":%d,\\"errors\\":%d,\\"readErrors\\":%d,\\"timeouts\\":%d,\\"non2xx\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.read, summary.errors.timeout, summary.errors.status))
end
`;

/**
 * wrk script: the paths in rotation, each request with the next session's cookie (20 people, not one
 * session 20 times: each person's session is read, or found in the session cache, as it would be), and
 * with a think time, a delay before every request of a connection (its first one too), in milliseconds.
 */
function luaScript(opts: { paths?: string[]; cookies?: string[]; thinkMs?: [number, number] }): string {
  const list = (xs: string[]) => `{ ${xs.map((x) => JSON.stringify(x)).join(", ")} }`;
  return `${opts.paths ? `paths = ${list(opts.paths)}` : "paths = nil"}
${opts.cookies ? `cookies = ${list(opts.cookies)}` : "cookies = nil"}
i = 0
init = function(args)
  math.randomseed(os.time() + tonumber(string.sub(tostring({}), 8), 16) % 100000)
end
request = function()
  i = i + 1
  local headers = {}
  if cookies then headers["Cookie"] = cookies[(i % #cookies) + 1] end
  return wrk.format(nil, paths and paths[(i % #paths) + 1] or nil, headers)
end
${opts.thinkMs ? `delay = function()
  return math.random(${opts.thinkMs[0]}, ${opts.thinkMs[1]})
end` : ""}
${luaDone}`;
}

/** Runs wrk in its own process, sampling the server's RSS meanwhile. */
export type Load = { cookies?: string[]; rotate?: string[]; thinkMs?: [number, number]; duration?: number; quiet?: boolean;
  /** A database server's main process (PostgreSQL's postmaster): its CPU and its children's are counted apart. */ dbPid?: number };

export async function runWrk(server: Server, proxy: Proxy | null, label: string, url: string, connections: number, opts: Load = {}): Promise<Row> {
  const dir = tempDir("maillage-wrk-");
  const script = path.join(dir, "script.lua");
  const plain = !opts.rotate && !opts.cookies && !opts.thinkMs;
  fs.writeFileSync(script, plain ? luaDone : luaScript({ paths: opts.rotate, cookies: opts.cookies, thinkMs: opts.thinkMs }));
  const rssBefore = rssMb(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 250);
  const args = ["-t2", `-c${connections}`, `-d${opts.duration ?? 20}s`, `--timeout`, `${TIMEOUT_S}s`, "-s", script, url];
  const busy0 = machineBusyMs();
  const server0 = treeCpuMs(server.pid);
  const proxy0 = proxy ? treeCpuMs(proxy.pid) : new Map<number, number>();
  const db0 = opts.dbPid ? treeCpuMs(opts.dbPid) : new Map<number, number>();
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
  const dbCpu = opts.dbPid ? cpuBetween(db0, treeCpuMs(opts.dbPid)) : 0;
  const others = Math.max(0, machineBusyMs() - busy0 - serverCpu - proxyCpu - dbCpu - wrkCpu);
  const line = out.split("\n").find((l) => l.startsWith("WRK "));
  if (!line) throw new Error(`no result from wrk: ${out}`);
  const wrk = JSON.parse(line.slice(4)) as Wrk;
  await new Promise((r) => setTimeout(r, 1000));
  const row: Row = { label, via: proxy ? "proxy" : "direct", connections, wrk, rssBefore, rssPeak, rssAfter: rssMb(server.pid), serverCores: serverCpu / wallMs, proxyCores: proxyCpu / wallMs, otherCores: others / wallMs, dbCores: dbCpu / wallMs };
  if (!opts.quiet) console.log(formatRow(row));
  return row;
}

export const msOf = (us: number) => (us / 1000).toFixed(us < 10_000 ? 1 : 0);

export function formatRow(r: Row): string {
  const rate = r.wrk.requests / (r.wrk.durationUs / 1e6);
  return `| ${r.label} | ${r.via} | ${r.connections} | ${msOf(r.wrk.p50)} | ${msOf(r.wrk.p95)} | ${msOf(r.wrk.p99)} | ${msOf(r.wrk.max)} | ${rate.toFixed(0)} | ${r.wrk.errors}${r.wrk.errors ? ` (${r.wrk.readErrors} read)` : ""} | ${r.wrk.timeouts} | ${r.wrk.non2xx} | ${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} → ${r.rssAfter.toFixed(0)} | ${r.serverCores.toFixed(2)} | ${r.via === "proxy" ? r.proxyCores.toFixed(2) : "—"} | ${r.otherCores.toFixed(2)} |`;
}

