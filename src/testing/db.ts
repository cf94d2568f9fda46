import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { openDatabase, type Database } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { setRuntime, type Runtime } from "@/platform/runtime";
import { PG_TEMPLATE, preparePgliteTemplate, withDatabase } from "./template";

/**
 * A fresh database for one test file, cloned from the prepared template:
 * PGlite in memory by default, a new PostgreSQL database when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `maillage_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE}`);
    await admin.end();
    const database = await openDatabase({ DATABASE_URL: withDatabase(url, name), dataDir: "" });
    return {
      ...database,
      close: async () => {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = process.env.MAILLAGE_TEST_TEMPLATE ?? (await preparePgliteTemplate());
  return openDatabase({ DATABASE_URL: undefined, dataDir: "" }, { inMemory: true, loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/** A test database installed as the process runtime (for code that calls getRuntime()). */
export async function openTestRuntime(): Promise<Runtime> {
  return setRuntime(await openTestDatabase(), getEnv());
}
