/**
 * Reads a producer's own file (CSV, XLSX or JSON array) into a plain table of text cells, before any
 * column is mapped to the national standard. Never throws: unreadable input gives a French message.
 *
 * `lines[i]` is where row i sits in the producer's file, so that the import report can point there:
 * the physical line for CSV (header = 1, a quoted cell spanning lines counts from its first line),
 * the row number of the sheet for XLSX, the 1-based position in the array for JSON. Rows whose cells
 * are all empty are skipped (counted in `skipped`), without shifting the numbers of the others.
 */
import ExcelJS from "exceljs";
import { formatNumber } from "@/platform/text";
import { MAX_UPLOAD_BYTES, TABLE_LIMITS, UPLOAD_LIMIT_LABEL } from "@/platform/files/limits";
import { jsonDepthExceeds, jsonTooDeepMessage } from "@/platform/files/json";
import { readZipWithLimits, storedZip } from "@/platform/files/zip";
import { checkWorkbookParts } from "@/platform/files/xlsx";
import { readCsvRecords } from "@/platform/files/csv";
import { decode } from "../standard/parse";

/** The file, then the table read from it (header excluded); see src/platform/files/limits.ts. */
export const READ_LIMITS = { bytes: MAX_UPLOAD_BYTES, ...TABLE_LIMITS } as const;

export type ProducerFormat = "csv" | "xlsx" | "json";

export type ProducerTable = {
  format: ProducerFormat;
  /** Column names as the producer wrote them (trimmed); blank ones named « Colonne … », repeated ones numbered. */
  columns: string[];
  /** One object per data row, every column present (empty cell = ""). */
  rows: Record<string, string>[];
  /** Line (CSV), sheet row (XLSX) or position (JSON) of each row in the producer's file. */
  lines: number[];
  /** Empty rows left out. */
  skipped: number;
  /** XLSX: the sheet that was read. */
  sheet?: string;
};

export type ReadResult = { ok: true; table: ProducerTable } | { ok: false; error: string };

const fail = (error: string): ReadResult => ({ ok: false, error });

const tooManyRows = () => fail(`Le fichier compte plus de ${formatNumber(READ_LIMITS.rows)} lignes : découpez-le en plusieurs fichiers.`);
const tooManyColumns = (n: number) =>
  fail(`Le fichier compte ${formatNumber(n)} colonnes, plus que les ${READ_LIMITS.columns} permises : retirez les colonnes inutiles avant de le déposer.`);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export async function readProducerFile(bytes: Uint8Array, filename = ""): Promise<ReadResult> {
  try {
    if (bytes.length === 0) return fail("Le fichier est vide.");
    if (bytes.length > READ_LIMITS.bytes) return fail(`Le fichier dépasse ${UPLOAD_LIMIT_LABEL} : découpez-le en plusieurs fichiers.`);
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
      if (/\.od[st]$/i.test(filename)) return fail("Les classeurs OpenDocument (.ods) ne sont pas lus ici : enregistrez-le au format XLSX ou CSV.");
      return await readXlsx(bytes);
    }
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return fail("Ce classeur est à l'ancien format Excel (.xls) : enregistrez-le au format XLSX ou CSV.");
    const { text } = decode(bytes);
    if (text.trim() === "") return fail("Le fichier est vide.");
    // Text files have no NUL characters; an image or a PDF does.
    if (text.includes("\u0000")) return fail("Ce fichier n'est ni un tableur XLSX, ni un fichier CSV, ni un fichier JSON.");
    const first = text.trimStart()[0];
    return /\.(geo)?json$/i.test(filename) || first === "[" || first === "{" ? readJson(text) : readCsv(text);
  } catch (e) {
    // The readers handle bad input themselves; this only guards against a library bug.
    return fail(`Le fichier n'a pas pu être lu (${e instanceof Error ? e.message : String(e)}).`);
  }
}

// ── columns and rows ────────────────────────────────────────────────────────────────────────────

