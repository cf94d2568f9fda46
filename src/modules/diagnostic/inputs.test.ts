import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { coveragePlaceIndexes, loadCoverageCommunes, territoryCoverage } from "./inputs";
import { defaultCoverageSettings } from "./validation";

/*
 * Real communes (representative points from data/communes.json):
 *   16001 Abzac      lon 0.71865, lat 46.09872, 518 inhabitants, IFN 7.43
 *   16015 Angoulême  lon 0.15194, lat 45.64572, 41,908 inhabitants, IFN 6.52
 *   16102 Cognac     lon -0.32885, lat 45.6995, 18,532 inhabitants, IFN 6.51
 * Places put on the same meridian as a commune's point, so that distances are arcs of latitude on a
 * sphere of 6,371 km: 0.05° = 6371 × 0.05 × π/180 = 5.55975 km; 0.2° = 22.23899 km.
 * Angoulême–Cognac is about 38 km: the place north of Cognac stays Cognac's nearest.
 */
const ABZAC = { lon: 0.71865, lat: 46.09872 };
const ANGOULEME = { lon: 0.15194, lat: 45.64572 };
const COGNAC = { lon: -0.32885, lat: 45.6995 };
const system = { kind: "system", label: "test" } as const;

type Fixture = { id: string; commune: string; code: string; postcode: string; lon: number; lat: number; services: string; access?: string };
function file(records: Fixture[]): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify(
      records.map((f) => ({
        id: f.id,
        pivot: "00000000000000",
        nom: `Lieu de test ${f.id}`,
        commune: f.commune,
        code_postal: f.postcode,
        code_insee: f.code,
        adresse: "1 place de test",
        latitude: f.lat,
        longitude: f.lon,
        date_maj: "2026-01-15",
        services: f.services,
        ...(f.access ? { modalites_acces: f.access } : {}),
      })),
    ),
  );
}

const fixtures: Fixture[] = [
  { id: "angouleme", commune: "Angoulême", code: "16015", postcode: "16000", ...ANGOULEME, services: "Aide aux démarches administratives" },
  // In Chabanais (16070), outside the territory, 0.05° north of Abzac's point: it still serves Abzac.
  { id: "voisin", commune: "Chabanais", code: "16070", postcode: "16150", lon: ABZAC.lon, lat: ABZAC.lat + 0.05, services: "Accès internet et matériel informatique" },
  { id: "cognac-nord", commune: "Cognac", code: "16102", postcode: "16100", lon: COGNAC.lon, lat: COGNAC.lat + 0.2, services: "Aide aux démarches administratives" },
  // Receives no public: no help nearby, left out of distances and counts.
  { id: "bureau", commune: "Cognac", code: "16102", postcode: "16100", ...COGNAC, services: "Aide aux démarches administratives", access: "Ce lieu n'accueille pas de public" },
];

let database: Database;
let territoryId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  const report = await importPlaces(database.db, system, { bytes: file(fixtures), filename: "couverture.json", source: "test-couverture", dryRun: false });
  expect(report.created).toBe(fixtures.length);
  territoryId = (await createTestTerritory(database.db, { kind: "custom", name: "Bassin de test", communes: "16015 16102 16001" })).id;
});
afterAll(async () => {
  await database?.close();
});

describe("inputs of the coverage diagnostic", () => {
  it("carries the IFN of ../shared/data/ifn for the territory's real communes", async () => {
    const lines = fs.readFileSync("../shared/data/ifn/ifn-city-all-variation.csv", "utf8").trim().split("\n");
    expect(lines[0]).toBe("name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total");
    // No commune name of these three has a comma: a plain split is enough.
    const source = new Map(lines.slice(1).map((l) => l.split(",")).map((cells) => [cells[2], cells.slice(3).map(Number)] as const));
    const rows = await loadCoverageCommunes(database.db, territoryId);
    expect(rows.map((r) => r.code)).toEqual(["16001", "16015", "16102"]);
    for (const r of rows) {
      const csv = source.get(r.code);
      expect(csv, `ligne IFN de ${r.code}`).toHaveLength(6);
      const [noThd, no4g, poverty, older65, noDiploma, total] = csv ?? [];
      const loaded = r.ifn;
      // data/communes.json keeps two decimals: at most 0.005 apart (plus float32 storage).
      const values = [loaded?.noThd, loaded?.no4g, loaded?.poverty, loaded?.older65, loaded?.noDiploma, loaded?.total];
      [noThd, no4g, poverty, older65, noDiploma, total].forEach((expected, i) => {
        expect(Math.abs((values[i] ?? NaN) - (expected ?? NaN)), `${r.code}, colonne ${i}`).toBeLessThanOrEqual(0.0051);
      });
    }
    expect(rows.find((r) => r.code === "16015")).toMatchObject({ name: "Angoulême", population: 41908, lon: ANGOULEME.lon, lat: ANGOULEME.lat });
  });

  it("reads only the communes of the territory asked for", async () => {
    const other = await createTestTerritory(database.db, { kind: "commune", code: "16070" });
    expect((await loadCoverageCommunes(database.db, other.id)).map((r) => r.code)).toEqual(["16070"]);
    expect((await loadCoverageCommunes(database.db, territoryId)).map((r) => r.code)).not.toContain("16070");
  });

  it("measures every commune against all the places of the instance, across the border", async () => {
    const { communes, totals } = await territoryCoverage(database.db, territoryId, defaultCoverageSettings);
    const summary = Object.fromEntries(communes.map((c) => [c.code, { km: c.nearestKm === null ? null : Math.round(c.nearestKm * 1000) / 1000, places: c.places, white: c.whiteZone }]));
    expect(summary).toEqual({
      "16001": { km: 5.56, places: 0, white: false }, // "voisin", 0.05° north, in another territory
      "16015": { km: 0, places: 1, white: false },
      "16102": { km: 22.239, places: 1, white: true }, // "bureau" (no public) does not count; IFN 6.51 > 6.5
    });
    const abzac = communes.find((c) => c.code === "16001");
    expect(abzac?.nearestKmByService["Accès internet et matériel informatique"]).toBeCloseTo(5.55975, 3);
    expect(communes.find((c) => c.code === "16015")?.placesPer10k).toBeCloseTo(0.23862, 4); // 1 / 41,908 × 10,000
    expect(totals.population).toBe(60958); // 518 + 41,908 + 18,532
    expect(totals.far).toEqual({ population: 18532, communes: 1 });
    expect(totals.whiteZones).toEqual({ population: 18532, communes: 1 });
  });

  it("recomputes when places change, and reuses the index while they do not", async () => {
    const first = await coveragePlaceIndexes(database.db);
    const again = await coveragePlaceIndexes(database.db);
    expect(again.indexes).toBe(first.indexes);
    expect(first.indexes.count).toBe(3);

    const added: Fixture = { id: "cognac-centre", commune: "Cognac", code: "16102", postcode: "16100", ...COGNAC, services: "Aide aux démarches administratives" };
    await importPlaces(database.db, system, { bytes: file([added]), filename: "couverture-2.json", source: "test-couverture-2", dryRun: false });
    const after = await coveragePlaceIndexes(database.db);
    expect(after.version).not.toBe(first.version);
    expect(after.indexes.count).toBe(4);
    const cognac = (await territoryCoverage(database.db, territoryId, defaultCoverageSettings)).communes.find((c) => c.code === "16102");
    expect(cognac).toMatchObject({ places: 2, whiteZone: false });
    expect(cognac?.nearestKm).toBeCloseTo(0, 6);
  });
});
