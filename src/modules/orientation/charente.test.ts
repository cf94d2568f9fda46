import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { findHelp } from "./nearest";

// The real places of Charente (national open data), as the demo instance has them.
const charenteFile = "../shared/data/standard-mediation-numerique/datasets/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  const territory = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-orientation" });
  const report = await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new Uint8Array(fs.readFileSync(charenteFile)), filename: "charente.json", territory, dryRun: false });
  expect(report.created).toBeGreaterThan(150);
});
afterAll(async () => {
  await database?.close();
});

describe("finding help in the real Charente data", () => {
  it("from Angoulême, the nearest place for an online procedure is within 5 km, and links to the territory", async () => {
    const answer = await findHelp(database.db, { communeCode: "16015", need: "demarches" });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.places).toHaveLength(10);
    const [first] = answer.places;
    expect(first?.distanceKm).toBeLessThan(5);
    expect(first?.services).toContain("Aide aux démarches administratives");
    expect(first?.territorySlug).toBe("charente-orientation");
    const distances = answer.places.map((p) => p.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("helps across borders: from a Dordogne village, the nearest place is in Charente", async () => {
    // Saint Aulaye-Puymangou (24376) lies about 6 km from the town hall of Bonnes (16390), in Charente.
    const answer = await findHelp(database.db, { communeCode: "24376", need: "demarches" });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.origin.commune?.name).toBe("Saint Aulaye-Puymangou");
    expect(answer.places[0]?.address.postcode).toMatch(/^16/);
    expect(answer.places[0]?.distanceKm).toBeLessThan(10);
  });
});
