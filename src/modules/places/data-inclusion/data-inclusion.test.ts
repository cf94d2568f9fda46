import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateFile } from "../standard/normalize";
import type { NormalizedPlace } from "../standard/schema";
import { dataInclusionExport, dataInclusionJson } from "./export";
import { fromDataInclusion } from "./import";
import { schemaErrors, serviceSchema, structureSchema } from "./schema-json.testing";

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

const mediatheque = {
  source: "dora",
  id: "s1",
  nom: "Médiathèque de Cognac",
  siret: "21160102700016",
  commune: "Cognac",
  code_postal: "16100",
  code_insee: "16102",
  adresse: "10 Rue du Minage",
  complement_adresse: null,
  latitude: 45.695,
  longitude: -0.329,
  telephone: "0545361000",
  courriel: "mediatheque@ville-cognac.fr",
  site_web: "https://www.ville-cognac.fr",
  description: "Ateliers numériques et aide aux démarches en ligne.",
  horaires_accueil: "Tu-Sa 10:00-18:00",
  accessibilite_lieu: null,
  reseaux_porteurs: ["conseillers-numeriques", "communes"],
  lien_source: "https://dora.inclusion.beta.gouv.fr/structures/s1",
  date_maj: "2024-05-02",
};
const noAddress = { source: "dora", id: "s2", nom: "Association sans adresse", date_maj: "2024-01-01", reseaux_porteurs: null, siret: null };
const services = [
  {
    source: "dora",
    id: "sv1",
    structure_id: "s1",
    nom: "Ateliers numériques",
    description: "Ateliers collectifs pour débuter.",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique", "famille--garde-denfants"],
    publics: ["seniors", "tous-publics", "personnes-exilees"],
    frais: "gratuit",
    modes_accueil: ["en-presentiel"],
    modes_mobilisation: ["se-presenter", "telephoner"],
    type: "atelier",
    date_maj: "2024-05-02",
  },
  {
    source: "dora",
    id: "sv2",
    structure_id: "s1",
    nom: "Aide aux démarches en ligne",
    description: "Un conseiller vous aide à distance.",
    thematiques: ["numerique--acceder-a-des-services-en-ligne"],
    modes_accueil: ["a-distance"],
    type: "accompagnement",
    lien_mobilisation: "https://rdv.example.fr/mediatheque",
    date_maj: "2024-05-02",
  },
  { source: "dora", id: "sv3", structure_id: "inconnue", nom: "Service orphelin", description: "Sans structure.", thematiques: [], date_maj: "2024-05-02" },
];

describe("data·inclusion import: structures and their services as places of the standard", () => {
  it("reads a structure with its services, field by field, and reports once each value with no counterpart", () => {
    const converted = fromDataInclusion(bytes({ structures: [mediatheque, noAddress], services }));
    expect(converted).toBeDefined();
    const report = validateFile(bytes(converted?.records ?? []));
    expect([report.records, report.rejected]).toEqual([2, 1]);
    const place = report.results[0]?.record;
    expect(place).toMatchObject({
      id: "s1",
      pivot: "21160102700016",
      nom: "Médiathèque de Cognac",
      commune: "Cognac",
      code_postal: "16100",
      code_insee: "16102",
      adresse: "10 Rue du Minage",
      latitude: 45.695,
      longitude: -0.329,
      telephone: "+33545361000",
      courriels: ["mediatheque@ville-cognac.fr"],
      site_web: ["https://www.ville-cognac.fr"],
      horaires: "Tu-Sa 10:00-18:00",
      presentation_detail: "Ateliers numériques et aide aux démarches en ligne.",
      source: "dora",
      date_maj: "2024-05-02",
      dispositif_programmes_nationaux: ["Conseillers numériques"],
      publics_specifiquement_adresses: ["Seniors"],
      frais_a_charge: ["Gratuit"],
      prise_rdv: "https://rdv.example.fr/mediatheque",
    });
    expect([...(place?.services ?? [])].sort()).toEqual(["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"]);
    expect([...(place?.modalites_acces ?? [])].sort()).toEqual(["Se présenter", "Téléphoner"]);
    expect([...(place?.modalites_accompagnement ?? [])].sort()).toEqual(["Accompagnement individuel", "Dans un atelier collectif", "À distance"]);
    // Line 2 (the structure without an address) is refused by the standard's own check, with its line.
    expect(report.results[1]?.status).toBe("rejected");
    expect(report.issues.some((i) => i.line === 2 && i.field === "adresse" && i.level === "error")).toBe(true);
    // Nothing dropped silently: each value without a counterpart is named once with its count.
    expect(converted?.issues.map((i) => i.message)).toEqual([
      "data·inclusion : le réseau porteur « communes » n'a pas d'équivalent dans le standard de la médiation numérique ; ignoré (1 fois).",
      "data·inclusion : la thématique « famille--garde-denfants » n'a pas d'équivalent dans le standard de la médiation numérique ; ignoré (1 fois).",
      "data·inclusion : le public « personnes-exilees » n'a pas d'équivalent dans le standard de la médiation numérique ; ignoré (1 fois).",
      "data·inclusion : 1 service sans structure dans le fichier (structure_id inconnu) : ignoré.",
    ]);
  });

  it("a bare array of structures is recognised; a standard file or a CSV is left to the standard's reading", () => {
    expect(fromDataInclusion(bytes([mediatheque]))?.structures).toBe(1);
    expect(fromDataInclusion(bytes([{ id: "x", nom: "Lieu", pivot: "00000000000000", adresse: "1 rue X" }]))).toBeUndefined();
    expect(fromDataInclusion(new TextEncoder().encode("id,nom\n1,Lieu\n"))).toBeUndefined();
  });

  it("a file of services alone is refused with a message that says what to send", () => {
    const converted = fromDataInclusion(bytes(services));
    expect(converted?.issues).toHaveLength(1);
    expect(converted?.issues[0]?.level).toBe("error");
    expect(converted?.issues[0]?.message).toContain("services data·inclusion sans leurs structures");
  });
});

