/**
 * Every real file of ../shared/data/standard-mediation-numerique. Expected values are written here
 * from reading the files (SOURCES.md gives the record counts), or counted from the raw JSON with
 * plain JSON.parse — never taken from the code under test.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { validateFile, type ValidationReport } from "./normalize";

const dir = "../shared/data/standard-mediation-numerique";
type Raw = Record<string, unknown>;
const raw = (file: string) => JSON.parse(fs.readFileSync(`${dir}/datasets/${file}`, "utf8")) as Raw[];
const validate = (path: string): ValidationReport => validateFile(fs.readFileSync(`${dir}/${path}`), path);
const recordOf = (report: ValidationReport, id: string) => report.results.find((r) => r.id === id)?.record;
const countWarnings = (report: ValidationReport, field: string, text: string) =>
  report.issues.filter((i) => i.field === field && i.message.includes(text)).length;

function expectNoError(report: ValidationReport) {
  expect(report.issues.filter((i) => i.level === "error")).toEqual([]);
  expect(report.rejected).toBe(0);
  expect(report.accepted + report.warned).toBe(report.records);
}

describe("datasets/ (real regional files, mixed v0.1/v1 fields)", () => {
  it("finds every dataset listed in SOURCES.md", () => {
    expect(fs.readdirSync(`${dir}/datasets`).sort()).toEqual([
      "20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json",
      "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
      "20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
      "20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json",
      "lieux-inclusion-numerique.fake.json",
    ]);
  });

  it("Charente: 188 places, v0.1 fields mapped (labels_nationaux, accessibilite, courriel)", () => {
    const file = "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";
    const report = validate(`datasets/${file}`);
    expect(report).toMatchObject({ format: "json", records: 188, version: "mixte" });
    expectNoError(report);
    // First record, as written in the file.
    const first = report.results[0];
    expect(first?.line).toBe(1);
    expect(first?.id).toBe("mediation-numerique-conseiller-numerique-63d29db4e6d6a806f256459a-mediation-numerique");
    expect(first?.record).toMatchObject({
      nom: "Médiathèque chateaubernard",
      commune: "Châteaubernard", // « CHÂTEAUBERNARD » in the file: the official spelling (16100 is shared with Cognac)
      code_postal: "16100",
      typologie: ["RFS"],
      // labels_nationaux "CNFS;France Services" (v0.1 name, v0.1 values, ";")
      dispositif_programmes_nationaux: ["Conseillers numériques", "France Services"],
      // accessibilite (v0.1) → fiche_acces_libre
      fiche_acces_libre: "https://acceslibre.beta.gouv.fr/app/16-chateaubernard/a/mairie/erp/mairie-chateaubernard/",
      services: ["Maîtrise des outils numériques du quotidien", "Compréhension du monde numérique"],
      date_maj: "2023-02-22",
    });
    expect(first?.record?.pivot).toBeUndefined(); // "00000000000000"
    // courriel (v0.1) → courriels, for every place that has one.
    const withEmail = raw(file).filter((r) => typeof r.courriel === "string");
    expect(withEmail).toHaveLength(53);
    for (const r of withEmail) expect(recordOf(report, String(r.id))?.courriels).toEqual([r.courriel]);
    // One summary line for the placeholder pivots (not one warning per place), and real pivots kept.
    const placeholders = raw(file).filter((r) => r.pivot === "00000000000000").length;
    expect(placeholders).toBe(67);
    const pivots = report.issues.filter((i) => i.field === "pivot");
    expect(pivots.map((i) => i.line)).toEqual([0]);
    expect(pivots[0]?.message.startsWith("67 lieux sur 188 ont le pivot de remplacement « 00000000000000 »")).toBe(true);
    expect(report.results.filter((r) => r.placeholderPivot)).toHaveLength(67);
    expect(report.results.filter((r) => r.record?.pivot !== undefined)).toHaveLength(188 - 67);
  });

  it("Hub du Sud (PACA): 646 places, CNFS → « Conseillers numériques », epoch dates flagged", () => {
    const file = "20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json";
    const report = validate(`datasets/${file}`);
    expect(report).toMatchObject({ records: 646, version: "mixte" });
    expectNoError(report);
    expect(report.results[0]?.record).toMatchObject({
      id: "dora-3d647b3a-a5b6-41f8-8374-ba37c1ff1746",
      nom: "Accueil individuel en accès libre",
      commune: "Martigues",
      code_insee: "13056",
      frais_a_charge: ["Gratuit"],
    });
    const cnfs = raw(file).filter((r) => String(r.labels_nationaux ?? "").split(/[;|]/).includes("CNFS")).length;
    expect(cnfs).toBe(353);
    expect(report.results.filter((r) => r.record?.dispositif_programmes_nationaux?.includes("Conseillers numériques"))).toHaveLength(cnfs);
    const epoch = raw(file).filter((r) => r.date_maj === "1970-01-01").length;
    expect(epoch).toBe(99);
    expect(countWarnings(report, "date_maj", "date zéro")).toBe(epoch);
    // Names with trailing spaces / no-break spaces in the file come out trimmed.
    expect(recordOf(report, "mediation-numerique-france-tiers-lieux-6018fc5869086482678b5127")?.nom).toBe("Coworking by ADEZIO");
    // 4 places have no coordinates at all in the file.
    expect(report.results.filter((r) => r.record?.latitude === undefined)).toHaveLength(4);
  });

  it("Bus France Services (Charente): 12 places in v0.1 vocabulary, translated", () => {
    const report = validate("datasets/20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json");
    expect(report).toMatchObject({ records: 12, version: "0.1" });
    expectNoError(report);
    // services "Accéder à du matériel;Accéder à une connexion internet;Favoriser mon insertion professionnelle;
    // Devenir autonome…;Réaliser des démarches…;Accompagner les démarches de santé", labels "CNFS;France Services;APTIC".
    expect(report.results[0]?.record).toMatchObject({
      id: "1",
      nom: "Bus France Services - [Face à la boulangerie]",
      services: ["Accès internet et matériel informatique", "Insertion professionnelle via le numérique", "Aide aux démarches administratives"],
      dispositif_programmes_nationaux: ["Conseillers numériques", "France Services"],
      autres_formations_labels: "ZRR|APTIC",
      date_maj: "1969-12-31",
    });
  });

  it("Nouvelle-Calédonie: 90 places, +687 phones kept, over-long résumés shortened", () => {
    const file = "20240320-nouvelle-caledonie-lieux-de-mediation-numeriques-nouvelle-caledonie.json";
    const report = validate(`datasets/${file}`);
    expect(report).toMatchObject({ records: 90 });
    expectNoError(report);
    expect(report.results[0]?.record).toMatchObject({ id: "0", nom: "Espace municipal de Rivière Salée", telephone: "+687445728", code_postal: "98800" });
    const long = raw(file).filter((r) => Array.from(String(r.presentation_resume ?? "")).length > 280);
    expect(long).toHaveLength(12);
    for (const r of long) {
      const place = recordOf(report, String(r.id));
      expect(Array.from(place?.presentation_resume ?? "").length).toBeLessThanOrEqual(280);
      expect(place?.presentation_detail).toBeDefined();
    }
  });

  it("the « fake » fixture: 7 places in v0.1, every v0.1 vocabulary exercised", () => {
    const report = validate("datasets/lieux-inclusion-numerique.fake.json");
    expect(report).toMatchObject({ records: 7, version: "0.1" });
    expectNoError(report);
    const withBan = raw("lieux-inclusion-numerique.fake.json").find((r) => typeof r.cle_ban === "string");
    expect(report.issues.filter((i) => i.field === "cle_ban").map((i) => i.id)).toEqual([withBan?.id]);
    // v0.1.0's comma-separated site_web becomes two URLs.
    const commas = raw("lieux-inclusion-numerique.fake.json").find((r) => String(r.site_web ?? "").includes(","));
    expect(recordOf(report, String(commas?.id))?.site_web).toEqual(["https://www.laquincaillerie.tl/", "https://m.facebook.com/laquincaillerienumerique/"]);
  });
});

describe("official examples", () => {
  it("exemple-valide.csv (v1.0.2) is accepted without any issue, every cell as written", () => {
    const report = validate("exemple-valide.csv");
    expect(report).toMatchObject({ format: "csv", delimiter: ",", records: 1, accepted: 1, issues: [], version: "1.0" });
    expect(report.results[0]?.record).toMatchObject({
      id: "structure-1",
      pivot: "43493312300029",
      nom: "Anonymal",
      latitude: 43.52609,
      typologie: ["TIERS_LIEUX", "ASSO"],
      telephone: "+33180059880",
      courriels: ["contact@laquincaillerie.tl", "responsable@laquincaillerie.tl"],
      itinerance: ["Itinérant"],
      formations_labels: ["Formé à « Mon Espace Santé »", "Arnia/MedNum BFC (Bourgogne-Franche-Comté)"],
      modalites_accompagnement: ["Dans un atelier collectif", "À distance", "En autonomie", "Accompagnement individuel"],
    });
  });

  it("the v1.0.0 and v1.0.1 examples are accepted as they are", () => {
    for (const v of ["v1.0.0", "v1.0.1"]) expect(validate(`versions/${v}/exemple-valide.csv`)).toMatchObject({ records: 1, accepted: 1, issues: [] });
  });

  it("the v0.1.0 and v0.1.1 examples are migrated, with warnings only for what v1 cannot say", () => {
    for (const v of ["v0.1.0", "v0.1.1"]) {
      const report = validate(`versions/${v}/exemple-valide.csv`);
      expect(report).toMatchObject({ records: 1, warned: 1, version: "0.1" });
      expectNoError(report);
      expect(report.results[0]?.record).toMatchObject({
        courriels: ["contact@laquincaillerie.tl"],
        site_web: ["https://www.laquincaillerie.tl/", "https://m.facebook.com/laquincaillerienumerique/"],
        services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
        prise_en_charge_specifique: ["Déficience visuelle"],
        frais_a_charge: ["Payant"],
        dispositif_programmes_nationaux: ["France Services", "Point d'accès numérique CAF"],
        autres_formations_labels: "SudLabs|Nièvre médiation numérique|APTIC|Pass numérique",
        modalites_accompagnement: ["En autonomie", "Accompagnement individuel"],
        fiche_acces_libre: "https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/",
      });
      expect(report.issues.map((i) => i.field).sort()).toEqual(["cle_ban", "conditions_acces", "labels_nationaux", "publics_accueillis"]);
    }
  });
});
