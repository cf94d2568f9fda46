/**
 * The three producers' exports, mapped by the suggestions alone (no hand correction): field by field
 * against the mapping a careful person makes (real-files.testing.ts), then a sample of rows run through
 * the standard's validation and compared cell by cell with what the source says (read by hand).
 */
import { describe, expect, it } from "vitest";
import { validateFile } from "../standard/normalize";
import { applyMapping, standardJson } from "./apply";
import { handMappings, rawTable, score } from "./real-files.testing";
import type { ColumnMapping } from "./schema";
import { suggestMapping } from "./suggest";

async function suggestedRun(name: keyof typeof handMappings) {
  const table = await rawTable(name);
  const suggestions = suggestMapping(table);
  const mapping: ColumnMapping = { fields: Object.fromEntries(Object.entries(suggestions).map(([f, s]) => [f, s.column])) };
  const { records, issues } = applyMapping(table, mapping, { today: "2026-12-06" });
  const report = validateFile(standardJson(records));
  return { table, suggestions, report, mappingIssues: issues };
}


describe("automatic mapping of the raw exports against a careful person's", () => {
  it("Angers: 14 of 14 fields (services from one of its twelve tick columns, publics from PUBLIC_), nothing extra", async () => {
    const { suggestions } = await suggestedRun("angers.json");
    const s = score(suggestions, handMappings["angers.json"]);
    expect(s).toEqual({ fields: 14, right: 14, wrong: [], extra: [] });
    // The suggestion says why, with the share of values that fit the vocabulary.
    expect(suggestions.publics_specifiquement_adresses?.reason).toBe("nom de colonne courant pour ce champ ; 40 % des valeurs correspondent au vocabulaire du standard");
  });

  it("Gironde: 13 of 13 fields; the Oui/Non columns are not sent to an enumerated field", async () => {
    const { suggestions } = await suggestedRun("gironde.json");
    expect(score(suggestions, handMappings["gironde.json"])).toEqual({ fields: 13, right: 13, wrong: [], extra: [] });
    const used = Object.values(suggestions).map((s) => s.column);
    expect(used).not.toContain("Proposition de permanence");
    expect(used).not.toContain("Présence d'un médiateur");
  });

  it("La Creuse: 12 of 12 fields, nothing extra", async () => {
    const { suggestions } = await suggestedRun("la-creuse.json");
    expect(score(suggestions, handMappings["la-creuse.json"])).toEqual({ fields: 12, right: 12, wrong: [], extra: [] });
  });
});

