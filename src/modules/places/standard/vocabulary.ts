/**
 * Matching of list values against the enumerations of v1.0.2 and v0.1, tolerant of the ways real
 * files differ from them: case, accents, curly apostrophes, spaces, and v0.1 labels written
 * without their explanation ("Payant" for "Payant : L'accès au lieu … est payant").
 */
import { legacyValueTables, type LegacyTarget } from "./legacy";
import { enumValues, legacyEnumValues, type EnumFieldName, type LegacyEnumFieldName } from "./schema";

// List values repeat from record to record (a file has a few dozen distinct services): each key is worked out once (bounded).
const matchKeys = new Map<string, string>();

/** Comparison key: no accents, no case, no spaces, one kind of apostrophe, no French quotes. */
export function matchKey(value: string): string {
  let key = matchKeys.get(value);
  if (key === undefined) {
    key = value
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/[«»"]/g, "")
      .replace(/\s+/g, "");
    if (matchKeys.size >= 20_000) matchKeys.clear();
    matchKeys.set(value, key);
  }
  return key;
}

/** Splits a list cell on the v1 separator "|" and the v0.1 one ";". */
export function splitList(text: string): string[] {
  return text
    .split(/[|;]/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export type Match<T> = { value: T; exact: boolean };

function indexOf<T extends string>(values: readonly T[], withShortLabels: boolean): Map<string, T> {
  const index = new Map<string, T>();
  for (const v of values) {
    index.set(matchKey(v), v);
    // v0.1 values are "Label : explanation"; files often carry the label alone.
    const label = v.split(" : ")[0];
    if (withShortLabels && label !== undefined && label !== v && !index.has(matchKey(label))) index.set(matchKey(label), v);
  }
  return index;
}

const currentIndexes = new Map<EnumFieldName, Map<string, string>>();
function currentIndex(field: EnumFieldName): Map<string, string> {
  let index = currentIndexes.get(field);
  if (!index) currentIndexes.set(field, (index = indexOf(enumValues(field), false)));
  return index;
}

const legacyIndexes = new Map<LegacyEnumFieldName, Map<string, string>>();
function legacyIndex(field: LegacyEnumFieldName): Map<string, string> {
  let index = legacyIndexes.get(field);
  if (!index) legacyIndexes.set(field, (index = indexOf(legacyEnumValues(field), true)));
  return index;
}

/**
 * `exact` is also true when only spaces differ: the schema itself writes "Étapes numériques (La Poste)"
 * in its description and "Étapes numériques(La Poste)" in its regex; both are read silently, and the
 * regex's form (the one that validates) is the one we keep.
 */
export function matchCurrent(field: EnumFieldName, input: string): Match<string> | null {
  const value = currentIndex(field).get(matchKey(input));
  if (value === undefined) return null;
  return { value, exact: value.replace(/\s+/g, "") === input.replace(/\s+/g, "") };
}

export function matchLegacy(field: LegacyEnumFieldName, input: string): Match<string> & { targets: LegacyTarget[] } | null {
  const value = legacyIndex(field).get(matchKey(input));
  if (value === undefined) return null;
  const table: Record<string, LegacyTarget[]> = legacyValueTables[field];
  return { value, exact: value === input, targets: table[value] ?? [] };
}

/** How a refused value is named in messages: « … n'est pas un service reconnu ». */
export const valueNouns: Record<EnumFieldName | LegacyEnumFieldName, string> = {
  itinerance: "une valeur d'itinérance reconnue",
  services: "un service reconnu",
  publics_specifiquement_adresses: "un public spécifiquement adressé reconnu",
  prise_en_charge_specifique: "une prise en charge spécifique reconnue",
  frais_a_charge: "un type de frais reconnu",
  dispositif_programmes_nationaux: "un dispositif ou programme national reconnu",
  formations_labels: "une formation ou un label reconnu",
  modalites_acces: "une modalité d'accès reconnue",
  modalites_accompagnement: "une modalité d'accompagnement reconnue",
  publics_accueillis: "un public reconnu de la version 0.1",
  conditions_acces: "une condition d'accès reconnue de la version 0.1",
  labels_nationaux: "un label national reconnu de la version 0.1",
};

export function possibleValues(values: readonly string[]): string {
  return values.map((v) => `« ${v} »`).join(", ");
}
