/**
 * The normalisers on the three raw producers' exports (../shared/…/raw-sources-mednum-cli), mapped
 * with the automatic suggestions and validated by the standard, and on small files written by hand
 * for the cases those three do not contain (GIS dates, Lambert-93, Excel serials).
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateFile } from "../../standard/normalize";
import { applyMapping, remapReport, standardJson } from "../apply";
import { readProducerFile, type ProducerTable } from "../read";
import type { ColumnMapping } from "../schema";
import { suggestMapping } from "../suggest";
import { communeIndex } from "./communes";
import { mappedProjection } from "./coordinates";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";
const TODAY = "2026-11-20";
type Raw = Record<string, unknown>;
const rawRows = (name: string) => JSON.parse(fs.readFileSync(`${RAW}/${name}`, "utf8")) as Raw[];

async function table(bytes: Uint8Array, name: string): Promise<ProducerTable> {
  const result = await readProducerFile(bytes, name);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}
const rawTable = (name: string) => table(new Uint8Array(fs.readFileSync(`${RAW}/${name}`)), name);
const csvTable = (csv: string) => table(new TextEncoder().encode(csv), "lieux.csv");
const suggested = (t: ProducerTable): ColumnMapping => ({ fields: Object.fromEntries(Object.entries(suggestMapping(t)).map(([f, s]) => [f, s.column])) });
function validate(t: ProducerTable, mapping: ColumnMapping) {
  const { records, lines } = applyMapping(t, mapping, { today: TODAY });
  return remapReport(validateFile(standardJson(records), "x.json"), lines);
}

describe("raw exports", () => {
  it("Angers: « 2022-09-26 19:00:45 » timestamps become their day, for every place", async () => {
    const t = await rawTable("angers.json");
    const report = validate(t, suggested(t));
    const raw = rawRows("angers.json");
    expect(report.rejected).toBe(0);
    report.results.forEach((r, i) => expect(r.record?.date_maj).toBe(String(raw[i]?.DATE_MAJ).slice(0, 10)));
    // The two numbers in the web column (63122, 58928) are refused, one warning each, the place kept.
    const refused = report.issues.filter((i) => i.field === "site_web");
    expect(refused.map((i) => i.message)).toEqual([
      "L'adresse web « 63122 » n'est pas valide (un nom de domaine comme exemple.fr est attendu) : elle est ignorée.",
      "L'adresse web « 58928 » n'est pas valide (un nom de domaine comme exemple.fr est attendu) : elle est ignorée.",
    ]);
  });

  it("Gironde: bare domains kept as https, e-mails and « @ » in the web column refused, swapped degrees detected", async () => {
    const t = await rawTable("gironde.json");
    const report = validate(t, suggested(t));
    const abracodabra = report.results[0]?.record;
    expect(abracodabra?.site_web).toEqual(["https://abracodabra.fr"]);
    const raw = rawRows("gironde.json");
    const bare = raw.map((r, i) => [i, String(r["Site internet"] ?? "")] as const).filter(([, s]) => s !== "" && !/^https?:/i.test(s) && !s.includes("@") && !/\s/.test(s.trim()));
    expect(bare).toHaveLength(97);
    for (const [i, site] of bare) {
      const kept = report.results[i]?.record?.site_web;
      if (report.results[i]?.record) expect(kept?.[0]).toBe(`https://${site}`);
    }
    expect(report.issues.some((i) => i.message === "L'adresse web « assofamilialetalence@free.fr » ressemble à une adresse électronique, pas à une adresse web : elle est ignorée.")).toBe(true);
    // « Coord. X » holds latitudes, « Coord. Y » longitudes: mapped the way the names say, the swap is detected.
    expect(mappedProjection(t.rows, { longitude: "Coord. X", latitude: "Coord. Y" })?.code).toBe("4326-inverse");
    const { records } = applyMapping(t, { fields: { ...suggested(t).fields, longitude: "Coord. X", latitude: "Coord. Y" } }, { today: TODAY });
    expect([records[0]?.latitude, records[0]?.longitude]).toEqual(["44.839575", "-0.580238"]);
  });

  it("La Creuse: communes stored with their official spelling", async () => {
    const t = await rawTable("la-creuse.json");
    const report = validate(t, suggested(t));
    const official = new Set([...communeIndex().byCode.values()].map((c) => c.name));
    const names = report.results.flatMap((r) => (r.record ? [r.record.commune] : []));
    expect(names.length).toBe(89);
    // « Châtain » (23700) is no commune of the Creuse: Arfeuille-Châtain is the only one whose name ends so.
    expect(names.filter((n) => !official.has(n))).toEqual([]);
    expect(names).toContain("Arfeuille-Châtain");
    expect(names).toContain("Saint-Vaury"); // « Saint-Vaury  Numéro de téléphone »
    expect(names).toContain("Pontarion"); // « 0 Pontarion »
    expect(names).toContain("Dun-le-Palestel");
    expect(names).toContain("Chambon-sur-Voueize"); // « Chambon sur Voueize » in the file
  });
});

describe("hand-written producer files", () => {
  it("GIS dates « YYYY/MM/DD hh:mm:ss.sss » are read (one file lost 426 rows of 426)", async () => {
    const t = await csvTable("nom;adresse;cp;ville;maj\nA;1 rue X;16000;Angoulême;2020/06/30 14:12:05.000\nB;2 rue Y;16000;Angoulême;44197\n");
    const report = validate(t, { fields: { nom: "nom", adresse: "adresse", code_postal: "cp", commune: "ville", date_maj: "maj" } });
    expect(report.rejected).toBe(0);
    expect(report.results.map((r) => r.record?.date_maj)).toEqual(["2020-06-30", "2021-01-01"]);
  });

  it("Lambert-93 x/y columns are converted to WGS84", async () => {
    // (700 000, 6 600 000) is 3° E, 46.5° N by Lambert-93's definition.
    const t = await csvTable("nom;adresse;cp;ville;x;y\nA;1 rue X;16000;Angoulême;700000;6600000\nB;2 rue Y;16000;Angoulême;700000;6600000\n");
    const { records } = applyMapping(t, { fields: { nom: "nom", adresse: "adresse", code_postal: "cp", commune: "ville", longitude: "x", latitude: "y" } }, { today: TODAY });
    expect(records.map((r) => [r.longitude, r.latitude])).toEqual([["3", "46.5"], ["3", "46.5"]]);
  });

  it("a CEDEX postcode, a polluted commune and a geocoder's wrong INSEE code", async () => {
    const t = await csvTable(
      "nom;adresse;cp;ville;insee\nA;1 rue X;16017 CEDEX;Angoulême Cedex 9;\nB;2 rue Y;;Épernay, Marne, Grand Est, FRA;\nC;3 rue Z;97400;Saint-Denis;29019\n",
    );
    const report = validate(t, { fields: { nom: "nom", adresse: "adresse", code_postal: "cp", commune: "ville", code_insee: "insee" } });
    expect(report.results.map((r) => [r.status, r.record?.commune, r.record?.code_postal, r.record?.code_insee])).toEqual([
      ["warned", "Angoulême", "16000", "16015"],
      ["warned", "Épernay", "51200", "51230"],
      ["warned", "Saint-Denis", "97400", "97411"],
    ]);
    expect(report.issues.find((i) => i.line === 4)?.message).toBe(
      "Le code INSEE « 29019 » (Brest) ne correspond pas à l'adresse (Saint-Denis (97411), code postal 97400) : le code de l'adresse est gardé.",
    );
  });

  it("any cells: every row is kept or refused with a message on its line, nothing throws", async () => {
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "16000", "16017 CEDEX", "Angoulême", "2020/06/30", "545657539", "www.aucun", "700000", "44.8"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const esc = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const csv = `nom,adresse,cp,ville,tel,site\n${rows.map((r) => r.map(esc).join(",")).join("\n")}\n`;
        const t = await csvTable(csv);
        const report = validate(t, { fields: { nom: "nom", adresse: "adresse", code_postal: "cp", commune: "ville", telephone: "tel", site_web: "site" } });
        for (const r of report.results) {
          if (r.status === "rejected") expect(r.issues.some((i) => i.level === "error" && i.message.length > 0)).toBe(true);
          else expect(r.record).toBeDefined();
        }
      }),
      { seed: 11, numRuns: 150 },
    );
  });
});
