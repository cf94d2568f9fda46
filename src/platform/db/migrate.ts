import path from "node:path";
import type { Database } from "./client";

/** Applies the SQL migrations of ./drizzle (valid on PostgreSQL 15 and PGlite). */
export async function migrate(database: Database): Promise<void> {
  const migrationsFolder = path.join(process.cwd(), "drizzle");
  if (database.kind === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(database.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/node-postgres/migrator");
    await run(database.db as never, { migrationsFolder });
  }
}