describe("rows imported with the automatic mapping, cell by cell against the source", () => {
  it("Angers, rows 1 and 2 of the file (TYPO_UID 43 and 1)", async () => {
    const { report, mappingIssues } = await suggestedRun("angers.json");
    expect(report.records).toBe(63);
    expect(report.rejected).toBe(0);
    // Source row 1: no name of its own (USER_NOM repeats the address), 38 bis avenue Pasteur, 02 41 43 28 13.
    expect(report.results[0]?.record).toEqual({
      id: "43",
      nom: "38 bis, avenue Pasteur",
      commune: "Angers",
      code_postal: "49000",
      adresse: "38 bis, avenue Pasteur",
      latitude: 47.47280935,
      longitude: -0.53959184,
      telephone: "+33241432813",
      courriels: ["contact@quartney.fr"],
      site_web: ["https://quartney.fr/"],
      date_maj: "2022-09-26",
      // AIDE_DEMAT « Aide aux démarches dématérialisées »: translated by closeness in words.
      services: ["Aide aux démarches administratives"],
    });
    // Source row 2: « Aide Accueil », 3 rue de Crimée, hours 9h-12h et 14h-17h du lundi au vendredi.
    expect(report.results[1]?.record).toEqual({
      id: "1",
      nom: "Aide Accueil",
      commune: "Angers",
      code_postal: "49000",
      adresse: "3, rue de Crimée",
      latitude: 47.47312842,
      longitude: -0.55415912,
      telephone: "+33241253560",
      courriels: ["aideaccueil49@gmail.com"],
      site_web: ["http://aide-accueil.fr/"],
      horaires: "9h-12h et 14h-17h du lundi au vendredi",
      date_maj: "2022-09-26",
      services: ["Aide aux démarches administratives"],
    });
    // Its service « Aide aux démarches dématérialisées » is not the standard's word: it is translated by
    // closeness (two words of three in common) and named once for the whole file, for a person to check.
    // Its publics are close to no value: reported once for the whole file with their count, not silently
    // lost and not once per row.
    const summaries = mappingIssues.filter((i) => i.line === 0).map((i) => i.message);
    expect(summaries).toContain(
      "Une valeur du champ services est traduite par rapprochement de mots : « Aide aux démarches dématérialisées » → « Aide aux démarches administratives » (41\u00a0fois). Vérifiez-les dans l'aperçu ; une règle de traduction ou une exclusion les remplace.",
    );
    // The cell « Bénéficiaire du RSA, Usager de l'équipement » is a list: each term is counted.
    expect(summaries.some((m) => m.includes("« Bénéficiaire du RSA » (1\u00a0fois)") && m.includes("« Usager de l'équipement » (2\u00a0fois)"))).toBe(true);
  });

  it("Gironde, rows 1 and 2: postcode and street cut out of « Adresse postale », latitude from « Coord. X », French dates", async () => {
    const { report } = await suggestedRun("gironde.json");
    expect(report.records).toBe(347);
    const [first, second] = [report.results[0]?.record, report.results[1]?.record];
    expect(first).toMatchObject({
      nom: "Abracodabra",
      commune: "Bordeaux",
      code_postal: "33000",
      adresse: "8 rue de la Boétie",
      latitude: 44.839574881764,
      longitude: -0.58023800736287,
      typologie: ["Autre"],
      telephone: "+33557657539",
      courriels: ["contact@abracodabra.fr"],
      date_maj: "2021-12-07",
    });
    expect(first?.presentation_detail?.startsWith("Abracodabra propose des ateliers de création numérique")).toBe(true);
    expect(second).toMatchObject({
      nom: "ACIFOP",
      commune: "Libourne",
      code_postal: "33500",
      adresse: "7 Bis rue Max Linder",
      latitude: 44.93815,
      longitude: -0.235791,
      typologie: ["Association"],
      telephone: "+33557254040",
      courriels: ["accueil@formation-lac.com"],
      site_web: ["http://www.acifop.com/"],
      date_maj: "2019-11-18",
    });
    // No id column: computed, stable.
    expect(first?.id).toMatch(/^lieu-[0-9a-f]{16}$/);
  });

  it("La Creuse, rows 1 and 2: v0.1 services and support translated to v1", async () => {
    const { report } = await suggestedRun("la-creuse.json");
    expect(report.records).toBe(91);
    expect(report.results[0]?.record).toEqual({
      id: "1",
      nom: "Chéniers - Leila Boubekeur",
      // The producer's « Dun Le Palestel », written as the official name, with its INSEE code.
      commune: "Dun-le-Palestel",
      code_insee: "23075",
      code_postal: "23800",
      adresse: "9 Place de la Poste",
      latitude: 46.351667,
      longitude: 1.827164,
      telephone: "+33763960377",
      presentation_detail:
        "Ateliers le vendredi toute la journée, par Leïla Boubekeur, à La Maison Multi-services.   Numéro de téléphone : 07 63 96 03 77 Adresse :  9 Place de la Poste 23800 Dun Le Palestel.",
      date_maj: "2026-12-06",
      services: ["Maîtrise des outils numériques du quotidien"],
      modalites_accompagnement: ["Dans un atelier collectif"],
    });
    expect(report.results[1]?.record).toMatchObject({
      id: "2",
      nom: "Dun Le Palestel - La Palette",
      commune: "Dun-le-Palestel",
      adresse: "le Panel des Possibles 9 place de la Poste",
      horaires: "Mercredi de 14h à 15H30",
      telephone: "+33587660000",
    });
  });
});
