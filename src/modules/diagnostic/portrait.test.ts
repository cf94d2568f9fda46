import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { toXlsx } from "@/platform/spreadsheet";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import type { Territory } from "@/modules/territories/queries";
import { portraitTable } from "./export";
import { deleteIndicator, importIndicators, indicatorTemplate, listCustomIndicators, parseHeader, parseNumber } from "./indicators";
import { classify } from "./map";
import { territoryPortrait } from "./portrait";
import { loadCoverageSettings, saveCoverageSettings } from "./settings";

let database: Database;
let territory: Territory;
let coordinator: Principal;
let partner: Principal;
const system = { kind: "system", label: "test" } as const;
const csv = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  database = await openTestDatabase();
  // Three real communes of Charente: Abzac 16001, Angoulême 16015, Cognac 16102.
  territory = await createTestTerritory(database.db, { kind: "custom", communes: "16001, 16015, 16102", slug: "trio-portrait", name: "Trio" });
  const c = await createUser(database.db);
  await addMember(database.db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(database.db, c.id);
  const p = await createUser(database.db);
  await addMember(database.db, territory.id, p.id, "partner");
  partner = await principalOf(database.db, p.id);
  // One place in Angoulême, at Angoulême's representative point (lon 0.15194, lat 45.64572).
  const place = { id: "p-angouleme", pivot: "00000000000000", nom: "Médiathèque", commune: "Angoulême", code_postal: "16000", code_insee: "16015", adresse: "1 rue", latitude: 45.64572, longitude: 0.15194, date_maj: "2026-01-15", services: "Aide aux démarches administratives" };
  await importPlaces(database.db, system, { bytes: csv(JSON.stringify([place])), filename: "p.json", source: "test-portrait", dryRun: false });
});

afterAll(async () => {
  await database?.close();
});

describe("numbers and headers as people type them", () => {
  it("reads French decimals, thousands separators and percentages; refuses words", () => {
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber("1 234")).toBe(1234);
    expect(parseNumber("45 %")).toBe(45);
    expect(parseNumber("-3.25")).toBe(-3.25);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("douze")).toBe("invalid");
    expect(parseNumber("1,2,3")).toBe("invalid");
  });
  it("takes the unit from the header's parentheses", () => {
    expect(parseHeader("Taux de chômage (%)")).toEqual({ key: "taux-de-chomage", label: "Taux de chômage", unit: "%" });
    expect(parseHeader("Bénéficiaires RSA")).toEqual({ key: "beneficiaires-rsa", label: "Bénéficiaires RSA", unit: "" });
  });
});

describe("map classes", () => {
  it("makes one class per value when there are few values (yes/no white zones), and quantile classes otherwise", () => {
    const yesNo = classify([0, 1, 1, null], { decimals: 0, higherIsWorse: true, unit: "" });
    expect(yesNo.classes.map((c) => [c.min, c.max, c.communes])).toEqual([
      [0, 0, 1],
      [1, 1, 2],
    ]);
    expect(yesNo.classOf(null)).toBe(-1);
    // 10 values 1..10 in 5 quantile classes of two values each: cuts at the 2nd, 4th, 6th, 8th values = 3, 5, 7, 9.
    const ten = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { decimals: 0, higherIsWorse: false, unit: "km" });
    expect(ten.classes.map((c) => [c.min, c.max, c.communes])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    expect(ten.classes[0]?.label).toBe("de 1 à 2 km");
    expect(new Set(ten.classes.map((c) => c.color)).size).toBe(5);
  });
});

describe("settings of white zones", () => {
  it("defaults to 10 km and 6.5; only coordination changes them, with French messages for bad values", async () => {
    expect(await loadCoverageSettings(database.db, territory.id)).toEqual({ distanceKm: 10, ifnThreshold: 6.5 });
    await expectAppError(saveCoverageSettings(database.db, partner, territory, { distanceKm: "5" }), "forbidden");
    const bad = await expectAppError(saveCoverageSettings(database.db, coordinator, territory, { distanceKm: "0", ifnThreshold: "douze" }), "validation");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["distanceKm", "ifnThreshold"]);
    await saveCoverageSettings(database.db, coordinator, territory, { distanceKm: "7,5", ifnThreshold: "6" });
    expect(await loadCoverageSettings(database.db, territory.id)).toEqual({ distanceKm: 7.5, ifnThreshold: 6 });
    await saveCoverageSettings(database.db, coordinator, territory, { distanceKm: "10", ifnThreshold: "6,5" });
  });
});