const fullPlace: NormalizedPlace = {
  id: "lieu-1",
  pivot: "21160102700016",
  nom: "Médiathèque de Cognac",
  commune: "Cognac",
  code_postal: "16100",
  code_insee: "16102",
  adresse: "10 Rue du Minage",
  latitude: 45.695,
  longitude: -0.329,
  telephone: "+33545361000",
  courriels: ["mediatheque@ville-cognac.fr"],
  site_web: ["https://www.ville-cognac.fr"],
  horaires: "Tu-Sa 10:00-18:00",
  presentation_detail: "Ateliers numériques et aide aux démarches en ligne.",
  source: "charente",
  date_maj: "2024-05-02",
  services: ["Maîtrise des outils numériques du quotidien", "Accès internet et matériel informatique"],
  publics_specifiquement_adresses: ["Seniors", "Jeunes"],
  frais_a_charge: ["Gratuit"],
  dispositif_programmes_nationaux: ["Conseillers numériques", "France Services"],
  modalites_acces: ["Se présenter", "Téléphoner"],
  modalites_accompagnement: ["Dans un atelier collectif"],
};

describe("data·inclusion export", () => {
  it("writes structures and services valid against the data·inclusion v1 JSON Schemas, even from awkward places", () => {
    const awkward: NormalizedPlace = { id: "2", pivot: "W163000123", nom: "EPN", commune: "Jarnac", code_postal: "16200", adresse: "Le Bourg", date_maj: "2023-01-01", frais_a_charge: ["Gratuit sous condition", "Payant"], modalites_accompagnement: ["À distance"], prise_rdv: "https://rdv.example.fr/epn" };
    const out = dataInclusionExport([fullPlace, awkward, { ...awkward, id: "3", nom: "Lieu sans offre déclarée", frais_a_charge: undefined, modalites_accompagnement: undefined, prise_rdv: undefined }]);
    expect(out.structures).toHaveLength(3);
    // The third place says nothing of what it offers: no service is made up for it.
    expect(out.services).toHaveLength(2);
    for (const s of out.structures) expect(schemaErrors(structureSchema, s)).toEqual([]);
    for (const s of out.services) expect(schemaErrors(serviceSchema, s)).toEqual([]);
    // A RNA is no SIRET; a 3-letter name is long enough.
    expect(out.structures[1]).toMatchObject({ id: "2", siret: null, nom: "EPN" });
    expect(out.services[1]).toMatchObject({ frais: "payant", frais_precisions: "Gratuit sous condition", modes_accueil: ["a-distance"], modes_mobilisation: ["utiliser-lien-mobilisation"] });
    expect(out.structures[0]).toMatchObject({ source: "charente", reseaux_porteurs: ["conseillers-numeriques", "france-service"], siret: "21160102700016", courriel: "mediatheque@ville-cognac.fr" });
    expect(out.services[0]).toMatchObject({
      structure_id: "lieu-1",
      type: "atelier",
      thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-une-connexion-internet"],
      publics: ["seniors", "jeunes"],
      frais: "gratuit",
      modes_accueil: ["en-presentiel"],
      modes_mobilisation: ["se-presenter", "telephoner"],
    });
  });

  it("the checker of the schema does fail: a wrong value is caught", () => {
    expect(schemaErrors(structureSchema, { source: "x", id: "1", nom: "AB", date_maj: "2024-13-45", siret: "123", reseaux_porteurs: ["inconnu"] })).toEqual([
      "nom: trop court",
      "date_maj: format date",
      "siret: trop court",
      "siret: motif ^\\d{14}$",
      "reseaux_porteurs[0]: « inconnu » hors de l'énumération",
    ]);
  });

  it("export then import gives back the same place (for what data·inclusion carries)", () => {
    const back = validateFile(bytes(fromDataInclusion(new TextEncoder().encode(dataInclusionJson([fullPlace])))?.records ?? []));
    const place = back.results[0]?.record;
    expect(place).toBeDefined();
    const sorted = (p: NormalizedPlace | undefined) =>
      Object.fromEntries(Object.entries(p ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]));
    expect(sorted(place)).toEqual(sorted(fullPlace));
  });

  it("every place of the real datasets exports valid against the schemas", () => {
    const dir = "../shared/data/standard-mediation-numerique/datasets";
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("fake"));
    expect(files.length).toBeGreaterThan(0);
    let count = 0;
    for (const f of files) {
      const report = validateFile(new Uint8Array(fs.readFileSync(path.join(dir, f))), f);
      const placesOfFile = report.results.flatMap((r) => (r.record ? [r.record] : []));
      const out = dataInclusionExport(placesOfFile);
      expect(out.structures).toHaveLength(placesOfFile.length);
      const errors = [...out.structures.map((s) => schemaErrors(structureSchema, s)), ...out.services.map((s) => schemaErrors(serviceSchema, s))].flat();
      expect({ file: f, errors }).toEqual({ file: f, errors: [] });
      count += placesOfFile.length;
    }
    expect(count).toBeGreaterThan(500);
  });
});

