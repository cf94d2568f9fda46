import { describe, expect, it } from "vitest";
import { readProducerFile, type ProducerTable } from "./read";
import { EXCLUDE_CHOICE, translationsFromForm, translationViews } from "./translation-view";

async function csvTable(csv: string): Promise<ProducerTable> {
  const result = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

describe("the translation preview", () => {
  it("lists every distinct value of the whole file with its count and what it becomes, unknown values first", async () => {
    const table = await csvTable(["Nom;Labels", "A;CNFS", "B;CNFS|France Services", "C;Label maison", "D;Aucun"].join("\n"));
    const [view, ...others] = translationViews(table, { fields: { nom: "Nom", dispositif_programmes_nationaux: "Labels" }, translations: { dispositif_programmes_nationaux: { exclude: ["Aucun"] } } });
    expect(others).toEqual([]);
    expect(view?.columns).toEqual(["Labels"]);
    expect(view?.terms.map(({ term, count, values, source, choice }) => [term, count, values, source, choice])).toEqual([
      ["Label maison", 1, [], "unknown", ""],
      ["CNFS", 2, ["Conseillers numériques"], "v0.1", ""],
      ["Aucun", 1, [], "excluded", EXCLUDE_CHOICE],
      ["France Services", 1, ["France Services"], "standard", ""],
    ]);
  });

  it("the form's choices become rules and exclusions; rules for values not shown are kept", () => {
    const form = {
      trad_services_0_terme: "Démarches",
      trad_services_0: "Aide aux démarches administratives",
      trad_services_1_terme: "Papiers",
      trad_services_1: "Aide aux démarches administratives",
      trad_services_2_terme: "Autre",
      trad_services_2: EXCLUDE_CHOICE,
      trad_services_3_terme: "Jeux",
      trad_services_3: "",
      trad_services_4_terme: "Truc",
      trad_services_4: "Pas une valeur",
    };
    const base = { services: { columns: ["Services 2"], rules: [{ terms: ["Jeux", "Ancien terme"], values: ["Loisirs et créations numériques"] }] } };
    expect(translationsFromForm(form, base)).toEqual({
      services: {
        columns: ["Services 2"],
        rules: [
          { terms: ["Ancien terme"], values: ["Loisirs et créations numériques"] },
          { terms: ["Démarches", "Papiers"], values: ["Aide aux démarches administratives"] },
        ],
        exclude: ["Autre"],
      },
    });
    expect(translationsFromForm({}, undefined)).toBeUndefined();
  });
});
