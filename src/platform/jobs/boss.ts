/**
 * pg-boss on our own connection: PGlite (one connection, in this process) or the PostgreSQL pool.
 * pg-boss accepts any object with `executeSql(text, values)`; its schema (`pgboss`) is its own,
 * created and migrated by pg-boss itself at boot (`ensureQueueSchema`), next to our migrations.
 */
import PgBoss from "pg-boss";
import type { Database } from "@/platform/db/client";

type PgliteClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
};
type PgPool = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export function bossDb(database: Database): PgBoss.Db {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === "pglite") {
    const lite = client as PgliteClient;
    return {
      // pg-boss sends its schema and maintenance as several statements without parameters: PGlite runs
      // those with exec (query takes one statement); every other call is one parameterized statement.
      executeSql: async (text, values) => {
        if (values && values.length > 0) return lite.query(text, values);
        const results = await lite.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    };
  }
  const pool = client as PgPool;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** Options shared by every pg-boss instance of the application. */
export function bossOptions(database: Database): PgBoss.ConstructorOptions {
  return {
    db: bossDb(database),
    // Finished pg-boss rows carry only our run id: our own table keeps what people read.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 1,
  };
}

/** Creates or migrates pg-boss's schema (boot, test templates). Safe when several processes boot at once. */
export async function ensureQueueSchema(database: Database): Promise<void> {
  const boss = new PgBoss({ ...bossOptions(database), supervise: false, schedule: false, migrate: true });
  boss.on("error", (e) => console.error("[jobs] file d'attente :", e));
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}
