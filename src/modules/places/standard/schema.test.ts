import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { legacyDropped, legacyRenames, legacyValueFields, legacyValueTables } from "./legacy";
import { enumValues, fieldNames, freeTextFields, fullMatch, legacyFields, placeFields, schemaVersion, type EnumFieldName } from "./schema";

const dir = "../shared/data/standard-mediation-numerique";
type Field = { name: string; constraints?: { required?: boolean; pattern?: string; maxLength?: number } };
const readFields = (file: string) => (JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8")) as { fields: Field[] }).fields;
const head = readFields("schema.json");
const v011 = readFields("versions/v0.1.1/schema.json");

describe("generated schema (schema.generated.ts) against ../shared schema.json", () => {
  it("is v1.0.2 with the same 32 fields, in the same order, with the same required flags and regexes", () => {
    expect(schemaVersion).toBe("v1.0.2");
    expect(fieldNames).toEqual(head.map((f) => f.name));
    expect(fieldNames).toHaveLength(32);
    for (const f of head) {
      const ours = placeFields.find((p) => p.name === f.name);
      expect(ours?.required, f.name).toBe(f.constraints?.required === true);
      expect(ours?.pattern ?? ours?.enumPattern ?? undefined, f.name).toBe(f.constraints?.pattern);
      expect(ours?.maxLength ?? undefined, f.name).toBe(f.constraints?.maxLength);
    }
    expect(placeFields.filter((f) => f.required).map((f) => f.name)).toEqual(["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"]);
  });

  it("extracts enumerations that the schema's own regexes accept, alone and joined with |", () => {
    const enumFields = placeFields.filter((f) => f.values !== null);
    expect(enumFields.map((f) => f.name)).toEqual([
      "itinerance",
      "services",
      "publics_specifiquement_adresses",
      "prise_en_charge_specifique",
      "frais_a_charge",
      "dispositif_programmes_nationaux",
      "formations_labels",
      "modalites_acces",
      "modalites_accompagnement",
    ]);
    for (const f of enumFields) {
      const regex = fullMatch(head.find((h) => h.name === f.name)?.constraints?.pattern ?? "");
      for (const v of f.values ?? []) expect(regex.test(v), `${f.name}: ${v}`).toBe(true);
      expect(regex.test((f.values ?? []).join("|"))).toBe(true);
      expect(regex.test("valeur inventée"), f.name).toBe(false);
    }
    expect(enumValues("services")).toHaveLength(9);
    expect(enumValues("frais_a_charge")).toEqual(["Gratuit", "Gratuit sous condition", "Payant"]);
  });

  it("keeps the regex's spelling of « Étapes numériques(La Poste) » (no space), as data/README.md notes", () => {
    expect(enumValues("formations_labels")).toContain("Étapes numériques(La Poste)");
    expect(enumValues("formations_labels")).not.toContain("Étapes numériques (La Poste)");
  });

  it("neutralises only fields without any rule, so that no pattern can be broken by a leading '", () => {
    expect(freeTextFields).toEqual([
      "id",
      "nom",
      "commune",
      "adresse",
      "complement_adresse",
      "typologie",
      "horaires",
      "presentation_resume",
      "presentation_detail",
      "source",
      "structure_parente",
      "autres_formations_labels",
    ]);
    for (const name of freeTextFields) expect(head.find((f) => f.name === name)?.constraints?.pattern, name).toBeUndefined();
  });
});

describe("v0.1 → v1.0.2 mapping (legacy.ts)", () => {
  it("gives every v0.1.1 field without a v1 namesake a fate: renamed, translated value by value, or dropped", () => {
    const gone = v011.map((f) => f.name).filter((n) => !fieldNames.includes(n as never));
    expect(gone.sort()).toEqual(["accessibilite", "cle_ban", "conditions_acces", "courriel", "labels_autres", "labels_nationaux", "publics_accueillis"]);
    const handled = [...Object.keys(legacyRenames), ...legacyValueFields, ...legacyDropped];
    expect(handled.sort()).toEqual(gone);
    for (const target of Object.values(legacyRenames)) expect(fieldNames).toContain(target);
  });

  it("translates every value of every v0.1.1 enumeration, into values of the v1.0.2 enumerations", () => {
    for (const f of v011) {
      const pattern = f.constraints?.pattern;
      if (!pattern || !pattern.startsWith("(?:(?:^|;)")) continue;
      const legacy = legacyFields.find((l) => l.name === f.name);
      const table: Record<string, { field: string; value: string }[]> = legacyValueTables[f.name as keyof typeof legacyValueTables];
      expect(Object.keys(table).sort(), f.name).toEqual([...(legacy?.values ?? [])].sort());
      for (const v of legacy?.values ?? []) {
        expect(fullMatch(pattern).test(v), `${f.name}: ${v}`).toBe(true);
        for (const t of table[v] ?? []) {
          if (t.field === "autres_formations_labels") continue; // free text
          expect(enumValues(t.field as EnumFieldName), `${v} → ${t.field}`).toContain(t.value);
        }
      }
    }
  });
});
