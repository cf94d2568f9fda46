/**
 * From proposed fields to a place in the national standard: the record is written as the standard
 * encodes it and read back through the importer's own normalizeRecord, so that a moderated place is
 * exactly as valid as an imported one. Also: the commune, by the same matching as the import.
 */
import { like } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import type { FieldErrors } from "@/platform/errors";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo/schema";
import { perimeterAmong } from "@/modules/territories/tenancy";
import { resolveCommune } from "@/modules/places/commands";
import { standardRow } from "@/modules/places/standard/export";
import { normalizeRecord } from "@/modules/places/standard/normalize";
import { PIVOT_PLACEHOLDER, fieldNames, listSeparator, type FieldName, type NormalizedPlace } from "@/modules/places/standard/schema";
import type { PlaceFields, TextField } from "./payload";

export const CONTRIBUTION_SOURCE = "maillage-contribution";

/** Today in Paris, as the standard's date_maj (YYYY-MM-DD). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

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

/** INSEE code of the record's commune, by the import's rules (postcode, then commune name). */
export async function communeOf(db: Executor, place: NormalizedPlace): Promise<string | undefined> {
  const rows = await db.select({ code: communes.code, name: communes.name, postcodes: communes.postcodes }).from(communes).where(like(communes.postcodes, `%${place.code_postal}%`));
  const candidates = rows.filter((r) => r.postcodes.split(" ").includes(place.code_postal)).map((r) => ({ code: r.code, name: normalizeSearch(r.name) }));
  return resolveCommune({ byCode: new Map(), byPostcode: new Map([[place.code_postal, candidates]]) }, { ...place, code_insee: undefined });
}

export async function inPerimeter(db: Executor, territoryId: string, communeCode: string): Promise<boolean> {
  return (await perimeterAmong(db, territoryId, [communeCode])).length > 0;
}
