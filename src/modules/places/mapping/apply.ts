/**
 * Applies a column mapping to a producer's table: one record per row, in the national standard's
 * field names, written as a JSON file of the standard. That file then goes through the very same
 * validateFile / importPlaces as any standard file: same checks, same line-by-line report, same
 * transactional and idempotent import. Nothing here judges a value; it only moves and completes.
 *
 * Line numbers: the records keep the rows' order, so record n (the standard's "line" n of a JSON
 * array) is row n-1 of the table, whose place in the producer's file is `table.lines[n-1]`.
 * `remapReport` puts those numbers back into a report.
 *
 * Completions, where the standard allows them (README of ../standard):
 * - `id` without a column (or an empty cell): computed from the name, address, postcode and commune,
 *   so that importing the same file again finds the same places (a second identical row gets "-2");
 * - `pivot` without a value: the national placeholder 00000000000000 (kept as "unknown", with a warning);
 * - `date_maj` without a value: the day of the import (given by the caller).
 */
import { createHash } from "node:crypto";
import { PIVOT_PLACEHOLDER, isEnumField, placeFields, type FieldName } from "../standard/schema";
import type { ColumnMapping } from "./schema";
import { convertCoordinates, mappedProjection } from "./normalize/coordinates";
import { normalizeDate } from "./normalize/dates";
import { standardList } from "./normalize/lists";
import type { ProducerTable } from "./read";

export type StandardRecord = Partial<Record<FieldName, string>>;

export type Mapped = { records: StandardRecord[]; lines: number[] };

function cell(row: Record<string, string>, column: string | undefined): string {
  if (column === undefined || !Object.hasOwn(row, column)) return "";
  return (row[column] ?? "").trim();
}

const POSTCODE = /(?:^|\D)(\d{5})(?!\d)/g;

/** The last 5-digit group of a text (« 8 rue X - 33000 Bordeaux » → 33000); a bare code stays as it is. */
export function postcodeOf(text: string): string {
  if (/^\d{4,5}$/.test(text)) return text;
  const all = [...text.matchAll(POSTCODE)];
  return all.at(-1)?.[1] ?? text;
}

/** Text after the postcode (« 33000 Bordeaux » → Bordeaux), or the text itself when there is none. */
export function communeOf(text: string): string {
  const m = /\d{5}\s*[,-]?\s*(\p{L}[^\d]*)$/u.exec(text);
  return m?.[1]?.trim() ?? text;
}

/** Text before the postcode (« 8 rue X - 33000 Bordeaux » → 8 rue X), or the text itself. */
export function streetOf(text: string): string {
  const m = /^(.*?\S)[\s,-]*\d{5}\s*[,-]?\s*\p{L}[^\d]*$/u.exec(text);
  return m?.[1]?.replace(/[\s,-]+$/, "") ?? text;
}

/** Producers' dates (ISO, « 2020/06/30 14:12:05.000 », 07/12/2021, Excel serials) → YYYY-MM-DD; unreadable text is left for the standard to refuse. */
function dateOnly(text: string): string {
  const date = normalizeDate(text);
  return date.ok ? date.value : text;
}

const identityOf = (r: StandardRecord) =>
  [r.nom, r.adresse, r.code_postal, r.commune]
    .map((v) =>
      (v ?? "")
        .normalize("NFD")
        .replace(/\p{Diacritic}/gu, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, " ")
        .trim(),
    )
    .join("|");

/** A stable identifier from what identifies a place: same name, address, postcode and commune, same id. */
export function generatedId(record: StandardRecord): string {
  return `lieu-${createHash("sha256").update(identityOf(record)).digest("hex").slice(0, 16)}`;
}

export function applyMapping(table: ProducerTable, mapping: ColumnMapping, options: { today: string }): Mapped {
  const cols = mapping.fields;
  const constants = mapping.constants ?? {};
  const sharedPostcode = cols.code_postal !== undefined && (cols.code_postal === cols.adresse || cols.code_postal === cols.commune);
  const seen = new Map<string, number>();
  const records = table.rows.map((row) => {
    const record: StandardRecord = {};
    for (const f of placeFields) {
      let value = cell(row, cols[f.name]);
      if (value !== "") {
        if (f.name === "code_postal") value = postcodeOf(value);
        else if (f.name === "commune" && cols.commune === cols.code_postal) value = communeOf(value);
        else if (f.name === "adresse" && sharedPostcode && cols.adresse === cols.code_postal) value = streetOf(value);
        else if (f.name === "date_maj") value = dateOnly(value);
        else if (isEnumField(f.name)) value = standardList(value);
      }
      if (value === "") value = (f.name === "id" ? "" : (constants[f.name] ?? "")).trim();
      if (value !== "") record[f.name] = value;
    }
    record.pivot ??= PIVOT_PLACEHOLDER;
    record.date_maj ??= options.today;
    if (record.id === undefined) {
      // Same place twice in the file: the second gets "-2", in the file's order (stable on re-import).
      const base = generatedId(record);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      record.id = n === 1 ? base : `${base}-${n}`;
    }
    // The standard's field order, so that the file reads like any other.
    return Object.fromEntries(placeFields.flatMap((f) => (record[f.name] === undefined ? [] : [[f.name, record[f.name]]]))) as StandardRecord;
  });
  // Lambert-93, CC zones, Web Mercator, overseas UTM, swapped degrees: detected from the file's values.
  convertCoordinates(records, mappedProjection(table.rows, { longitude: cols.longitude, latitude: cols.latitude })?.code);
  return { records, lines: [...table.lines] };
}

/** The records as a JSON file of the national standard (what validateFile and importPlaces read). */
export function standardJson(records: StandardRecord[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(records));
}

type Lined = { line: number; message?: string };

/**
 * Puts the producer's line numbers back into a report of the standard JSON file: every `line`
 * (0 = the whole file stays 0) and the line quoted by the duplicate-identifier message.
 */
export function remapReport<R extends { issues: Lined[]; lines?: Lined[] }>(report: R, lines: readonly number[]): R {
  const at = (n: number) => (n > 0 ? (lines[n - 1] ?? n) : n);
  const fix = <T extends Lined>(item: T): T => ({
    ...item,
    line: at(item.line),
    ...(item.message === undefined ? {} : { message: item.message.replace(/(par le lieu de la ligne )(\d+)/, (_, p: string, n: string) => `${p}${at(Number(n))}`) }),
  });
  return { ...report, issues: report.issues.map(fix), ...(report.lines ? { lines: report.lines.map(fix) } : {}) };
}
