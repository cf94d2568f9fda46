// Starts a production server of the app on a free port with its own data folder (e2e tests, benchmarks).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { nextBin } from "./build.mjs";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, timeoutMs = 120_000) {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`Le serveur n'a pas répondu sur ${url} en ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `next start`; returns its base URL, data folder, log and a stop function. */
export async function startServer({ env = {}, dataDir, quiet = true, nodeArgs = [] } = {}) {
  const port = await freePort();
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "maillage-server-"));
  const logFile = path.join(os.tmpdir(), `maillage-server-${port}.log`);
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(port), "--keepAliveTimeout", "65000"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), DATA_DIR: dir, ...env },
    stdio: ["ignore", quiet ? log : "inherit", quiet ? log : "inherit"],
  });
  const baseUrl = `http://localhost:${port}`;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    await Promise.race([waitFor(`${baseUrl}/`), exited.then((code) => Promise.reject(new Error(`Le serveur s'est arrêté (code ${code}) : voir ${logFile}`)))]);
  } catch (e) {
    child.kill("SIGTERM");
    throw e;
  }
  return {
    baseUrl,
    dataDir: dir,
    logFile,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      fs.closeSync(log);
    },
  };
}