/** Unique, non-blank names: "" → « Colonne 3 » (or « Colonne C » in a sheet), a repeated "Nom" → « Nom (2) ». */
function nameColumns(raw: string[], blankName: (index: number) => string): string[] {
  const used = new Set<string>();
  return raw.map((r, i) => {
    const base = r.replace(/\s+/g, " ").trim() || blankName(i);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** Object.fromEntries defines own properties: a column called "__proto__" is just a key. */
function rowOf(columns: string[], cells: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
}

function table(format: ProducerFormat, columns: string[], body: { cells: string[]; line: number }[], extra: Partial<ProducerTable> = {}): ReadResult {
  const kept = body.filter((r) => r.cells.some((c) => c !== ""));
  if (kept.length === 0) return fail("Le fichier ne contient aucune ligne de données sous la ligne d'en-tête.");
  return {
    ok: true,
    table: { format, columns, rows: kept.map((r) => rowOf(columns, r.cells)), lines: kept.map((r) => r.line), skipped: body.length - kept.length, ...extra },
  };
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

function readCsv(text: string): ReadResult {
  const read = readCsvRecords(text);
  if (!read.ok) return fail(read.error);
  const [header, ...body] = read.records;
  if (!header) return fail("Le fichier ne contient aucune ligne.");
  if (header.cells.length > READ_LIMITS.columns) return tooManyColumns(header.cells.length);
  if (body.length > READ_LIMITS.rows) return tooManyRows();
  const columns = nameColumns(header.cells, (i) => `Colonne ${i + 1}`);
  return table(
    "csv",
    columns,
    body.map((r) => ({ cells: r.cells.slice(0, columns.length).map((c) => c.trim()), line: r.line })),
  );
}

// ── JSON ────────────────────────────────────────────────────────────────────────────────────────

const MAX_DEPTH = 6;

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "oui" : "non";
  return JSON.stringify(value);
}

/** Nested objects become dotted keys ("adresse.commune"); arrays are joined with ";". */
function flatten(value: unknown, prefix: string, out: Map<string, string>, depth: number): void {
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : scalarText(v))).filter((t) => t !== "");
    out.set(prefix, items.join(";"));
  } else if (typeof value === "object" && value !== null && depth < MAX_DEPTH) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix !== "") out.set(prefix, "");
    for (const [k, v] of entries) flatten(v, prefix === "" ? k : `${prefix}.${k}`, out, depth + 1);
  } else {
    out.set(prefix, scalarText(value));
  }
}

/** The array of items: the document itself, or the first array property of a wrapping object ("data", "features"…). */
function itemsOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data !== "object" || data === null) return null;
  for (const value of Object.values(data)) if (Array.isArray(value)) return value;
  return null;
}

type Feature = { type: "Feature"; properties?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null };
const isFeature = (item: unknown): item is Feature => typeof item === "object" && item !== null && (item as { type?: unknown }).type === "Feature";

/** A GeoJSON feature is its properties, plus the longitude and latitude of a point. */
function featureFields(feature: Feature): Map<string, string> {
  const out = new Map<string, string>();
  flatten(feature.properties ?? {}, "", out, 0);
  const g = feature.geometry;
  if (g?.type === "Point" && Array.isArray(g.coordinates)) {
    out.set("geometry.longitude", scalarText(g.coordinates[0]));
    out.set("geometry.latitude", scalarText(g.coordinates[1]));
  }
  return out;
}

function readJson(text: string): ReadResult {
  // Before parsing: what follows walks the document recursively.
  if (jsonDepthExceeds(text)) return fail(jsonTooDeepMessage());
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`Le fichier JSON est mal formé : ${e instanceof Error ? e.message : String(e)}.`);
  }
  const items = itemsOf(data);
  if (!items) return fail("Le fichier JSON doit contenir une liste de lieux : un tableau d'objets, ou un objet qui contient ce tableau.");
  if (items.length > READ_LIMITS.rows) return tooManyRows();
  const keys = new Set<string>();
  const flat: Map<string, string>[] = [];
  for (const item of items) {
    const fields = new Map<string, string>();
    if (isFeature(item)) for (const [k, v] of featureFields(item)) fields.set(k, v);
    else if (typeof item === "object" && item !== null && !Array.isArray(item)) flatten(item, "", fields, 0);
    // Anything else (a number, a string, a list) has no columns: an empty row, skipped below.
    for (const k of fields.keys()) keys.add(k);
    if (keys.size > READ_LIMITS.columns) return tooManyColumns(keys.size);
    flat.push(fields);
  }
  const raw = [...keys];
  const columns = nameColumns(raw, (i) => `Colonne ${i + 1}`);
  return table(
    "json",
    columns,
    flat.map((fields, i) => ({ cells: raw.map((k) => fields.get(k) ?? ""), line: i + 1 })),
  );
}

