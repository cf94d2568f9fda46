/**
 * From proposed fields to a place in the national standard: the record is written as the standard
 * encodes it and read back through the importer's own normalizeRecord, so that a moderated place is
 * exactly as valid as an imported one. The commune of a record is `communeOf` in places (the import's matching);
 * whether it lies in a territory is `inPerimeter` in territories.
 */
import type { FieldErrors } from "@/platform/errors";
import { type FieldName, fieldNames, listSeparator, type NormalizedPlace, normalizeRecord, PIVOT_PLACEHOLDER, standardRow } from "@/modules/places";
import type { PlaceFields, TextField } from "./payload";

export const CONTRIBUTION_SOURCE = "maillage-contribution";

const list = (text: string) => text.split(", ").filter(Boolean).join(listSeparator);

/** Standard field written by each form field; the rest of the record is kept as it is. */
const toStandard: Record<TextField, (v: string) => [FieldName, string]> = {
  nom: (v) => ["nom", v],
  adresse: (v) => ["adresse", v],
  code_postal: (v) => ["code_postal", v],
  commune: (v) => ["commune", v],
  telephone: (v) => ["telephone", v],
  courriel: (v) => ["courriels", list(v)],
  site_web: (v) => ["site_web", list(v)],
  horaires: (v) => ["horaires", v],
  presentation_resume: (v) => ["presentation_resume", v],
};
const formFieldOf: Partial<Record<string, string>> = { courriels: "courriel" };

export type Built = { ok: true; record: NormalizedPlace } | { ok: false; fieldErrors: FieldErrors };

/**
 * Applies the fields to `base` (a correction) or to an empty record (a new place, `id` required),
 * with today's date, and validates the result against the standard.
 */
export function buildRecord(base: NormalizedPlace | undefined, fields: Partial<PlaceFields>, meta: { id?: string; source?: string; date: string }): Built {
  const row = base ? standardRow(base) : (Object.fromEntries(fieldNames.map((n) => [n, ""])) as Record<FieldName, string>);
  for (const f of Object.keys(toStandard) as TextField[]) {
    const value = fields[f];
    if (value === undefined) continue;
    const [name, cell] = toStandard[f](value);
    row[name] = cell;
  }
  if (fields.services) row.services = fields.services.join(listSeparator);
  // A moved place gets its INSEE code again from its new postcode and commune.
  if (fields.code_postal !== undefined || fields.commune !== undefined) row.code_insee = "";
  // The national map's placeholder for an unknown SIRET/RNA: read back as "no pivot", as on import.
  if (row.pivot === "") row.pivot = PIVOT_PLACEHOLDER;
  if (meta.id) row.id = meta.id;
  if (meta.source) row.source = meta.source;
  row.date_maj = meta.date;
  const result = normalizeRecord({ line: 1, fields: new Map<string, unknown>(Object.entries(row)), extraCells: 0, notAnObject: false });
  if (result.record) return { ok: true, record: result.record };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.issues.filter((i) => i.level === "error")) {
    (fieldErrors[formFieldOf[issue.field] ?? issue.field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}
