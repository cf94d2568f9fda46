import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Env } from "@/platform/env";
import { acquireDataDirLock } from "./lock";

// No schema handed to Drizzle: the application writes queries with the query builder only (no relational
// `db.query.*`), so the tables list (src/schema.ts, for drizzle-kit) stays above platform, which never imports modules.
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL text (several statements allowed); used by migrations and tests. */
  exec(sql: string): Promise<void>;
  /** Runs fn while no other process runs its own (migrations and seeding at boot). */
  withExclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

const BOOT_LOCK_KEY = 7254901;

/**
 * `MAILLAGE_SQL_LOG=1`: every query's SQL text on stderr (never its parameters, which may hold personal
 * data). For benchmarks and profiling (bench/signed-in-pages.ts counts the queries a page view runs).
 */
const sqlLog = process.env.MAILLAGE_SQL_LOG === "1" ? { logQuery: (query: string) => console.error(`[sql] ${query}`) } : undefined;

export type OpenOptions = {
  /** Load a PGlite data folder from a dump (tests clone one prepared database). */
  loadDataDir?: Blob;
  /** Keep PGlite in memory (tests): no folder, no lock. */
  inMemory?: boolean;
};

export async function openDatabase(env: Pick<Env, "DATABASE_URL" | "dataDir">, options: OpenOptions = {}): Promise<Database> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.dataDir, options);
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection that the server ends (a restart, a failover, an administrator) emits "error" on the
  // pool; unhandled, it would take the whole process down. The pool drops that connection and opens another
  // at the next query, so saying it on stderr is enough.
  pool.on("error", (e: Error & { code?: string }) => console.error(`[base] connexion PostgreSQL inactive fermée par le serveur (${e.code ?? "?"}) : elle sera rouverte à la prochaine requête.`));
  const db = drizzle({ client: pool, logger: sqlLog }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    exec: async (sql) => {
      await pool.query(sql);
    },
    withExclusive: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [BOOT_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [BOOT_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite's memory, set deliberately (PostgreSQL's defaults are for a dedicated server). PGlite runs
 * PostgreSQL inside this process's WebAssembly memory, which grows and never shrinks: every buffer it ever
 * touches stays in the server's RSS. The data files are read from the data folder through the operating
 * system's cache, so a smaller buffer pool costs a copy, not a disk read. Measured in bench/public-load.ts
 * (bench/RESULTS.md): the defaults (128 MB shared_buffers) idle at ~510 MB and peaked at ~1 GB under load.
 */
export const PGLITE_SETTINGS = {
  // The buffer pool, allocated at start: 128 MB by default.
  shared_buffers: "32MB",
  // Per sort or hash of a query (PGlite runs one query at a time): PostgreSQL's default, stated.
  work_mem: "4MB",
  // Index builds and VACUUM (imports, migrations): 64 MB by default.
  maintenance_work_mem: "32MB",
  // Temporary tables (none used): 8 MB by default.
  temp_buffers: "2MB",
  // Planner's estimate of the OS cache available to this database (4 GB by default, not true on a small server).
  effective_cache_size: "512MB",
} as const;

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  let dir: string | undefined;
  if (!options.inMemory) {
    release = acquireDataDirLock(dataDir);
    dir = path.join(dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  try {
    const client = await PGlite.create(dir, {
      extensions: { pg_trgm, unaccent },
      startParams: [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ["-c", `${k}=${v}`])],
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = drizzle({ client, logger: sqlLog }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      exec: async (sql) => {
        await client.exec(sql);
      },
      // The data-folder lock already makes this process the only one.
      withExclusive: (fn) => fn(),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Dumps an in-memory PGlite database so that tests can clone it cheaply. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  return client.dumpDataDir("none");
}
