import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { diagnosticExport } from "./diagnostic";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-cli", name: "Angoulême" });
});
afterAll(async () => {
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(slug: string | undefined) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation((m: string) => void (stderr += m));
  const code = await diagnosticExport(database.db, slug);
  return { code, stdout, stderr };
}

describe("npx maillage diagnostic export --territory SLUG", () => {
  it("writes the per-commune CSV with the documented columns and real reference values", async () => {
    const { code, stdout } = await run("angouleme-cli");
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    for (const column of ["code_insee", "nom", "population", "longitude", "latitude", "ifn_total", "ifn_no_thd", "ifn_no_4g", "ifn_poverty", "ifn_older_65", "ifn_no_diploma", "places", "places_per_10k", "nearest_place_km", "white_zone"]) {
      expect(Object.keys(row)).toContain(column);
    }
    // data/communes.json: Angoulême, 41,908 inhabitants, point 0.15194 / 45.64572, IFN 6.52. No place in this database.
    expect(row).toMatchObject({ code_insee: "16015", nom: "Angoulême", population: "41908", longitude: "0.15194", latitude: "45.64572", ifn_total: "6.52", places: "0", nearest_place_km: "" });
  });

  it("an unknown territory is an error on standard error, exit code 2, nothing on standard output", async () => {
    const { code, stdout, stderr } = await run("nulle-part");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/Territoire inconnu/);
  });
});
