import { describe, expect, it } from "vitest";
import { buildPlaceIndexes, computeCoverage, rankPriorities, SERVICES, type CommuneCoverage, type CoverageCommune, type CoveragePlace, type Service } from "./coverage";
import { defaultCoverageSettings } from "./validation";

/*
 * Hand-checked fixtures. Every commune and place lies on the meridian 1° E, so the great-circle distance
 * between two of them is the arc of latitude between them on a sphere of radius 6,371 km:
 *   1° of latitude = 6371 × π / 180 = 111.19493 km
 *   0.0899° = 9.99642 km     0.09° = 10.00754 km     0.14° = 15.56729 km     0.16° = 17.79119 km
 *   0.2101° = 23.36205 km    0.30° = 33.35848 km     0.39° = 43.36602 km     0.41° = 45.58992 km
 *   0.50° = 55.59746 km      0.66° = 73.38865 km     0.44° = 48.92577 km
 * Default settings: 10 km, IFN threshold 6.5 ("above" is strict).
 */
const LON = 1;
const DEMARCHES: Service = "Aide aux démarches administratives";
const INTERNET: Service = "Accès internet et matériel informatique";
const OUTILS: Service = "Maîtrise des outils numériques du quotidien";

const ifn = (total: number | null) => ({ total, noThd: 5, no4g: 5, poverty: 5, older65: 5, noDiploma: 5 });
const commune = (code: string, name: string, lat: number | null, population: number | null, total: number | null): CoverageCommune => ({
  code,
  name,
  population,
  lon: lat === null ? null : LON,
  lat,
  ifn: ifn(total),
});

const places: CoveragePlace[] = [
  // In commune 99001, at its representative point.
  { id: "p-centre", lon: LON, lat: 46.0, services: [DEMARCHES], communeCode: "99001" },
  // In a neighbouring territory's commune: help across the border still counts.
  { id: "p-nord", lon: LON, lat: 46.3, services: [DEMARCHES, INTERNET], communeCode: "99100" },
  { id: "p-sud", lon: LON, lat: 45.5, services: [OUTILS, "Un service hors du standard"], communeCode: "99200" },
  // No usable position: ignored everywhere.
  { id: "p-sans-position", lon: Number.NaN, lat: 46.05, services: [DEMARCHES], communeCode: "99002" },
];

const communes: CoverageCommune[] = [
  commune("99001", "Centre", 46.0, 2000, 5.0),
  // Nearest: p-centre, 0.0899° south = 9.99642 km, within 10 km.
  commune("99002", "Dedans", 46.0899, 500, 8.0),
  // Nearest: p-centre, 0.09° north = 10.00754 km, beyond 10 km; fragile → white zone.
  commune("99003", "Dehors", 45.91, 1200, 7.0),
  // Nearest: p-nord, 0.14° = 15.56729 km (p-centre is 0.16° = 17.79119 km); IFN exactly at the threshold: not a white zone.
  commune("99004", "Seuil", 46.16, 3200, 6.5),
  // Same point, IFN just above the threshold: white zone.
  commune("99005", "Au-dessus", 46.16, 100, 6.51),
];

const byCodeInput = (code: string): CoverageCommune => {
  const c = communes.find((x) => x.code === code);
  if (!c) throw new Error(`no commune ${code}`);
  return c;
};

const byCode = (rows: readonly CommuneCoverage[], code: string): CommuneCoverage => {
  const row = rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
};

/** Per-service distances, for the services that have one. */
const served = (r: CommuneCoverage) => Object.fromEntries(Object.entries(r.nearestKmByService).filter(([, km]) => km !== null));

