/**
 * Reads the bytes of a places file (CSV or JSON) into raw records, without judging their content.
 * Never throws: input that cannot be read at all yields no record and one file-level error issue.
 */
import { readCsvRecords } from "@/platform/files/csv";
import { TABLE_LIMITS } from "@/platform/files/limits";
import { jsonDepthExceeds, jsonTooDeepMessage } from "@/platform/files/json";
import { formatNumber } from "@/platform/text";
import type { Issue } from "./schema";

/** Places one file may hold: past that, the file is refused before any line is checked. */
export const MAX_PLACES_PER_FILE = TABLE_LIMITS.rows;
export const tooManyPlacesMessage = () =>
  `Le fichier compte plus de ${formatNumber(MAX_PLACES_PER_FILE)} lieux : découpez-le en plusieurs fichiers (par département, par exemple) et importez-les l'un après l'autre. Rien n'a été enregistré.`;

/** Field values as found: strings from CSV; any JSON value from JSON. A Map, so "__proto__" is just a key. */
export type RawRecord = { line: number; fields: Map<string, unknown>; extraCells: number; notAnObject: boolean };

export type ParsedFile = {
  format: "csv" | "json" | null;
  encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" | null;
  delimiter: string | null;
  records: RawRecord[];
  /** File-level problems; an error here means nothing could be read. */
  issues: Issue[];
};

export function fileIssue(message: string, level: Issue["level"] = "error", field = ""): Issue {
  return { line: 0, id: "", field, level, message };
}

function failure(message: string, partial: Partial<ParsedFile> = {}): ParsedFile {
  return { format: null, encoding: null, delimiter: null, ...partial, records: [], issues: [fileIssue(message)] };
}

/**
 * UTF-8 unless the bytes are not valid UTF-8, in which case they are Windows-1252 (what Excel writes
 * in France); a BOM decides first. Legacy single-byte files can't be told apart from each other,
 * and 1252 is a superset of Latin-1 for printable characters, so it is the safest guess.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: NonNullable<ParsedFile["encoding"]> } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Bytes 0x80–0x9F of Windows-1252 (€, ’, œ, …); the five holes stay as C1 controls, as in WHATWG. */
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * By hand because Node's TextDecoder("windows-1252") decodes as Latin-1 (0x92 becomes a control
 * character instead of "’"); every other byte is its own code point.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? (cp1252High[b - 0x80] ?? "") : String.fromCharCode(b);
  return text;
}

/**
 * Replaces a parsed JSON document by the records to read (data·inclusion: structures and services
 * become the standard's records), or leaves it (undefined). Given the document JSON.parse made, so
 * that a file is parsed once whatever it turns out to be.
 */
export type JsonReader = (data: unknown) => unknown[] | undefined;

export function parseFile(bytes: Uint8Array, filename = "", reader?: JsonReader): ParsedFile {
  try {
    return parseUnsafe(bytes, filename, reader);
  } catch (e) {
    // Last resort: the readers below handle bad input themselves; this only guards against a library bug.
    return failure(`Le fichier n'a pas pu être lu (${e instanceof Error ? e.message : String(e)}).`);
  }
}

function parseUnsafe(bytes: Uint8Array, filename: string, reader: JsonReader | undefined): ParsedFile {
  const { text, encoding } = decode(bytes);
  if (text.trim() === "") return failure("Le fichier est vide.", { encoding });
  // Text files have no NUL characters; a spreadsheet (.xlsx, .ods) or an image does.
  if (text.includes("\u0000")) {
    return failure("Ce fichier n'est pas un fichier texte : enregistrez-le au format CSV (séparateur « ; » ou « , ») ou JSON.", { encoding });
  }
  const first = text.trimStart()[0];
  const json = /\.(geo)?json$/i.test(filename) || first === "[" || first === "{";
  return json ? readJson(text, encoding, reader) : readCsv(text, encoding);
}

