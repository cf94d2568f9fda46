/**
 * Writes normalized places in the v1.0.2 standard: CSV (schema column order, "|" between values)
 * and JSON (array of objects with the same names and encodings, latitude/longitude as numbers).
 *
 * CSV injection: a spreadsheet runs a cell starting with "=", "+", "-" or "@" as a formula. We prefix
 * such cells with "'" — but only in free-text fields (see freeTextFields in schema.ts). Every other
 * field is either constrained by the schema's pattern/enumeration or by our own checks so that it can't
 * start with a formula character except harmlessly (a phone "+33…" or a latitude "-21.5" are plain
 * numbers to a spreadsheet), and prefixing them would make the exported row fail the schema.
 * import (normalize.ts) removes that "'" again, so an export re-imports to the same places.
 */
import {
  PIVOT_PLACEHOLDER,
  charLength,
  fieldSpec,
  fieldNames,
  freeTextFields,
  listSeparator,
  rowViolations,
  type FieldName,
  type NormalizedPlace,
} from "./schema";

function cellOf(value: NormalizedPlace[FieldName]): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.join(listSeparator);
  return String(value);
}

/** One string per field, as the standard encodes it; an unknown pivot is written as the usual placeholder. */
export function standardRow(place: NormalizedPlace): Record<FieldName, string> {
  const row = {} as Record<FieldName, string>;
  for (const name of fieldNames) row[name] = cellOf(place[name]);
  if (row.pivot === "") row.pivot = PIVOT_PLACEHOLDER;
  return row;
}

/** Apostrophes before a formula character are doubled too, so that import (which removes one) is exact. */
const formulaStart = /^'*[=+\-@\t\r]/;

/** "'" before a formula-looking free text; a text at its maxLength loses its end rather than break it. */
export function neutralize(name: FieldName, cell: string): string {
  if (!freeTextFields.includes(name) || !formulaStart.test(cell)) return cell;
  const max = fieldSpec(name).maxLength;
  const safe = `'${cell}`;
  if (max === null || charLength(safe) <= max) return safe;
  return `${Array.from(safe).slice(0, max - 1).join("")}…`;
}

function csvCell(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

export type ExportOptions = {
  /** Told about places that could not be written as they are (see `exportable`). */
  onInvalid?: (id: string, fields: FieldName[]) => void;
};

/**
 * Places from normalize.ts always pass; a place built elsewhere might not. An invalid optional
 * value is left out and an invalid required one leaves the place out, so that the file stays valid.
 */
function exportable(places: readonly NormalizedPlace[], options: ExportOptions): { place: NormalizedPlace; row: Record<FieldName, string> }[] {
  return places.flatMap((place) => {
    const row = standardRow(place);
    const broken = rowViolations(row);
    if (broken.length === 0) return [{ place, row }];
    options.onInvalid?.(place.id, broken);
    if (broken.some((name) => fieldSpec(name).required)) return [];
    const kept = { ...place };
    for (const name of broken) delete kept[name];
    return [{ place: kept, row: standardRow(kept) }];
  });
}

/** RFC 4180 CSV: every cell quoted, CRLF line ends, UTF-8; `bom` helps old Excel versions read accents. */
export function exportCsv(places: readonly NormalizedPlace[], options: ExportOptions & { bom?: boolean } = {}): string {
  const lines = [fieldNames.map(csvCell).join(",")];
  for (const { row } of exportable(places, options)) {
    lines.push(fieldNames.map((name) => csvCell(neutralize(name, row[name]))).join(","));
  }
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/** JSON needs no neutralisation (no spreadsheet evaluates it); absent optional values are left out. */
export function exportJson(places: readonly NormalizedPlace[], options: ExportOptions = {}): string {
  const objects = exportable(places, options).map(({ place, row }) => {
    const out: Record<string, string | number> = {};
    for (const name of fieldNames) {
      const value = place[name];
      if (typeof value === "number") out[name] = value;
      else if (row[name] !== "") out[name] = row[name];
    }
    return out;
  });
  return `${JSON.stringify(objects, null, 2)}\n`;
}
