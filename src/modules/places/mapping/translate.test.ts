import { describe, expect, it } from "vitest";
import { applyMapping } from "./apply";
import { readProducerFile, type ProducerTable } from "./read";
import type { ColumnMapping } from "./schema";
import { compileTranslation, termsOf, translateTerm } from "./translate";

const TODAY = "2026-11-20";

async function csvTable(csv: string): Promise<ProducerTable> {
  const result = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

const base = { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville" };
const head = "Nom;Adresse;CP;Ville";
const place = (n: number) => `Lieu ${n};${n} rue Haute;23000;Guéret`;

describe("translating a producer's terms", () => {
  it("without rules: the standard's words (any case, accents) and the v0.1 table (CNFS → Conseillers numériques)", () => {
    const none = compileTranslation(undefined);
    expect(translateTerm("dispositif_programmes_nationaux", "CNFS", none)).toEqual({ values: ["Conseillers numériques"], source: "v0.1" });
    expect(translateTerm("dispositif_programmes_nationaux", "france services", none)).toEqual({ values: ["France Services"], source: "standard" });
    expect(translateTerm("services", "Prendre en main un ordinateur", none)).toEqual({ values: ["Maîtrise des outils numériques du quotidien"], source: "v0.1" });
    expect(translateTerm("frais_a_charge", "Payant", none)).toEqual({ values: ["Payant"], source: "standard" });
    expect(translateTerm("services", "Ateliers Canva", none)).toEqual({ values: [], source: "unknown" });
    // A plural apart: « Senior » is « Seniors ».
    expect(translateTerm("publics_specifiquement_adresses", "Senior", none)).toEqual({ values: ["Seniors"], source: "standard" });
  });

  it("rules (several terms → one value, one term → two values) and exclusions come before the vocabulary", () => {
    const c = compileTranslation({
      rules: [
        { terms: ["Démarches en ligne", "e-administration"], values: ["Aide aux démarches administratives"] },
        { terms: ["Tout"], values: ["Aide aux démarches administratives", "Compréhension du monde numérique"] },
      ],
      exclude: ["Autre", "Aide aux démarches administratives"],
    });
    expect(translateTerm("services", "E-Administration", c)).toEqual({ values: ["Aide aux démarches administratives"], source: "rule" });
    expect(translateTerm("services", "tout", c).values).toEqual(["Aide aux démarches administratives", "Compréhension du monde numérique"]);
    expect(translateTerm("services", "autre", c)).toEqual({ values: [], source: "excluded" });
    // An exclusion wins even over the standard's own word: the person said so.
    expect(translateTerm("services", "Aide aux démarches administratives", c).source).toBe("excluded");
  });

  it("in a file: cells split on producers' separators, extra columns merged, values in the standard's order, no duplicate", async () => {
    const table = await csvTable(
      [`${head};Labels;Services;Autres services`, `${place(1)};CNFS;Démarches en ligne / Autre;Accès internet et matériel informatique`, `${place(2)};France Services, CNFS;;Démarches en ligne`].join("\n"),
    );
    const mapping: ColumnMapping = {
      fields: { ...base, dispositif_programmes_nationaux: "Labels", services: "Services" },
      translations: { services: { columns: ["Autres services"], rules: [{ terms: ["Démarches en ligne"], values: ["Aide aux démarches administratives"] }], exclude: ["Autre"] } },
    };
    const applied = applyMapping(table, mapping, { today: TODAY });
    expect(applied.records.map((r) => [r.dispositif_programmes_nationaux, r.services])).toEqual([
      ["Conseillers numériques", "Aide aux démarches administratives|Accès internet et matériel informatique"],
      ["Conseillers numériques|France Services", "Aide aux démarches administratives"],
    ]);
    expect(applied.issues).toEqual([]);
  });

  it("an unknown term is not silently dropped: one summary line per field with each term's count, not one per row", async () => {
    const rows = [`${head};Publics`, `${place(1)};Seniors|Migrants`, `${place(2)};Migrants`, `${place(3)};Migrants;`, `${place(4)};Bénéficiaires RSA`];
    const applied = applyMapping(await csvTable(rows.join("\n")), { fields: { ...base, publics_specifiquement_adresses: "Publics" } }, { today: TODAY });
    expect(applied.records.map((r) => r.publics_specifiquement_adresses)).toEqual(["Seniors", undefined, undefined, undefined]);
    expect(applied.issues).toEqual([
      {
        line: 0,
        id: "",
        field: "publics_specifiquement_adresses",
        level: "warning",
        message:
          "2 valeurs de « Publics » ne correspondent à aucune valeur du champ publics_specifiquement_adresses et sont ignorées (4\u00a0occurrences) : « Migrants » (3\u00a0fois), « Bénéficiaires RSA » (1\u00a0fois). Ajoutez une règle de traduction à la correspondance pour les garder.",
      },
    ]);
    expect(applied.refused.size).toBe(0);
  });

  it("proposes the one standard value closest in words, never a guess between two, and not for a list of terms", async () => {
    const c = compileTranslation(undefined);
    // Gironde's and Angers' own words (raw files): two words of three in common.
    expect(translateTerm("services", "Etre accompagné dans ses démarches administratives", c)).toEqual({ values: ["Aide aux démarches administratives"], source: "close" });
    expect(translateTerm("services", "Accès à Internet en autonomie", c)).toEqual({ values: ["Accès internet et matériel informatique"], source: "close" });
    expect(translateTerm("services", "Aide aux démarches dématérialisées", c)).toEqual({ values: ["Aide aux démarches administratives"], source: "close" });
    // One word in common (« outils »), or none: not close enough, reported as unknown.
    expect(translateTerm("services", "Etre initié aux outils numériques", c).source).toBe("unknown");
    expect(translateTerm("services", "Pratiquer des activités récréatives numériques", c).source).toBe("unknown");
    // A rule wins over closeness.
    const ruled = compileTranslation({ rules: [{ terms: ["Accès à Internet en autonomie"], values: ["Maîtrise des outils numériques du quotidien"] }] });
    expect(translateTerm("services", "Accès à Internet en autonomie", ruled).source).toBe("rule");
    // Two terms in one cell are split, though the whole cell is close to one of them.
    expect(termsOf("dispositif_programmes_nationaux", "France Services, CNFS", c)).toEqual(["France Services", "CNFS"]);
    const rows = [`${head};Services`, `${place(1)};Accès à Internet en autonomie`, `${place(2)};Accès à Internet en autonomie`];
    const applied = applyMapping(await csvTable(rows.join("\n")), { fields: { ...base, services: "Services" } }, { today: TODAY });
    expect(applied.records.map((r) => r.services)).toEqual(["Accès internet et matériel informatique", "Accès internet et matériel informatique"]);
    expect(applied.issues.map((i) => [i.line, i.level, i.message])).toEqual([
      [0, "warning", "Une valeur du champ services est traduite par rapprochement de mots : « Accès à Internet en autonomie » → « Accès internet et matériel informatique » (2\u00a0fois). Vérifiez-les dans l'aperçu ; une règle de traduction ou une exclusion les remplace."],
    ]);
  });

  it("names every unknown term in its summary, however many (none dropped without a word)", async () => {
    const terms = Array.from({ length: 25 }, (_, i) => `Public inconnu numéro ${i + 1}`);
    const rows = [`${head};Publics`, ...terms.map((t, i) => `${place(i + 1)};${t}`)];
    const applied = applyMapping(await csvTable(rows.join("\n")), { fields: { ...base, publics_specifiquement_adresses: "Publics" } }, { today: TODAY });
    const message = applied.issues[0]?.message ?? "";
    expect(message.startsWith("25 valeurs de « Publics »")).toBe(true);
    expect(message).toContain("« Public inconnu numéro 1 » (1\u00a0fois)");
    expect(message).toContain("« Public inconnu numéro 25 » (1\u00a0fois)");
    expect(message).not.toContain("autres");
  });

  it("a v0.1 label with commas stays whole; the fixed value applies where the cell gives nothing", async () => {
    const label = "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)";
    const table = await csvTable([`${head};Frais`, `${place(1)};"${label}"`, `${place(2)};`].join("\n"));
    const applied = applyMapping(table, { fields: { ...base, frais_a_charge: "Frais" }, constants: { frais_a_charge: "Gratuit" } }, { today: TODAY });
    expect(applied.records.map((r) => r.frais_a_charge)).toEqual(["Gratuit sous condition", "Gratuit"]);
  });
});

describe("a v0.1 term of another field is moved to it (said once per file, with its count)", () => {
  it("« Seniors (+ 65 ans) » in services is a public; « Surdité » in publics is a prise en charge", () => {
    const none = compileTranslation(undefined);
    expect(translateTerm("services", "Seniors (+ 65 ans)", none)).toEqual({ values: [], source: "moved", moved: [{ field: "publics_specifiquement_adresses", value: "Seniors" }] });
    expect(translateTerm("publics_specifiquement_adresses", "Surdité", none)).toEqual({ values: [], source: "moved", moved: [{ field: "prise_en_charge_specifique", value: "Surdité" }] });
  });

  it("the moved value joins the field's own values in the record; the report names each term once with its count", async () => {
    const table = await csvTable(
      [
        `${head};Services;Publics`,
        `${place(1)};Prendre en main un ordinateur|Seniors (+ 65 ans);Jeunes`,
        `${place(2)};Seniors (+ 65 ans);`,
        `${place(3)};Surdité;`,
      ].join("\n"),
    );
    const applied = applyMapping(table, { fields: { ...base, services: "Services", publics_specifiquement_adresses: "Publics" } }, { today: TODAY });
    expect(applied.records.map((r) => [r.services, r.publics_specifiquement_adresses, r.prise_en_charge_specifique])).toEqual([
      ["Maîtrise des outils numériques du quotidien", "Jeunes|Seniors", undefined],
      [undefined, "Seniors", undefined],
      [undefined, undefined, "Surdité"],
    ]);
    expect(applied.issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [
        0,
        "services",
        "2 valeurs de « Services » (champ services) appartiennent à un autre champ d'après la table de la version 0.1 du standard et y ont été déplacées : « Seniors (+ 65 ans) » → publics_specifiquement_adresses « Seniors » (2\u00a0fois), « Surdité » → prise_en_charge_specifique « Surdité » (1\u00a0fois).",
      ],
    ]);
  });
});
