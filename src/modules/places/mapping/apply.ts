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
import { PIVOT_PLACEHOLDER, enumValues, isEnumField, placeFields, type EnumFieldName, type FieldName } from "../standard/schema";
import { composeValue } from "./compose";
import { compileTranslation, translateCells, type CompiledTranslation, type Translated } from "./translate";
import type { ColumnMapping } from "./schema";
import { convertCoordinates, mappedProjection } from "./normalize/coordinates";
import { normalizeDate } from "./normalize/dates";
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

/** A finding of the mapping itself, before the standard's checks. `line`: 1-based record position (0 = the whole file). */
export type MappingIssue = { line: number; id: string; field: string; level: "warning" | "error"; message: string };

export type Applied = Mapped & {
  /** Line-level errors (a composed value whose meaning would change…) and one summary line per field for unknown terms. */
  issues: MappingIssue[];
  /** Positions (1-based) of records refused by the mapping: they are not sent to the import. */
  refused: Set<number>;
};

/** What a field kind needs to compute its value for one row. */
type FieldContext = {
  field: FieldName;
  row: Record<string, string>;
  mapping: ColumnMapping;
  /** The cell of the field's own column (trimmed, "" when absent). */
  raw: string;
  /** A line-level problem of this row for this field. */
  error: (message: string) => void;
  translation: (field: EnumFieldName) => { compiled: CompiledTranslation; seen: (term: string, t: Translated) => void };
};

/**
 * One function per kind of field: each takes the row and returns the field's value ("" = none).
 * Value normalisers (dates, phones, web addresses, lists, communes) plug in here, one call each.
 */
export const fieldKinds = {
  text: (c: FieldContext) => c.raw,
  postcode: (c: FieldContext) => (c.raw === "" ? "" : postcodeOf(c.raw)),
  /** The commune, cut out of a « 33000 Bordeaux » cell shared with the postcode. */
  commune: (c: FieldContext) => (c.raw !== "" && c.mapping.fields.commune === c.mapping.fields.code_postal ? communeOf(c.raw) : c.raw),
  /** The street, cut out of a full-address cell shared with the postcode. */
  street: (c: FieldContext) => (c.raw !== "" && c.mapping.fields.adresse === c.mapping.fields.code_postal ? streetOf(c.raw) : c.raw),
  date: (c: FieldContext) => (c.raw === "" ? "" : dateOnly(c.raw)),
  /** Enumerated / list field: the producer's terms translated (translate.ts), from one or several columns. */
  enumerated: (c: FieldContext) => {
    const field = c.field as EnumFieldName;
    const columns = [c.mapping.fields[field], ...(c.mapping.translations?.[field]?.columns ?? [])];
    const cells = columns.map((col) => cell(c.row, col)).filter((v) => v !== "");
    if (cells.length === 0) return "";
    const { compiled, seen } = c.translation(field);
    return translateCells(field, cells, compiled, seen).join("|");
  },
  /** Several columns in one value (concatenation, per-day hours). */
  composed: (c: FieldContext) => {
    const composition = c.mapping.compose?.[c.field];
    if (!composition) return c.raw;
    const composed = composeValue(composition, (column) => cell(c.row, column));
    if (composed.ok) return composed.value;
    c.error(composed.message);
    return "";
  },
} as const;

export type FieldKind = keyof typeof fieldKinds;

/** Which kind computes a field under this mapping. */
export function kindOf(field: FieldName, mapping: ColumnMapping): FieldKind {
  if (mapping.compose?.[field]) return "composed";
  if (field === "code_postal") return "postcode";
  if (field === "commune") return "commune";
  if (field === "adresse") return "street";
  if (field === "date_maj") return "date";
  if (isEnumField(field)) return "enumerated";
  return "text";
}

/** Unknown terms of a field, counted over the file: said once, with their counts. */
type TermCounts = Map<string, number>;

function unknownSummary(field: EnumFieldName, columns: string[], counts: TermCounts): MappingIssue {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"));
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  // Every term is named with its count, however many: none may be dropped without a word (issue 11).
  const shown = sorted.map(([t, c]) => `« ${t.slice(0, 80)} » (${c}\u00a0fois)`);
  const more = "";
  const cols = columns.map((c) => `« ${c} »`).join(", ");
  return {
    line: 0,
    id: "",
    field,
    level: "warning",
    message: `${sorted.length === 1 ? "Une valeur" : `${sorted.length} valeurs`} de ${cols} ne ${sorted.length === 1 ? "correspond" : "correspondent"} à aucune valeur du champ ${field} et ${sorted.length === 1 ? "est ignorée" : "sont ignorées"} (${total}\u00a0occurrence${total > 1 ? "s" : ""}) : ${shown.join(", ")}${more}. Ajoutez une règle de traduction à la correspondance pour les garder.`,
  };
}

/** Terms translated by closeness in words: kept, but named once for the whole file, so a person checks them. */
function closeSummary(field: EnumFieldName, terms: Map<string, { value: string; count: number }>): MappingIssue {
  const sorted = [...terms].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], "fr"));
  const shown = sorted.map(([t, { value, count }]) => `« ${t.slice(0, 80)} » → « ${value} » (${count}\u00a0fois)`);
  return {
    line: 0,
    id: "",
    field,
    level: "warning",
    message: `${sorted.length === 1 ? "Une valeur" : `${sorted.length} valeurs`} du champ ${field} ${sorted.length === 1 ? "est traduite" : "sont traduites"} par rapprochement de mots : ${shown.join(", ")}. Vérifiez-les dans l'aperçu ; une règle de traduction ou une exclusion les remplace.`,
  };
}

