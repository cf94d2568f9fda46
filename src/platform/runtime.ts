import { createAuth, type Auth } from "@/platform/auth/auth";
import { openDatabase, type Database, type Db } from "@/platform/db/client";
import { getEnv, type Env } from "@/platform/env";

export type Runtime = { env: Env; database: Database; db: Db; auth: Auth };

/** What a start does with the opened database (migrations, reference data, demo): src/boot.ts registers it. */
export type Startup = (database: Database, env: Env) => Promise<void>;

// One runtime per process, kept on globalThis because Next.js may load this module more than once.
const holder = globalThis as unknown as { __maillageRuntime?: Promise<Runtime>; __maillageStartup?: Startup };

/** Platform never imports modules: the start-up (src/boot.ts) hands in the steps that need them. */
export function configureStartup(startup: Startup): void {
  holder.__maillageStartup = startup;
}

async function start(): Promise<Runtime> {
  // Loud, never a database served unmigrated: a process that skipped src/boot.ts is a bug.
  const startup = holder.__maillageStartup;
  if (!startup) throw new Error('getRuntime: no start-up configured; import "@/boot" at the start of the process.');
  const env = getEnv();
  const database = await openDatabase(env);
  try {
    await startup(database, env);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { env, database, db: database.db, auth: createAuth(database.db, env) };
}

export function getRuntime(): Promise<Runtime> {
  holder.__maillageRuntime ??= start().catch((e: unknown) => {
    holder.__maillageRuntime = undefined;
    throw e;
  });
  return holder.__maillageRuntime;
}

/** For tests and the CLI: use an already opened database. */
export function setRuntime(database: Database, env: Env): Runtime {
  const runtime = { env, database, db: database.db, auth: createAuth(database.db, env) };
  holder.__maillageRuntime = Promise.resolve(runtime);
  return runtime;
}
