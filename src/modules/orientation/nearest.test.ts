import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { importPlaces } from "@/modules/places/commands";
import { places } from "@/modules/places/schema";
import { distanceKm, findHelp, placeIndex, samePlace } from "./nearest";

/*
 * Places at known offsets from Angoulême's representative point (INSEE 16015: lon 0.15194, lat 45.64572,
 * data/communes.json). Distances worked out by hand on a sphere of radius 6,371 km:
 *   0.01° of latitude = 6371 × 0.01 × π/180 = 1.112 km
 *   0.05° of latitude = 6371 × 0.05 × π/180 = 5.560 km  → 5.6
 *   0.1°  of latitude = 6371 × 0.1  × π/180 = 11.119 km → 11.1
 *   0.5°  of latitude = 55.597 km (beyond the 50 km limit)
 *   0.1°  of longitude at 45.64572° N = 11.119 × cos(45.64572°) = 11.119 × 0.69910 = 7.774 km → 7.8
 */
const LON = 0.15194;
const LAT = 45.64572;
const system = { kind: "system", label: "test" } as const;

type Fixture = { id: string; nom: string; lon: number; lat: number; services: string; horaires?: string; support?: string; access?: string };
const fixtures: Fixture[] = [
  { id: "centre", nom: "Centre social du centre", lon: LON, lat: LAT, services: "Aide aux démarches administratives", horaires: "Mo-Fr 09:00-12:00" },
  { id: "nord-5", nom: "Médiathèque à 5 km au nord", lon: LON, lat: LAT + 0.05, services: "Maîtrise des outils numériques du quotidien", horaires: "Mo-Sa 09:00-18:00", support: "Surdité" },
  { id: "est-8", nom: "Espace parents à l'est", lon: LON + 0.1, lat: LAT, services: "Parentalité et éducation avec le numérique", horaires: "Sa 10:00-12:00" },
  { id: "nord-11", nom: "France Services à 11 km au nord", lon: LON, lat: LAT + 0.1, services: "Aide aux démarches administratives|Compréhension du monde numérique", support: "Surdité|Illettrisme" },
  { id: "sans-public", nom: "Bureau sans accueil", lon: LON, lat: LAT + 0.01, services: "Aide aux démarches administratives", access: "Ce lieu n'accueille pas de public" },
  { id: "loin", nom: "Lieu à 56 km", lon: LON, lat: LAT + 0.5, services: "Aide aux démarches administratives" },
  // The same place published a second time (as happens in the national data): listed once.
  { id: "centre-doublon", nom: "Centre social du centre", lon: LON, lat: LAT, services: "Aide aux démarches administratives|Accès internet et matériel informatique" },
  // Again, from another source that placed it 0.003° (334 m) north and wrote its name in capitals: same address, so listed once.
  { id: "centre-autre-source", nom: "CENTRE SOCIAL DU CENTRE", lon: LON, lat: LAT + 0.003, services: "Aide aux démarches administratives" },
];

function file(records: Fixture[]): Uint8Array {
  const rows = records.map((f) => ({
    id: f.id,
    pivot: "00000000000000",
    nom: f.nom,
    commune: "Angoulême",
    code_postal: "16000",
    code_insee: "16015",
    adresse: "1 place de test",
    latitude: f.lat,
    longitude: f.lon,
    date_maj: "2026-01-15",
    services: f.services,
    telephone: "+33545000000",
    ...(f.horaires ? { horaires: f.horaires } : {}),
    ...(f.support ? { prise_en_charge_specifique: f.support } : {}),
    ...(f.access ? { modalites_acces: f.access } : {}),
  }));
  return new TextEncoder().encode(JSON.stringify(rows));
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  const report = await importPlaces(database.db, system, { bytes: file(fixtures), filename: "orientation.json", source: "test-orientation", dryRun: false });
  expect(report.created).toBe(fixtures.length);
});
afterAll(async () => {
  await database?.close();
});

const summary = (answer: Awaited<ReturnType<typeof findHelp>>) => (answer.ok ? answer.places.map((p) => [p.name, p.distanceKm]) : answer.reason);

describe("great-circle distance", () => {
  it("matches the hand-computed values", () => {
    expect(distanceKm(LON, LAT, LON, LAT + 0.1)).toBeCloseTo(11.119, 3);
    expect(distanceKm(LON, LAT, LON + 0.1, LAT)).toBeCloseTo(7.774, 3);
    expect(distanceKm(0, 0, 1, 0)).toBeCloseTo(111.195, 3); // 1° on the equator = 6371 × π/180
    expect(distanceKm(LON, LAT, LON, LAT)).toBe(0);
  });
});

