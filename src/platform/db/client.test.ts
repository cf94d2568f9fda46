import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "./client";

describe("PGlite memory settings", () => {
  it("starts PGlite with the stated buffer pool and work memory, not PostgreSQL's defaults", async () => {
    // Embedded PGlite whatever DATABASE_URL says: these settings only concern it.
    const database = await openDatabase({ DATABASE_URL: undefined, dataDir: "" }, { inMemory: true });
    try {
      const show = async (name: string) => ((await database.db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, string>[] }).rows[0]?.[name];
      expect(await show("shared_buffers")).toBe("32MB");
      expect(await show("work_mem")).toBe("4MB");
      expect(await show("maintenance_work_mem")).toBe("32MB");
      expect(await show("temp_buffers")).toBe("2MB");
      expect(await show("effective_cache_size")).toBe("512MB");
      // The defaults PGlite needs are kept (one process, no parallel workers).
      expect(await show("max_parallel_workers_per_gather")).toBe("0");
    } finally {
      await database.close();
    }
  });
});

describe("a connection the server ends", () => {
  it("does not take the process down: the next query opens another connection and answers", async () => {
    const { openTestDatabase } = await import("@/testing/db");
    const database = await openTestDatabase();
    try {
      const one = async () => ((await database.db.execute(sql`select 1 as n`)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
      expect(await one()).toBe(1);
      if (database.kind === "postgres") {
        // What a restart or an administrator does to idle connections (PGlite has no server to do it).
        const pg = await import("pg");
        const url = new URL(process.env.DATABASE_URL ?? "");
        const name = ((await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }).rows[0]?.name ?? "";
        const admin = new pg.default.Client({ connectionString: url.toString() });
        await admin.connect();
        const { rows } = await admin.query<{ ended: boolean }>("select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
        await admin.end();
        expect(rows.length).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await one()).toBe(1);
    } finally {
      await database.close();
    }
  });
});