/** v0.1 terms moved to the field they belong to: kept, and named once for the whole file. */
function movedSummary(field: EnumFieldName, columns: string[], terms: Map<string, { to: { field: EnumFieldName; value: string }[]; count: number }>): MappingIssue {
  const sorted = [...terms].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], "fr"));
  const shown = sorted.map(([t, { to, count }]) => `« ${t.slice(0, 80)} » → ${to.map((m) => `${m.field} « ${m.value} »`).join(", ")} (${count}\u00a0fois)`);
  const cols = columns.map((c) => `« ${c} »`).join(", ");
  const one = sorted.length === 1;
  return {
    line: 0,
    id: "",
    field,
    level: "warning",
    message: `${one ? "Une valeur" : `${sorted.length} valeurs`} de ${cols} (champ ${field}) ${one ? "appartient" : "appartiennent"} à un autre champ d'après la table de la version 0.1 du standard et ${one ? "y a été déplacée" : "y ont été déplacées"} : ${shown.join(", ")}.`,
  };
}

export function applyMapping(table: ProducerTable, mapping: ColumnMapping, options: { today: string }): Applied {
  const constants = mapping.constants ?? {};
  const seenIds = new Map<string, number>();
  const issues: MappingIssue[] = [];
  const refused = new Set<number>();
  const unknown = new Map<EnumFieldName, TermCounts>();
  const close = new Map<EnumFieldName, Map<string, { value: string; count: number }>>();
  const compiled = new Map<EnumFieldName, CompiledTranslation>();
  const moved = new Map<EnumFieldName, Map<string, { to: { field: EnumFieldName; value: string }[]; count: number }>>();
  /** The values the current row's terms moved to other fields (rows are computed one at a time). */
  let rowMoves = new Map<EnumFieldName, Set<string>>();
  const translation = (field: EnumFieldName) => {
    let c = compiled.get(field);
    if (!c) compiled.set(field, (c = compileTranslation(mapping.translations?.[field])));
    return {
      compiled: c,
      seen: (term: string, t: Translated) => {
        if (t.source === "close") {
          let terms = close.get(field);
          if (!terms) close.set(field, (terms = new Map()));
          const known = terms.get(term);
          if (known) known.count++;
          else terms.set(term, { value: t.values[0] ?? "", count: 1 });
          return;
        }
        if (t.source === "moved" && t.moved) {
          for (const m of t.moved) rowMoves.set(m.field, (rowMoves.get(m.field) ?? new Set()).add(m.value));
          let terms = moved.get(field);
          if (!terms) moved.set(field, (terms = new Map()));
          const known = terms.get(term);
          if (known) known.count++;
          else terms.set(term, { to: t.moved, count: 1 });
          return;
        }
        if (t.source !== "unknown") return;
        let counts = unknown.get(field);
        if (!counts) unknown.set(field, (counts = new Map()));
        counts.set(term, (counts.get(term) ?? 0) + 1);
      },
    };
  };
  const kinds = placeFields.map((f) => [f.name, fieldKinds[kindOf(f.name, mapping)]] as const);
  const records = table.rows.map((row, index) => {
    const record: StandardRecord = {};
    const errors: { field: FieldName; message: string }[] = [];
    rowMoves = new Map();
    for (const [name, compute] of kinds) {
      let value = compute({ field: name, row, mapping, raw: cell(row, mapping.fields[name]), error: (message) => errors.push({ field: name, message }), translation }).trim();
      if (value === "") value = (name === "id" ? "" : (constants[name] ?? "")).trim();
      if (value !== "") record[name] = value;
    }
    // v0.1 terms that belong to another field join that field's values (in its vocabulary's order).
    for (const [to, values] of rowMoves) {
      const order = enumValues(to) as readonly string[];
      const all = new Set([...(record[to] ?? "").split("|").filter(Boolean), ...values]);
      record[to] = [...all].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join("|");
    }
    record.pivot ??= PIVOT_PLACEHOLDER;
    record.date_maj ??= options.today;
    if (record.id === undefined) {
      // Same place twice in the file: the second gets "-2", in the file's order (stable on re-import).
      const base = generatedId(record);
      const n = (seenIds.get(base) ?? 0) + 1;
      seenIds.set(base, n);
      record.id = n === 1 ? base : `${base}-${n}`;
    }
    for (const e of errors) issues.push({ line: index + 1, id: record.id, field: e.field, level: "error", message: e.message });
    if (errors.length > 0) refused.add(index + 1);
    // The standard's field order, so that the file reads like any other.
    return Object.fromEntries(placeFields.flatMap((f) => (record[f.name] === undefined ? [] : [[f.name, record[f.name]]]))) as StandardRecord;
  });
  // Lambert-93, CC zones, Web Mercator, overseas UTM, swapped degrees: detected from the file's values.
  // The projection chosen in the preview (saved with the mapping) wins over the detection.
  convertCoordinates(records, mapping.projection ?? mappedProjection(table.rows, { longitude: mapping.fields.longitude, latitude: mapping.fields.latitude })?.code);
  for (const [field, counts] of unknown) {
    const columns = [mapping.fields[field], ...(mapping.translations?.[field]?.columns ?? [])].filter((c): c is string => c !== undefined);
    issues.unshift(unknownSummary(field, columns, counts));
  }
  for (const [field, terms] of close) issues.unshift(closeSummary(field, terms));
  for (const [field, terms] of moved) {
    const columns = [mapping.fields[field], ...(mapping.translations?.[field]?.columns ?? [])].filter((c): c is string => c !== undefined);
    issues.unshift(movedSummary(field, columns, terms));
  }
  return { records, lines: [...table.lines], issues, refused };
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
