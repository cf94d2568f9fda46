/**
 * The v1.0.2 field list of the national standard for digital-mediation places, typed from the
 * generated constant (see generate-schema.ts), and the normalized place that the rest of the
 * module produces. Nothing here reads ../shared: the schema travels inside the app.
 */
import { legacyFields, listSeparator, placeFields, schemaVersion } from "./schema.generated";

export { legacyFields, listSeparator, placeFields, schemaVersion };

export type FieldSpec = (typeof placeFields)[number];
export type FieldName = FieldSpec["name"];
export type EnumFieldName = Extract<FieldSpec, { values: readonly string[] }>["name"];
export type EnumValue<F extends EnumFieldName> = NonNullable<Extract<FieldSpec, { name: F }>["values"]>[number];

export type LegacyFieldName = (typeof legacyFields)[number]["name"];
export type LegacyEnumFieldName = Extract<(typeof legacyFields)[number], { values: readonly string[] }>["name"];
export type LegacyEnumValue<F extends LegacyEnumFieldName> = NonNullable<
  Extract<(typeof legacyFields)[number], { name: F }>["values"]
>[number];

export const fieldNames: readonly FieldName[] = placeFields.map((f) => f.name);
const byName = new Map<string, FieldSpec>(placeFields.map((f) => [f.name, f]));
const legacyByName = new Map<string, (typeof legacyFields)[number]>(legacyFields.map((f) => [f.name, f]));

export function fieldSpec(name: FieldName): FieldSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`unknown field ${name}`); // unreachable: FieldName is the list itself
  return spec;
}

export function isFieldName(name: string): name is FieldName {
  return byName.has(name);
}

export function isLegacyFieldName(name: string): name is LegacyFieldName {
  return legacyByName.has(name);
}

export function enumValues<F extends EnumFieldName>(name: F): readonly EnumValue<F>[] {
  return (fieldSpec(name).values ?? []) as readonly EnumValue<F>[];
}

export function legacyEnumValues<F extends LegacyEnumFieldName>(name: F): readonly LegacyEnumValue<F>[] {
  return (legacyByName.get(name)?.values ?? []) as readonly LegacyEnumValue<F>[];
}

export function isEnumField(name: FieldName): name is EnumFieldName {
  return fieldSpec(name).values !== null;
}

/**
 * Table Schema patterns match the whole value (XML Schema semantics), whereas a JS RegExp searches:
 * `(?:(?:^|\|)(A|B))+$` alone would accept "junk|A". So every pattern is anchored on both ends.
 */
export function fullMatch(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, "u");
}

const compiled = new Map<FieldName, RegExp>(
  placeFields.flatMap((f) => {
    const p = f.pattern ?? f.enumPattern;
    return p ? [[f.name, fullMatch(p)] as const] : [];
  }),
);

/** The schema's own regex for a field (single value, or `|`-joined list of enumerated values). */
export function schemaRegex(name: FieldName): RegExp | undefined {
  return compiled.get(name);
}

/**
 * The placeholder pivot that the national map and many producers write when they have no SIRET/RNA.
 * It matches the pivot pattern, so we write it back on export when the real pivot is unknown:
 * the schema makes the field required, and an empty pivot would make the exported row invalid.
 */
export const PIVOT_PLACEHOLDER = "00000000000000";

/** Values that we constrain ourselves (numbers, date, phone, emails, URLs) beside the schema's patterns. */
export const formattedFields = [
  "latitude",
  "longitude",
  "date_maj",
  "telephone",
  "courriels",
  "site_web",
  "fiche_acces_libre",
  "prise_rdv",
] as const satisfies readonly FieldName[];

/**
 * Free text: no pattern, no enumeration, no format. Only these cells are neutralised against
 * spreadsheet formula injection on CSV export (see export.ts), because a leading `'` cannot break
 * a rule that does not exist — whereas on a phone number "+33…" it would break the schema's pattern.
 */
export const freeTextFields: readonly FieldName[] = placeFields
  .filter((f) => f.pattern === null && f.values === null && !(formattedFields as readonly string[]).includes(f.name))
  .map((f) => f.name);

/** Code points, as Table Schema counts `maxLength` (JS `.length` counts UTF-16 units). */
export function charLength(text: string): number {
  return Array.from(text).length;
}

/** A place in the v1.0.2 standard, after normalization: typed values, lists as arrays. */
export type NormalizedPlace = {
  id: string;
  /** Absent when the source gave the placeholder "00000000000000" (see PIVOT_PLACEHOLDER). */
  pivot?: string;
  nom: string;
  commune: string;
  code_postal: string;
  code_insee?: string;
  adresse: string;
  complement_adresse?: string;
  latitude?: number;
  longitude?: number;
  typologie?: string[];
  telephone?: string;
  courriels?: string[];
  site_web?: string[];
  horaires?: string;
  presentation_resume?: string;
  presentation_detail?: string;
  source?: string;
  itinerance?: EnumValue<"itinerance">[];
  structure_parente?: string;
  /** ISO date YYYY-MM-DD. */
  date_maj: string;
  services?: EnumValue<"services">[];
  publics_specifiquement_adresses?: EnumValue<"publics_specifiquement_adresses">[];
  prise_en_charge_specifique?: EnumValue<"prise_en_charge_specifique">[];
  frais_a_charge?: EnumValue<"frais_a_charge">[];
  dispositif_programmes_nationaux?: EnumValue<"dispositif_programmes_nationaux">[];
  formations_labels?: EnumValue<"formations_labels">[];
  autres_formations_labels?: string;
  modalites_acces?: EnumValue<"modalites_acces">[];
  modalites_accompagnement?: EnumValue<"modalites_accompagnement">[];
  fiche_acces_libre?: string;
  prise_rdv?: string;
};

// Compile-time guard: the type above must have exactly the generated field names.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFields: Same<keyof NormalizedPlace, FieldName> = true;
void sameFields;

export type IssueLevel = "warning" | "error";
/** One finding. `line`: CSV physical line (header = 1) or 1-based position in a JSON array; 0 for the whole file. */
export type Issue = { line: number; id: string; field: string; level: IssueLevel; message: string };

/**
 * The fields of a row (one string per field, as in the CSV) that break a rule of the schema:
 * required, pattern or enumeration, maxLength, number and date types. Empty cells are absent values.
 */
export function rowViolations(row: Readonly<Record<FieldName, string>>): FieldName[] {
  return placeFields
    .filter((f) => {
      const cell = row[f.name];
      if (cell === "") return f.required;
      // A string has at least as many UTF-16 units as code points: only a long one needs counting.
      if (f.maxLength !== null && cell.length > f.maxLength && charLength(cell) > f.maxLength) return true;
      if (f.type === "number" && !/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell)) return true;
      if (f.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return true;
      const regex = schemaRegex(f.name);
      return regex !== undefined && !regex.test(cell);
    })
    .map((f) => f.name);
}