describe("nearest place per commune", () => {
  const { communes: rows } = computeCoverage(communes, places, defaultCoverageSettings);

  it("measures the great-circle distance to the nearest place, wherever the place is", () => {
    expect(byCode(rows, "99001").nearestKm).toBeCloseTo(0, 6);
    expect(byCode(rows, "99001").nearestPlaceId).toBe("p-centre");
    expect(byCode(rows, "99002").nearestKm).toBeCloseTo(9.99642, 4);
    expect(byCode(rows, "99003").nearestKm).toBeCloseTo(10.00754, 4);
    expect(byCode(rows, "99004").nearestKm).toBeCloseTo(15.56729, 4);
    expect(byCode(rows, "99004").nearestPlaceId).toBe("p-nord");
    expect(rows.map((r) => r.missing)).toEqual([null, null, null, null, null]);
  });

  it("finds the nearest place offering each service of the standard, and none for a service nobody offers", () => {
    expect(SERVICES).toHaveLength(9);
    const centre = byCode(rows, "99001");
    expect(centre.nearestKmByService[DEMARCHES]).toBeCloseTo(0, 6);
    expect(centre.nearestKmByService[INTERNET]).toBeCloseTo(33.35848, 4); // p-nord, 0.30°
    expect(centre.nearestKmByService[OUTILS]).toBeCloseTo(55.59746, 4); // p-sud, 0.50°
    expect(Object.keys(served(centre)).sort()).toEqual([DEMARCHES, INTERNET, OUTILS].sort());
    expect(centre.nearestKmByService["Loisirs et créations numériques"]).toBeNull();

    const dehors = byCode(rows, "99003");
    expect(dehors.nearestKmByService[DEMARCHES]).toBeCloseTo(10.00754, 4); // p-centre, 0.09°
    expect(dehors.nearestKmByService[INTERNET]).toBeCloseTo(43.36602, 4); // p-nord, 0.39°
    expect(dehors.nearestKmByService[OUTILS]).toBeCloseTo(45.58992, 4); // p-sud, 0.41°

    const seuil = byCode(rows, "99004");
    expect(seuil.nearestKmByService[DEMARCHES]).toBeCloseTo(15.56729, 4); // p-nord before p-centre (17.79 km)
    expect(seuil.nearestKmByService[OUTILS]).toBeCloseTo(73.38865, 4); // p-sud, 0.66°

    // p-nord is the only place giving internet access: Dedans is 0.2101° from it.
    expect(byCode(rows, "99002").nearestKmByService[INTERNET]).toBeCloseTo(23.36205, 4);
  });

  it("counts the places located in each commune, and per 10,000 inhabitants", () => {
    // Only p-centre is in one of these communes (p-sans-position has no position and is ignored).
    expect(rows.map((r) => r.places)).toEqual([1, 0, 0, 0, 0]);
    expect(byCode(rows, "99001").placesPer10k).toBeCloseTo(5, 9); // 1 / 2000 × 10,000
    expect(byCode(rows, "99002").placesPer10k).toBe(0);
    expect(buildPlaceIndexes(places).count).toBe(3);
  });
});

describe("white zones", () => {
  it("needs both: no place within the distance (boundary at 10 km) and an IFN strictly above the threshold", () => {
    const { communes: rows } = computeCoverage(communes, places, defaultCoverageSettings);
    expect(rows.map((r) => [r.code, r.farFromPlaces, r.whiteZone])).toEqual([
      ["99001", false, false],
      ["99002", false, false], // 9.996 km: a place is within 10 km, however fragile (IFN 8)
      ["99003", true, true], // 10.008 km and IFN 7
      ["99004", true, false], // 15.6 km but IFN 6.5 is not above 6.5
      ["99005", true, true], // 15.6 km and IFN 6.51
    ]);
  });

  it("follows the settings", () => {
    const { communes: rows } = computeCoverage(communes, places, { distanceKm: 16, ifnThreshold: 6.5 });
    // Every commune now has a place within 16 km (the farthest is 15.567 km away).
    expect(rows.map((r) => r.whiteZone)).toEqual([false, false, false, false, false]);
    const strict = computeCoverage(communes, places, { distanceKm: 10, ifnThreshold: 7 }).communes;
    // 99003's IFN 7 is no longer above the threshold.
    expect(strict.map((r) => r.whiteZone)).toEqual([false, false, false, false, false]);
    const loose = computeCoverage(communes, places, { distanceKm: 10, ifnThreshold: 6 }).communes;
    expect(loose.map((r) => r.whiteZone)).toEqual([false, false, true, true, true]);
  });
});

