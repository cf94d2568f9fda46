import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/platform/errors";
import { acquireDataDirLock, currentBootId, processStartTime } from "./lock";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-lock-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function cli(dataDir: string, ...args: string[]) {
  // These tests are about the embedded database, whichever database the rest of the suite uses.
  return spawnSync(process.execPath, ["bin/maillage.mjs", ...args], { env: { ...process.env, DATA_DIR: dataDir, DEMO: "0", DATABASE_URL: "" }, encoding: "utf8", timeout: 120_000 });
}

describe("embedded database used by two processes", () => {
  it("the CLI refuses clearly while another process holds the data folder, and touches nothing", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    try {
      const result = cli(dir, "status");
      expect(result.status).toBe(3);
      expect(result.stderr).toContain("utilisée par un autre processus");
      expect(result.stderr).toContain(`pid ${process.pid}`);
      expect(fs.existsSync(path.join(dir, "pglite"))).toBe(false);
    } finally {
      release();
    }
  });

  it("a lock left by a dead process is taken over; the CLI migrates an empty database first", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "maillage.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: "2026-01-01", command: "ancien" }));
    const result = cli(dir, "status");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(status).toMatchObject({ database: "pglite", territories: 0, users: 0 });
    expect(status.communes).toBeGreaterThan(34_000);
    expect(fs.existsSync(path.join(dir, "maillage.lock"))).toBe(false);
    // The CLI migrates and loads the reference data (about 15 s alone, more on a busy machine).
  }, 120_000);

  const lockFile = (dir: string, holder: Record<string, unknown>) =>
    fs.writeFileSync(path.join(dir, "maillage.lock"), JSON.stringify({ host: os.hostname(), startedAt: "2026-01-01", command: "ancien", ...holder }));

  it("a lock left under this process's own PID by an earlier process (a container restarts as the same PID) does not block start-up", () => {
    const dir = tempDir();
    lockFile(dir, { pid: process.pid, bootId: currentBootId(), processStart: processStartTime(process.pid), token: "un-ancien-jeton" });
    const release = acquireDataDirLock(dir);
    release();
    expect(fs.existsSync(path.join(dir, "maillage.lock"))).toBe(false);
  });

  it("a PID reused by another live process (other start time, or another boot) is not the holder", () => {
    // Our parent process is alive, but it did not start at the recorded time: the PID was reused.
    const parent = process.ppid;
    for (const holder of [
      { pid: parent, bootId: currentBootId(), processStart: "1" },
      { pid: parent, bootId: "un-autre-demarrage", processStart: processStartTime(parent) },
    ]) {
      const dir = tempDir();
      lockFile(dir, holder);
      acquireDataDirLock(dir)();
    }
  });

  it("the live holder (same PID, same start, same boot) is respected; a second open in the same process is refused", () => {
    const dir = tempDir();
    lockFile(dir, { pid: process.ppid, bootId: currentBootId(), processStart: processStartTime(process.ppid) });
    expect(() => acquireDataDirLock(dir)).toThrow(/utilisée par un autre processus/);
    const own = tempDir();
    const release = acquireDataDirLock(own);
    try {
      expect(() => acquireDataDirLock(own)).toThrow(AppError);
      expect(() => acquireDataDirLock(own)).toThrow("déjà ouverte par ce processus");
    } finally {
      release();
    }
  });

  it("an unknown command prints the French usage", () => {
    const result = cli(tempDir(), "envoler");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Commande inconnue : « envoler »");
  });
});