describe("data·inclusion structures as actors: typology → legal type and worlds (table written by hand)", () => {
  const withTypology = (id: string, typologie: string | null, extra: Record<string, unknown> = {}) => ({ ...noAddress, id, nom: `Structure ${id}`, typologie, ...extra });
  it("reads each structure's public record, its legal type and worlds from its typology, networks and services", () => {
    const converted = fromDataInclusion(
      bytes({
        structures: [
          withTypology("ccas", "CCAS"),
          withTypology("ml", "ML", { reseaux_porteurs: ["france-service"] }),
          withTypology("muni", "MUNI", { siret: "21160015000018", rna: "W161000123", courriel: "a@b.fr", telephone: "0545000000", site_web: "www.x.fr", description: "Mairie." }),
          withTypology("none", null),
          withTypology("odd", "INCONNUE"),
        ],
        services: [{ source: "dora", id: "v", structure_id: "none", nom: "Internet", thematiques: ["numerique--acceder-a-une-connexion-internet"], date_maj: "2024-05-02" }],
      }),
    );
    expect(converted?.actors.map((a) => [a?.sourceId, a?.legalType, a?.worlds])).toEqual([
      ["ccas", "collectivite", ["social"]],
      ["ml", "association", ["emploi_insertion", "education_jeunesse", "administration"]],
      ["muni", "collectivite", ["administration"]],
      ["none", undefined, ["numerique"]],
      ["odd", undefined, []],
    ]);
    expect(converted?.actors[2]).toEqual({
      source: "dora",
      sourceId: "muni",
      name: "Structure muni",
      siret: "21160015000018",
      rna: "W161000123",
      legalType: "collectivite",
      worlds: ["administration"],
      publicEmail: "a@b.fr",
      publicPhone: "0545000000",
      website: "www.x.fr",
      description: "Mairie.",
    });
    expect(converted?.issues.map((i) => i.message)).toEqual(["data·inclusion : la typologie de structure « INCONNUE » n'a pas d'équivalent dans la forme juridique des acteurs ; ignoré (1 fois)."]);
  });
});