// ── XLSX ────────────────────────────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, "0");

/** exceljs gives date cells as the wall-clock time in UTC. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  // Excel's day zero (1899-12-30) carries times of day only.
  if (day === "1899-12-30") return time;
  return time === "00:00" && d.getUTCSeconds() === 0 ? day : `${day} ${time}`;
}

function richText(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && "richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((r: { text?: unknown }) => (typeof r.text === "string" ? r.text : "")).join("");
  }
  return undefined;
}

/** Any cell as the text a person sees: numbers, dates, rich text, hyperlinks, formula results. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (value instanceof Date) return dateText(value);
  const rich = richText(value);
  if (rich !== undefined) return rich.trim();
  if ("hyperlink" in value) {
    // The visible text (which may itself be rich text); the address when the cell shows nothing.
    const shown = typeof value.text === "string" ? value.text : (richText(value.text) ?? "");
    return shown.trim() || String(value.hyperlink ?? "").replace(/^mailto:/i, "").trim();
  }
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? "" : cellText(result);
  }
  return ""; // { error: "#N/A" } and the like
}

/** Column letters as in the spreadsheet (1 → A, 27 → AA). */
function letters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  // Inflated under limits, and checked, before exceljs builds its model (src/platform/files, decision 007).
  const unzipped = await readZipWithLimits(bytes);
  if (!unzipped.ok) return fail(unzipped.error);
  const tooBig = checkWorkbookParts(unzipped.entries);
  if (tooBig) return fail(tooBig);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs reads exactly the files that were checked.
    await workbook.xlsx.load(storedZip(unzipped.entries) as unknown as ExcelJS.Buffer);
  } catch {
    return fail("Le classeur n'a pas pu être ouvert : enregistrez-le au format XLSX (Excel) ou CSV, puis déposez-le à nouveau.");
  }
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount === 0) continue;
    if (sheet.actualRowCount > READ_LIMITS.rows + 1) return tooManyRows();
    const rows: { cells: string[]; line: number }[] = [];
    let tooWide = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > READ_LIMITS.columns) tooWide = Math.max(tooWide, col);
        else cells[col - 1] = cellText(cell.value);
      });
      rows.push({ cells: Array.from(cells, (c) => c ?? ""), line: rowNumber });
    });
    if (tooWide > 0) return tooManyColumns(tooWide);
    const headerIndex = rows.findIndex((r) => r.cells.some((c) => c !== ""));
    const header = rows[headerIndex];
    if (!header) continue;
    const body = rows.slice(headerIndex + 1);
    const width = Math.max(header.cells.length, ...body.map((r) => r.cells.length));
    // Columns with neither a name nor a value are dropped; the others keep their letter in their name.
    const keep = Array.from({ length: width }, (_, i) => i).filter((i) => (header.cells[i] ?? "") !== "" || body.some((r) => (r.cells[i] ?? "") !== ""));
    const columns = nameColumns(
      keep.map((i) => header.cells[i] ?? ""),
      (k) => `Colonne ${letters((keep[k] ?? k) + 1)}`,
    );
    return table(
      "xlsx",
      columns,
      body.map((r) => ({ cells: keep.map((i) => r.cells[i] ?? ""), line: r.line })),
      { sheet: sheet.name },
    );
  }
  return fail("Le classeur ne contient aucune feuille remplie.");
}
