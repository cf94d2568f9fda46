import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { parseFilters } from "./filters";
import { importReportView } from "./import-view";
import { outcomeSentence } from "./import-outcome";
import { listPlaces } from "./queries";

// The import report links to the places it imported through the places list filtered on their source.
const bytes = new Uint8Array(fs.readFileSync("../shared/data/standard-mediation-numerique/datasets/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json"));
const system = { kind: "system", label: "test" } as const;

let database: Database;
let charente: Territory;

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-sources" });
});
afterAll(async () => {
  await database?.close();
});

describe("the import report leads to the places imported", () => {
  it("names the sources of the places written, in the file's order (five at most)", async () => {
    const report = importReportView(await importPlaces(database.db, system, { bytes, filename: "charente.json", territory: charente, dryRun: false }));
    // The file (20230711) holds six sources, in this order of first appearance.
    expect(report.sources).toEqual(["conseiller-numerique", "aidants-connect", "france-services", "dora", "france-tiers-lieux"]);
    // 188 records, five of which name no known commune (see import.test.ts).
    expect(outcomeSentence(report)).toBe("184 lieux ajoutés à votre territoire.");
  });

  it("re-imported, the same places count as added to the territory, and the list filters on a source", async () => {
    const again = importReportView(await importPlaces(database.db, system, { bytes, filename: "charente.json", territory: charente, dryRun: false }));
    expect([again.created, again.unchanged]).toEqual([0, 184]);
    expect(outcomeSentence(again)).toBe("184 lieux ajoutés à votre territoire.");
    // Eleven records of the file come from "dora", all placed in a commune of Charente.
    const dora = await listPlaces(database.db, charente.id, parseFilters({ source: "dora" }), 1);
    expect(dora.total).toBe(11);
    const none = await listPlaces(database.db, charente.id, parseFilters({ source: "inconnue" }), 1);
    expect(none.total).toBe(0);
  });
});