describe("the territory's own indicators", () => {
  it("offers a template listing the territory's communes", async () => {
    const template = await indicatorTemplate(database.db, territory.id);
    expect(template.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean)).toEqual(["code_insee;nom;Mon indicateur (unité)", '16001;"Abzac";', '16015;"Angoulême";', '16102;"Cognac";']);
  });

  it("reports every bad line (unknown code, outside the territory, not a number, repeated commune) and imports the good ones", async () => {
    const file = csv(
      [
        "code_insee;nom;Taux de chômage (%);Bénéficiaires RSA",
        "16015;Angoulême;14,2;2 310", // line 2: good
        "16102;Cognac;11.8;", // line 3: good, no RSA value
        "99999;Nulle part;3;4", // line 4: unknown code
        "17300;La Rochelle;9;900", // line 5: real commune outside the territory
        "16001;Abzac;beaucoup;12", // line 6: not a number
        "16015;Angoulême bis;1;1", // line 7: repeated commune
      ].join("\n"),
    );
    const dry = await importIndicators(database.db, coordinator, territory, { bytes: file, filename: "indicateurs.csv", dryRun: true });
    expect(dry).toMatchObject({ rows: 6, accepted: 2, rejected: 4, dryRun: true });
    expect(dry.issues.map((i) => i.line)).toEqual([4, 5, 6, 7]);
    expect(dry.issues[2]).toMatchObject({ column: "Taux de chômage (%)", message: expect.stringContaining("n'est pas un nombre") });
    expect(await listCustomIndicators(database.db, territory.id)).toEqual([]);
    await expectAppError(importIndicators(database.db, partner, territory, { bytes: file, filename: "indicateurs.csv", dryRun: false }), "forbidden");

    const done = await importIndicators(database.db, coordinator, territory, { bytes: file, filename: "indicateurs.csv", dryRun: false });
    expect(done.indicators).toEqual([
      { key: "taux-de-chomage", label: "Taux de chômage", unit: "%", values: 2 },
      { key: "beneficiaires-rsa", label: "Bénéficiaires RSA", unit: "", values: 1 },
    ]);
    const saved = await listCustomIndicators(database.db, territory.id);
    expect(saved.find((i) => i.key === "taux-de-chomage")?.values).toEqual(new Map([["16015", 14.2], ["16102", 11.8]]));
    // The same file again changes nothing.
    await importIndicators(database.db, coordinator, territory, { bytes: file, filename: "indicateurs.csv", dryRun: false });
    expect((await listCustomIndicators(database.db, territory.id)).map((i) => [i.key, i.values.size])).toEqual([
      ["beneficiaires-rsa", 1],
      ["taux-de-chomage", 2],
    ]);
  });

  it("a file without the code column, or with no valid line, is refused with a clear message and writes nothing", async () => {
    const noCode = await importIndicators(database.db, coordinator, territory, { bytes: csv("commune;valeur\nAngoulême;3\n"), filename: "x.csv", dryRun: true });
    expect(noCode.issues[0]?.message).toMatch(/code_insee/);
    await expectAppError(importIndicators(database.db, coordinator, territory, { bytes: csv("code_insee;Autre\n99999;3\n"), filename: "x.csv", dryRun: false }), "validation");
    expect((await listCustomIndicators(database.db, territory.id)).map((i) => i.key)).not.toContain("autre");
  });

  it("reads an XLSX too", async () => {
    const bytes = await toXlsx("Feuille", ["code_insee", "Foyers sans ordinateur (%)"], [["16001", 31], ["16102", "27,5"]]);
    const report = await importIndicators(database.db, coordinator, territory, { bytes, filename: "foyers.xlsx", dryRun: false });
    expect(report.indicators).toEqual([{ key: "foyers-sans-ordinateur", label: "Foyers sans ordinateur", unit: "%", values: 2 }]);
  });
});

