import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/platform/errors";

/**
 * PGlite has no multi-process locking of its own: two processes opening the same
 * data folder would corrupt it. We hold an exclusive lock file for the life of the
 * process and refuse clearly when another live process holds it.
 *
 * A PID alone does not say who holds the lock: after a crash and a restart (a container always starts as PID 1,
 * a reboot resets PIDs) the same number names another process, or this one. A holder is therefore identified by
 * its PID, the kernel's boot id and the process's start time (Linux /proc), and this process recognises its own
 * lock by a random token kept in memory.
 */
export type LockInfo = { pid: number; host: string; startedAt: string; command: string; bootId?: string | undefined; processStart?: string | undefined; token?: string };

const held = globalThis as unknown as { __maillageLocks?: Map<string, string> };
const heldLocks = () => (held.__maillageLocks ??= new Map());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The kernel's id of the current boot (Linux), undefined elsewhere. */
export function currentBootId(): string | undefined {
  try {
    return fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), undefined when unknown. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Whether the process recorded in a lock file still runs (on this machine, since this boot, the same process). */
export function holderIsRunning(holder: LockInfo): boolean {
  if (holder.host !== os.hostname()) return false;
  const boot = currentBootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  if (!isAlive(holder.pid)) return false;
  const start = processStartTime(holder.pid);
  if (holder.processStart && start && holder.processStart !== start) return false;
  return true;
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "maillage.lock");
  const mine: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(" "),
    bootId: currentBootId(),
    processStart: processStartTime(process.pid),
    token: randomBytes(12).toString("hex"),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: "wx", mode: 0o600 });
      heldLocks().set(file, mine.token ?? "");
      const release = () => {
        if (readLock(file)?.token === mine.token) fs.rmSync(file, { force: true });
        heldLocks().delete(file);
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(file);
      if (holder && holder.pid === process.pid) {
        // Our own PID: either we really hold it (a second open in this process), or a previous process had our number.
        if (holder.token && heldLocks().get(file) === holder.token) {
          throw new AppError("database_locked", { message: "La base embarquée est déjà ouverte par ce processus." });
        }
      } else if (holder && holderIsRunning(holder)) {
        throw new AppError("database_locked", {
          message:
            `La base de données embarquée (${dataDir}) est utilisée par un autre processus ` +
            `(pid ${holder.pid}, « ${holder.command} », depuis ${holder.startedAt}). ` +
            "Arrêtez-le avant de relancer cette commande, ou utilisez PostgreSQL (DATABASE_URL) " +
            "pour faire travailler plusieurs processus sur la même base.",
        });
      }
      // Stale lock left by a process that died (or by an earlier life of this PID): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError("database_locked");
}
