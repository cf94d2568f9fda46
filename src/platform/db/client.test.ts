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