describe("one place published twice", () => {
  const key = (name: string, address: string, lon: number, lat: number) => ({ name, address, lon, lat });
  it("is the same name with the same address, or the same name less than 150 m away", () => {
    expect(samePlace(key("mairie", "1 rue a 16000", 0, 45), key("mairie", "1 rue a 16000", 0.01, 45))).toBe(true);
    // 0.001° of latitude = 111 m; 0.002° = 222 m.
    expect(samePlace(key("mairie", "1 rue a 16000", 0, 45), key("mairie", "", 0, 45.001))).toBe(true);
    expect(samePlace(key("mairie", "1 rue a 16000", 0, 45), key("mairie", "", 0, 45.002))).toBe(false);
    // Two branches of one network: same name, different addresses, far apart.
    expect(samePlace(key("france services", "1 rue a 16000", 0, 45), key("france services", "2 rue b 16100", 0, 45.3))).toBe(false);
    expect(samePlace(key("mairie", "1 rue a 16000", 0, 45), key("mediatheque", "1 rue a 16000", 0, 45))).toBe(false);
  });

  it("never takes two of the slots", async () => {
    const answer = await findHelp(database.db, { communeCode: "16015", limit: 3 });
    expect(answer.ok && answer.places.filter((p) => p.name.toLowerCase() === "centre social du centre")).toHaveLength(1);
  });
});

describe("a commune outside the places this instance holds", () => {
  it("is answered as not covered (Périgueux, Dordogne: no place imported there)", async () => {
    const answer = await findHelp(database.db, { communeCode: "24322" });
    expect(answer.ok && answer.covered).toBe(false);
  });
});