function readJson(text: string, encoding: NonNullable<ParsedFile["encoding"]>, reader: JsonReader | undefined): ParsedFile {
  // Before parsing: the checks after it walk values recursively.
  if (jsonDepthExceeds(text)) return failure(jsonTooDeepMessage(), { format: "json", encoding });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return failure(`Le fichier JSON est mal formé : ${detail}.`, { format: "json", encoding });
  }
  const items = reader?.(data) ?? recordsOf(data);
  if (!items) {
    return failure("Le fichier JSON doit contenir une liste de lieux (un tableau d'objets, ou un objet qui contient ce tableau).", {
      format: "json",
      encoding,
    });
  }
  if (items.length > MAX_PLACES_PER_FILE) return failure(tooManyPlacesMessage(), { format: "json", encoding });
  const records = items.map((item, index): RawRecord => {
    const object = featureProperties(item) ?? item;
    const isObject = typeof object === "object" && object !== null && !Array.isArray(object);
    return new JsonRecord(index + 1, isObject ? (object as Record<string, unknown>) : null);
  });
  return { format: "json", encoding, delimiter: null, records, issues: [] };
}

/**
 * A JSON record whose map of fields is made when first read: the objects JSON.parse made are already
 * there, and 20,000 maps copied from them at once would double the file's weight in memory.
 */
class JsonRecord implements RawRecord {
  readonly extraCells = 0;
  readonly notAnObject: boolean;
  private map: Map<string, unknown> | undefined;
  constructor(
    readonly line: number,
    private readonly object: Record<string, unknown> | null,
  ) {
    this.notAnObject = object === null;
  }
  get fields(): Map<string, unknown> {
    return (this.map ??= new Map(this.object ? Object.entries(this.object) : []));
  }
  names(): string[] {
    return this.object ? Object.keys(this.object) : [];
  }
}

/** The field names of a record, without making its map of fields. */
export function fieldNamesOf(record: RawRecord): Iterable<string> {
  return record instanceof JsonRecord ? record.names() : record.fields.keys();
}

/** The array of places: the document itself, or the first array property of a wrapping object ("data", "features"…). */
function recordsOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data !== "object" || data === null) return null;
  for (const value of Object.values(data)) if (Array.isArray(value)) return value;
  return null;
}

/** GeoJSON features carry the place in `properties`. */
function featureProperties(item: unknown): unknown {
  if (typeof item !== "object" || item === null || !("type" in item) || item.type !== "Feature") return undefined;
  return "properties" in item ? item.properties : undefined;
}

function readCsv(original: string, encoding: NonNullable<ParsedFile["encoding"]>): ParsedFile {
  const read = readCsvRecords(original);
  const { delimiter } = read;
  if (!read.ok) return failure(read.error, { format: "csv", encoding, delimiter });
  const [header, ...body] = read.records;
  if (!header) return failure("Le fichier CSV ne contient aucune ligne.", { format: "csv", encoding, delimiter });
  if (body.length > MAX_PLACES_PER_FILE) return failure(tooManyPlacesMessage(), { format: "csv", encoding, delimiter });
  if (header.cells.length > TABLE_LIMITS.columns) {
    return failure(`Le fichier compte ${formatNumber(header.cells.length)} colonnes, plus que les ${TABLE_LIMITS.columns} permises : le standard en a une trentaine, retirez les autres.`, { format: "csv", encoding, delimiter });
  }
  const columns = header.cells.map((c) => c.trim());
  const records = body.map((row): RawRecord => {
    const fields = new Map<string, unknown>();
    columns.forEach((column, i) => {
      const cell = row.cells[i];
      // The first of two columns with the same name wins; normalize.ts reports the duplicate once.
      if (cell !== undefined && !fields.has(column)) fields.set(column, cell);
    });
    return { line: row.line, fields, extraCells: Math.max(0, row.cells.length - columns.length), notAnObject: false };
  });
  return { format: "csv", encoding, delimiter, records, issues: [] };
}
