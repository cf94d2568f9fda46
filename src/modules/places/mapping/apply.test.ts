import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { validateFile } from "../standard/normalize";
import { applyMapping, communeOf, generatedId, postcodeOf, remapReport, standardJson, streetOf } from "./apply";
import { readProducerFile, type ProducerTable } from "./read";
import type { ColumnMapping } from "./schema";
import { suggestMapping } from "./suggest";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";
const TODAY = "2026-11-20";

async function rawTable(name: string): Promise<ProducerTable> {
  const result = await readProducerFile(new Uint8Array(fs.readFileSync(`${RAW}/${name}`)), name);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

async function csvTable(csv: string): Promise<ProducerTable> {
  const result = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

const suggested = (t: ProducerTable): ColumnMapping => ({ fields: Object.fromEntries(Object.entries(suggestMapping(t)).map(([f, s]) => [f, s.column])) });

/** The mapped file validated by the standard's own validateFile, with the producer's line numbers. */
function validate(t: ProducerTable, mapping: ColumnMapping) {
  const { records, lines } = applyMapping(t, mapping, { today: TODAY });
  return remapReport(validateFile(standardJson(records), "x.json"), lines);
}

describe("the raw exports, mapped with the suggestions and validated by the standard", () => {
  it("Angers: every place accepted; « Aide Accueil » (2nd object) as the file says", async () => {
    const report = validate(await rawTable("angers.json"), suggested(await rawTable("angers.json")));
    expect(report.records).toBe(63);
    expect(report.rejected).toBe(0);
    const aide = report.results[1]?.record;
    expect(aide).toMatchObject({
      id: "1",
      nom: "Aide Accueil",
      adresse: "3, rue de Crimée",
      code_postal: "49000",
      commune: "Angers",
      latitude: 47.47312842,
      longitude: -0.55415912,
      courriels: ["aideaccueil49@gmail.com"],
      site_web: ["http://aide-accueil.fr/"],
      telephone: "+33241253560",
      // « 2022-09-26 16:54:46 » in the file: the date of the timestamp.
      date_maj: "2022-09-26",
    });
    // No SIRET in the file: the standard's placeholder, dropped, and said once for the whole file (not 63 times).
    expect(aide?.pivot).toBeUndefined();
    expect(report.issues.filter((i) => i.field === "pivot")).toEqual([
      {
        line: 0,
        id: "",
        field: "pivot",
        level: "warning",
        message:
          "Aucun des 63 lieux n'a de SIRET ni de numéro RNA : le pivot « 00000000000000 » est une valeur de remplacement, il est laissé vide. Renseignez le SIRET (14 chiffres) ou le numéro RNA, dans le fichier ou comme valeur fixe de la correspondance.",
      },
    ]);
  });

  it("Gironde: the postcode and street are read from « Adresse postale », the coordinates from the swapped columns", async () => {
    const t = await rawTable("gironde.json");
    const report = validate(t, suggested(t));
    expect(report.records).toBe(347);
    const abracodabra = report.results[0]?.record;
    expect(abracodabra).toMatchObject({
      nom: "Abracodabra",
      adresse: "8 rue de la Boétie",
      code_postal: "33000",
      commune: "Bordeaux",
      latitude: 44.839574881764,
      longitude: -0.58023800736287,
      courriels: ["contact@abracodabra.fr"],
      telephone: "+33557657539",
      date_maj: "2021-12-07",
    });
    expect(abracodabra?.id).toMatch(/^lieu-[0-9a-f]{16}$/);
    // 5th object: « Adresse postale » is « Rue Robert Schuman », no postcode at all; its commune, Bègles,
    // has one postcode: derived, and said on its own line.
    expect(t.rows[4]?.["Adresse postale"]).toBe("Rue Robert Schuman");
    expect(report.results[4]).toMatchObject({ status: "warned", record: { commune: "Bègles", code_postal: "33130" } });
    expect(report.issues.find((i) => i.line === 5 && i.field === "code_postal")?.message).toBe("Le code postal « Rue Robert Schuman » n'est pas lisible : celui de la commune Bègles (33039) a été retenu, « 33130 ».");
  });

  it("La Creuse: the two objects without an address (35th and 61st) are refused, the others accepted", async () => {
    const t = await rawTable("la-creuse.json");
    const report = validate(t, suggested(t));
    expect(report.records).toBe(91);
    expect(report.rejected).toBe(2);
    expect(report.issues.filter((i) => i.level === "error").map((i) => [i.line, i.field])).toEqual([
      [35, "adresse"],
      [61, "adresse"],
    ]);
    expect(report.results[1]?.record).toMatchObject({
      id: "2",
      nom: "Dun Le Palestel - La Palette",
      adresse: "le Panel des Possibles 9 place de la Poste",
      code_postal: "23800",
      commune: "Dun-le-Palestel", // « Dun le Palestel » in the file: the official spelling
      latitude: 46.305347,
      longitude: 1.663651,
      telephone: "+33587660000",
      date_maj: TODAY,
      // v0.1 vocabulary of the producer, translated by the standard library.
      services: ["Maîtrise des outils numériques du quotidien"],
    });
  });
});

describe("applying a mapping", () => {
  it("fixed values fill empty cells and unmapped fields, never the identifier", async () => {
    const t = await csvTable("Nom;Adresse;CP;Ville;Source\nA;1 rue X;16000;Angoulême;\nB;2 rue Y;16100;;Réseau local\n");
    const { records } = applyMapping(
      t,
      { fields: { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville", source: "Source" }, constants: { commune: "Cognac", source: "Département", id: "même-id", pivot: "21160015200014" } },
      { today: TODAY },
    );
    expect(records.map((r) => [r.commune, r.source, r.pivot])).toEqual([
      ["Angoulême", "Département", "21160015200014"],
      ["Cognac", "Réseau local", "21160015200014"],
    ]);
    expect(records[0]?.id).not.toBe("même-id");
    expect(records[0]?.id).not.toBe(records[1]?.id);
  });

  it("computed identifiers are stable, and a repeated place gets « -2 »", async () => {
    const csv = "Nom;Adresse;CP;Ville\nA;1 rue X;16000;Angoulême\nB;2 rue Y;16100;Cognac\nA;1 rue X;16000;Angoulême\n";
    const mapping = { fields: { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville" } };
    const first = applyMapping(await csvTable(csv), mapping, { today: TODAY }).records.map((r) => r.id);
    const again = applyMapping(await csvTable(csv), mapping, { today: "2030-01-01" }).records.map((r) => r.id);
    expect(again).toEqual(first);
    expect(first[2]).toBe(`${first[0]}-2`);
    // Case, accents and punctuation do not change the identity of a place.
    expect(generatedId({ nom: "Médiathèque", adresse: "1, rue X", code_postal: "16000", commune: "Angoulême" })).toBe(
      generatedId({ nom: "MEDIATHEQUE", adresse: "1 rue x", code_postal: "16000", commune: "angouleme" }),
    );
  });

  it("completes the pivot and the date, and reads lists separated by « / »", async () => {
    const t = await csvTable("Nom;Adresse;CP;Ville;Services;MAJ\nA;1 rue X;16000;Angoulême;Aide aux démarches administratives / Accès internet et matériel informatique;\n");
    const { records } = applyMapping(t, { fields: { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville", services: "Services", date_maj: "MAJ" } }, { today: TODAY });
    expect(records[0]).toMatchObject({ pivot: "00000000000000", date_maj: TODAY, services: "Aide aux démarches administratives|Accès internet et matériel informatique" });
  });

  it("report lines are the producer's CSV lines, even after a cell on two lines", async () => {
    const t = await csvTable('id;Nom;Adresse;CP;Ville\n1;"Centre\nsocial";1 rue X;16000;Angoulême\n1;B;2 rue Y;16100;Cognac\n2;C;;16100;Cognac\n');
    expect(t.lines).toEqual([2, 4, 5]);
    const report = validate(t, { fields: { id: "id", nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville" } });
    const errors = report.issues.filter((i) => i.level === "error");
    expect(errors.map((i) => [i.line, i.field])).toEqual([
      [4, "id"],
      [5, "adresse"],
    ]);
    // The duplicate-identifier message names the first line in the producer's file too.
    expect(errors[0]?.message).toContain("par le lieu de la ligne 2");
  });
});

describe("reading a postcode, a street and a commune out of one text", () => {
  it.each([
    ["8 rue de la Boétie - 33000 Bordeaux", "33000", "8 rue de la Boétie", "Bordeaux"],
    ["7 Bis rue Max Linder - 33500 LIBOURNE", "33500", "7 Bis rue Max Linder", "LIBOURNE"],
    ["12 rue du Maréchal Joffre 33130 Bègles", "33130", "12 rue du Maréchal Joffre", "Bègles"],
    ["1 place X, 16000, Angoulême", "16000", "1 place X", "Angoulême"],
    ["16000 Angoulême", "16000", "16000 Angoulême", "Angoulême"],
    ["Rue Robert Schuman", "Rue Robert Schuman", "Rue Robert Schuman", "Rue Robert Schuman"],
    ["1000", "1000", "1000", "1000"],
  ])("« %s »", (text, postcode, street, commune) => {
    expect(postcodeOf(text)).toBe(postcode);
    expect(streetOf(text)).toBe(street);
    expect(communeOf(text)).toBe(commune);
  });
});
