import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/platform/errors";

/**
 * PGlite has no multi-process locking of its own: two processes opening the same
 * data folder would corrupt it. We hold an exclusive lock file for the life of the
 * process and refuse clearly when another live process holds it.
 */
type LockInfo = { pid: number; host: string; startedAt: string; command: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "maillage.lock");
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(" "),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx", mode: 0o600 });
      const release = () => {
        const current = readLock(file);
        if (current?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(file);
      const sameHost = holder?.host === os.hostname();
      if (holder && holder.pid === process.pid) {
        throw new AppError("database_locked", { message: "La base embarquée est déjà ouverte par ce processus." });
      }
      if (holder && sameHost && isAlive(holder.pid)) {
        throw new AppError("database_locked", {
          message:
            `La base de données embarquée (${dataDir}) est utilisée par un autre processus ` +
            `(pid ${holder.pid}, « ${holder.command} », depuis ${holder.startedAt}). ` +
            "Arrêtez-le avant de relancer cette commande, ou utilisez PostgreSQL (DATABASE_URL) " +
            "pour faire travailler plusieurs processus sur la même base.",
        });
      }
      // Stale lock left by a process that died: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError("database_locked");
}