describe("findHelp", () => {
  it("returns the nearest places first, with their distance to 0.1 km, never a place without public nor one beyond 50 km", async () => {
    const answer = await findHelp(database.db, { communeCode: "16015" });
    expect(summary(answer)).toEqual([
      ["Centre social du centre", 0],
      ["Médiathèque à 5 km au nord", 5.6],
      ["Espace parents à l'est", 7.8],
      ["France Services à 11 km au nord", 11.1],
    ]);
    if (!answer.ok) return;
    expect(answer.origin.commune).toEqual({ code: "16015", name: "Angoulême", departement: "16" });
    expect(answer.covered).toBe(true);
    const centre = answer.places[0];
    expect(centre?.address).toMatchObject({ street: "1 place de test", postcode: "16000", commune: "Angoulême" });
    expect(centre?.contact.phone).toBe("+33545000000");
  });

  it("lists a place published twice only once, whichever record matches", async () => {
    const index = await placeIndex(database.db);
    expect(index.places.filter((p) => p.lon === LON && p.lat === LAT)).toHaveLength(2);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "equiper" }))).toEqual([["Centre social du centre", 0]]);
  });

  it("honours the limit and the maximum distance", async () => {
    expect(summary(await findHelp(database.db, { communeCode: "16015", limit: 2 }))).toEqual([
      ["Centre social du centre", 0],
      ["Médiathèque à 5 km au nord", 5.6],
    ]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", maxKm: 8 }))).toHaveLength(3);
    // With a 60 km radius the place 55.6 km away (0.5° north) appears.
    expect(summary(await findHelp(database.db, { communeCode: "16015", maxKm: 60 }))).toContainEqual(["Lieu à 56 km", 55.6]);
  });

  it("starts from a position as well as from a commune", async () => {
    expect(summary(await findHelp(database.db, { lon: LON, lat: LAT + 0.1, limit: 3 }))).toEqual([
      ["France Services à 11 km au nord", 0],
      ["Médiathèque à 5 km au nord", 5.6],
      ["Centre social du centre", 11.1],
    ]);
  });

  it("keeps only the places offering a service of the need", async () => {
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "demarches" }))).toEqual([
      ["Centre social du centre", 0],
      ["France Services à 11 km au nord", 11.1],
    ]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "enfants" }))).toEqual([["Espace parents à l'est", 7.8]]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "comprendre" }))).toEqual([["France Services à 11 km au nord", 11.1]]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "emploi" }))).toEqual([]);
  });

  it("requires every accessibility need asked", async () => {
    expect(summary(await findHelp(database.db, { communeCode: "16015", accessibility: ["surdite"] }))).toEqual([
      ["Médiathèque à 5 km au nord", 5.6],
      ["France Services à 11 km au nord", 11.1],
    ]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", accessibility: ["surdite", "illettrisme"] }))).toEqual([["France Services à 11 km au nord", 11.1]]);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "bases", accessibility: ["illettrisme"] }))).toEqual([]);
  });

  it("keeps only the places open now, in Paris time, when asked", async () => {
    // Tuesday 10 March 2026, 10:00 in Paris (UTC+1 in winter), not a public holiday.
    const tuesday = new Date("2026-03-10T09:00:00Z");
    const open = await findHelp(database.db, { communeCode: "16015", openNow: true }, tuesday);
    // "Mo-Fr 09:00-12:00" and "Mo-Sa 09:00-18:00" are open; "Sa 10:00-12:00" is closed; no hours is not "open".
    expect(summary(open)).toEqual([
      ["Centre social du centre", 0],
      ["Médiathèque à 5 km au nord", 5.6],
    ]);
    if (open.ok) expect(open.places[0]?.status).toBe("Ouvert jusqu’à 12\u00a0h");
    // Sunday 15 March 2026, 10:00 in Paris: nothing is open.
    expect(summary(await findHelp(database.db, { communeCode: "16015", openNow: true }, new Date("2026-03-15T09:00:00Z")))).toEqual([]);
    // Without the filter, the statuses still tell the truth, and a place without hours says nothing.
    const all = await findHelp(database.db, { communeCode: "16015" }, tuesday);
    expect(all.ok && all.places.map((p) => p.status)).toEqual(["Ouvert jusqu’à 12\u00a0h", "Ouvert jusqu’à 18\u00a0h", "Ouvre samedi à 10\u00a0h", null]);
  });

  it("finds nothing from a commune far from every place, and says so for an unknown commune", async () => {
    // Strasbourg is about 700 km from Angoulême.
    expect(summary(await findHelp(database.db, { communeCode: "67482" }))).toEqual([]);
    expect(summary(await findHelp(database.db, { communeCode: "99999" }))).toBe("unknown-commune");
    expect(summary(await findHelp(database.db, {}))).toBe("no-position");
  });

  it("rebuilds the index when the places change, checking at most every few seconds", async () => {
    const first = await placeIndex(database.db, 0);
    expect(await placeIndex(database.db)).toBe(first); // nothing changed
    await importPlaces(database.db, system, {
      bytes: file([{ id: "nouveau", nom: "Nouveau lieu tout près", lon: LON, lat: LAT + 0.02, services: "Aide aux démarches administratives" }]),
      filename: "orientation-2.json",
      source: "test-orientation",
      dryRun: false,
    });
    expect(await placeIndex(database.db)).toBe(first); // checked less than 5 s ago: trusted
    const second = await placeIndex(database.db, 0);
    expect(second).not.toBe(first);
    expect(second.places).toHaveLength(first.places.length + 1);
    expect(summary(await findHelp(database.db, { communeCode: "16015", need: "demarches", limit: 2 }))).toEqual([
      ["Centre social du centre", 0],
      ["Nouveau lieu tout près", 2.2],
    ]);
    await database.db.delete(places).where(eq(places.sourceId, "nouveau"));
    const third = await placeIndex(database.db, 0);
    expect(third.places).toHaveLength(first.places.length);
  });
});

describe("answering from memory", () => {
  it("runs no SQL once warm: the answers still come with the database closed", async () => {
    const own = await openTestDatabase();
    await importPlaces(own.db, system, { bytes: file(fixtures), filename: "memoire.json", source: "test-memoire", dryRun: false });
    const query = { communeCode: "16015", need: "demarches" } as const;
    const warm = await findHelp(own.db, query, new Date("2026-03-10T09:00:00Z"));
    expect(summary(warm)).toEqual([
      ["Centre social du centre", 0],
      ["France Services à 11 km au nord", 11.1],
    ]);
    await own.close();
    // Within the recheck delay (5 s), a search needs nothing from the database: position, places, contacts, statuses.
    const cold = await findHelp(own.db, query, new Date("2026-03-10T09:00:00Z"));
    expect(cold).toEqual(warm);
    if (cold.ok) expect(cold.places[0]).toMatchObject({ address: { street: "1 place de test", postcode: "16000", commune: "Angoulême" }, contact: { phone: "+33545000000" }, status: "Ouvert jusqu’à 12\u00a0h" });
  });
});