describe("the per-commune table", () => {
  it("has the CLI's columns, real IFN values, distances and the territory's own indicators", async () => {
    const portrait = await territoryPortrait(database.db, territory.id);
    const { header, rows } = portraitTable(portrait);
    expect(header.slice(0, 15)).toEqual(["code_insee", "nom", "population", "longitude", "latitude", "ifn_total", "ifn_no_thd", "ifn_no_4g", "ifn_poverty", "ifn_older_65", "ifn_no_diploma", "places", "places_per_10k", "nearest_place_km", "white_zone"]);
    expect(header).toContain("perso_taux_de_chomage");
    const byCode = new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const angouleme = byCode.get("16015");
    // Values from data/communes.json (IFN 6.52; population 41,908): the place is at its point → 0 km.
    expect(angouleme).toMatchObject({ nom: "Angoulême", population: 41908, ifn_total: 6.52, places: 1, nearest_place_km: 0, white_zone: "false", perso_taux_de_chomage: 14.2 });
    // 1 place for 41,908 inhabitants = 0.2386… per 10,000 → 0.24.
    expect(angouleme?.places_per_10k).toBe(0.24);
    // Abzac (IFN 7.43 > 6.5) is about 59 km from Angoulême's place: a white zone.
    expect(byCode.get("16001")).toMatchObject({ white_zone: "true", perso_taux_de_chomage: null });
    // Cognac (IFN 6.51 > 6.5, about 38 km away) too. Both white zones, ranked by population × IFN:
    // Cognac 18,532 × 6.51 = 120,643 before Abzac 518 × 7.43 = 3,849; Angoulême (not a white zone) last.
    expect(byCode.get("16102")).toMatchObject({ white_zone: "true" });
    expect(portrait.priorities.map((p) => p.commune.code)).toEqual(["16102", "16001", "16015"]);
    expect(portrait.priorities[1]?.explanation).toMatch(/^Aucun lieu à moins de 10\u00a0km \(le plus proche à \d+,\d\u00a0km\) et fragilité numérique élevée \(IFN 7,43 sur 10\) pour 518\u00a0habitants\.$/);
    expect(portrait.totals.whiteZones).toEqual({ communes: 2, population: 18532 + 518 });
  });

  it("deleting an indicator removes it from the table", async () => {
    const [first] = await listCustomIndicators(database.db, territory.id);
    await deleteIndicator(database.db, coordinator, territory, first?.id ?? "");
    expect((await listCustomIndicators(database.db, territory.id)).map((i) => i.id)).not.toContain(first?.id);
  });
});

it("an XLSX export can be read back", async () => {
  const portrait = await territoryPortrait(database.db, territory.id);
  const { header, rows } = portraitTable(portrait);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await toXlsx("Portrait", header, rows)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe("code_insee");
  expect(sheet?.rowCount).toBe(4);
  const populations = [2, 3, 4].map((r) => sheet?.getRow(r).getCell(3).value);
  expect(populations.every((p) => typeof p === "number")).toBe(true);
});

describe("the portrait is kept per version of its inputs", () => {
  it("is reused while nothing changes, and rebuilt when the places or the settings change", async () => {
    const first = await territoryPortrait(database.db, territory.id);
    // Nothing changed: the very same portrait, not a recomputed copy.
    expect(await territoryPortrait(database.db, territory.id)).toBe(first);
    const angouleme = (p: typeof first) => p.rows.find((r) => r.code === "16015")?.places;
    expect(angouleme(first)).toBe(1);

    // A second place in Angoulême: the places' version changes, the count follows at once.
    const place = { id: "p-angouleme-2", pivot: "00000000000000", nom: "Centre social", commune: "Angoulême", code_postal: "16000", code_insee: "16015", adresse: "2 rue", latitude: 45.646, longitude: 0.152, date_maj: "2026-01-15" };
    await importPlaces(database.db, system, { bytes: csv(JSON.stringify([place])), filename: "p2.json", source: "test-portrait-2", dryRun: false });
    const afterPlace = await territoryPortrait(database.db, territory.id);
    expect(afterPlace).not.toBe(first);
    expect(angouleme(afterPlace)).toBe(2);

    // New settings (white zone beyond 70 km): Abzac, about 59 km away, is no longer a white zone.
    await saveCoverageSettings(database.db, coordinator, territory, { distanceKm: "70", ifnThreshold: "6,5" });
    const afterSettings = await territoryPortrait(database.db, territory.id);
    expect(afterSettings.settings.distanceKm).toBe(70);
    expect(afterSettings.rows.find((r) => r.code === "16001")?.whiteZone).toBe(false);
    expect(await territoryPortrait(database.db, territory.id)).toBe(afterSettings);
  });
});
