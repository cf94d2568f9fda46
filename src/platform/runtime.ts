import { createAuth, type Auth } from "@/platform/auth/auth";
import { prepareDatabase } from "@/platform/boot";
import { openDatabase, type Database, type Db } from "@/platform/db/client";
import { getEnv, type Env } from "@/platform/env";
import { printDemoAccounts } from "@/demo/seed";

export type Runtime = { env: Env; database: Database; db: Db; auth: Auth };

// One runtime per process, kept on globalThis because Next.js may load this module more than once.
const holder = globalThis as unknown as { __maillageRuntime?: Promise<Runtime> };

async function start(): Promise<Runtime> {
  const env = getEnv();
  const database = await openDatabase(env);
  try {
    const report = await prepareDatabase(database, env);
    if (report.demo?.created) printDemoAccounts(report.demo);
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