describe("totals", () => {
  it("adds the population farther than the distance from any place, overall and per service", () => {
    const { totals } = computeCoverage(communes, places, defaultCoverageSettings);
    expect(totals.communes).toBe(5);
    expect(totals.population).toBe(7000); // 2000 + 500 + 1200 + 3200 + 100
    expect(totals.places).toBe(1);
    expect(totals.placesPer10k).toBeCloseTo(1.42857, 4); // 1 / 7000 × 10,000
    expect(totals.far).toEqual({ population: 4500, communes: 3 }); // 1200 + 3200 + 100
    expect(totals.whiteZones).toEqual({ population: 1300, communes: 2 }); // 1200 + 100
    // Démarches: the same places as "any place" for these communes (p-centre, p-nord).
    expect(totals.farByService[DEMARCHES]).toEqual({ population: 4500, communes: 3 });
    // Internet: only p-nord, more than 15 km from every commune.
    expect(totals.farByService[INTERNET]).toEqual({ population: 7000, communes: 5 });
    expect(totals.farByService[OUTILS]).toEqual({ population: 7000, communes: 5 });
    expect(totals.farByService["Loisirs et créations numériques"]).toEqual({ population: 7000, communes: 5 });
    expect(totals.noPosition).toEqual({ population: 0, communes: 0 });
  });
});

describe("communes and places with missing figures", () => {
  it("says why the distance is unknown when no place has a position at all", () => {
    const { communes: rows, totals } = computeCoverage(communes.slice(0, 3), [], defaultCoverageSettings);
    expect(rows.map((r) => [r.nearestKm, r.missing, r.farFromPlaces, r.whiteZone])).toEqual([
      [null, "no-place", true, false], // IFN 5: not fragile enough
      [null, "no-place", true, true],
      [null, "no-place", true, true],
    ]);
    expect(Object.values(byCode(rows, "99002").nearestKmByService).every((km) => km === null)).toBe(true);
    expect(totals.far).toEqual({ population: 3700, communes: 3 }); // 2000 + 500 + 1200
    // First white zone by population × IFN: 99003 (1200 × 7 = 8400) before 99002 (500 × 8 = 4000).
    expect(rankPriorities(rows, defaultCoverageSettings)[0]?.explanation).toBe(
      "Aucun lieu à moins de 10\u00a0km (aucun lieu n'est encore localisé sur la plateforme) et fragilité numérique élevée (IFN 7 sur 10) pour 1\u202f200\u00a0habitants.",
    );
  });

  it("keeps a commune without inhabitants out of the population totals, the per-10,000 figure and the priorities", () => {
    // 0.44° north of p-nord (46.74 − 46.30) = 48.92577 km.
    const empty = commune("99006", "Village détruit", 46.74, 0, 9);
    const { communes: rows, totals } = computeCoverage([byCodeInput("99001"), empty], places, defaultCoverageSettings);
    const row = byCode(rows, "99006");
    expect(row.nearestKm).toBeCloseTo(48.92577, 4);
    expect(row.placesPer10k).toBeNull();
    expect(row.whiteZone).toBe(true); // by definition: far and fragile
    expect(totals.population).toBe(2000);
    expect(totals.far).toEqual({ population: 0, communes: 1 });
    expect(totals.whiteZones).toEqual({ population: 0, communes: 1 });
    expect(rankPriorities(rows, defaultCoverageSettings).map((p) => p.commune.code)).toEqual(["99001"]);
  });

  it("leaves white zone undecided without a representative point, or without IFN when no place is near", () => {
    const rows = computeCoverage(
      [commune("99007", "Sans point", null, 50, 7), commune("99008", "Sans IFN loin", 46.16, 80, null), commune("99009", "Sans IFN près", 46.0, 90, null)],
      places,
      defaultCoverageSettings,
    );
    expect(rows.communes.map((r) => [r.code, r.missing, r.farFromPlaces, r.whiteZone])).toEqual([
      ["99007", "no-position", null, null],
      ["99008", null, true, null],
      ["99009", null, false, false],
    ]);
    expect(Object.values(byCode(rows.communes, "99007").nearestKmByService).every((km) => km === null)).toBe(true);
    // The commune without a point is counted apart, never as "far".
    expect(rows.totals.noPosition).toEqual({ population: 50, communes: 1 });
    expect(rows.totals.far).toEqual({ population: 80, communes: 1 });
    expect(rows.totals.farByService[DEMARCHES]).toEqual({ population: 80, communes: 1 });
  });
});

describe("priority communes", () => {
  const { communes: rows } = computeCoverage(communes, places, defaultCoverageSettings);
  const priorities = rankPriorities(rows, defaultCoverageSettings);

  it("puts white zones first, then ranks by population × IFN", () => {
    // White zones: 99003 (1200 × 7 = 8400), 99005 (100 × 6.51 = 651).
    // Others: 99004 (3200 × 6.5 = 20,800), 99001 (2000 × 5 = 10,000), 99002 (500 × 8 = 4000).
    expect(priorities.map((p) => p.commune.code)).toEqual(["99003", "99005", "99004", "99001", "99002"]);
    expect(priorities.map((p) => p.score)).toEqual([8400, 651, 20800, 10000, 4000]);
    expect(rankPriorities(rows, defaultCoverageSettings, 2)).toHaveLength(2);
  });

  it("explains each commune in one French sentence", () => {
    const sentences = Object.fromEntries(priorities.map((p) => [p.commune.code, p.explanation]));
    // 10.00754 km rounds to "10,0 km", which would read as "not beyond 10 km": two decimals then.
    expect(sentences["99003"]).toBe("Aucun lieu à moins de 10\u00a0km (le plus proche à 10,01\u00a0km) et fragilité numérique élevée (IFN 7 sur 10) pour 1\u202f200\u00a0habitants.");
    expect(sentences["99005"]).toBe("Aucun lieu à moins de 10\u00a0km (le plus proche à 15,6\u00a0km) et fragilité numérique élevée (IFN 6,51 sur 10) pour 100\u00a0habitants.");
    expect(sentences["99004"]).toBe(
      "Aucun lieu à moins de 10\u00a0km (le plus proche à 15,6\u00a0km) et fragilité numérique sous le seuil retenu (IFN 6,5 sur 10, seuil 6,5) pour 3\u202f200\u00a0habitants.",
    );
    expect(sentences["99001"]).toBe("Un lieu dans la commune et fragilité numérique sous le seuil retenu (IFN 5 sur 10, seuil 6,5) pour 2\u202f000\u00a0habitants.");
    expect(sentences["99002"]).toBe("Un lieu à 10,0\u00a0km et fragilité numérique élevée (IFN 8 sur 10) pour 500\u00a0habitants.");
  });

  it("puts communes without IFN after those with one, and says so", () => {
    const unknown = computeCoverage([commune("99008", "Sans IFN", 46.16, 5000, null), commune("99002", "Dedans", 46.0899, 500, 8)], places, defaultCoverageSettings);
    const ranked = rankPriorities(unknown.communes, defaultCoverageSettings);
    expect(ranked.map((p) => [p.commune.code, p.score])).toEqual([
      ["99002", 4000],
      ["99008", null],
    ]);
    expect(ranked[1]?.explanation).toBe("Aucun lieu à moins de 10\u00a0km (le plus proche à 15,6\u00a0km) et fragilité numérique inconnue (pas d'IFN pour cette commune) pour 5\u202f000\u00a0habitants.");
  });
});
