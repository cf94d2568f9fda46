/**
 * The one CSV reader of the tables people upload (places in the national standard, a producer's own
 * table before its columns are mapped): delimiter guessed from the header line, csv-parse with the
 * same tolerance everywhere, the limits of limits.ts, and the line where each record starts so that
 * reports can point into the file. What to do with the records (names, limits' wording) is the
 * caller's.
 */
import { parse } from "csv-parse/sync";
import { formatNumber } from "@/platform/text";
import { CSV_MAX_RECORD_CHARS, TABLE_LIMITS } from "./limits";

/** The delimiter that occurs most often in the header line, outside quotes (ties go to ","). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** One record: its cells as written (not trimmed), and the physical line of the file where it starts (1 = first line). */
export type CsvRecord = { cells: string[]; line: number };

/**
 * `records[0]` is the header. At most TABLE_LIMITS.rows + 2 records are read (header, the most rows
 * allowed, one more): enough for the caller to refuse a file that is too long without reading it all.
 */
export type CsvRead = { ok: true; delimiter: string; records: CsvRecord[] } | { ok: false; delimiter: string; error: string };

type CsvRow = { record: string[]; raw: string; info: { lines: number } };

export function readCsvRecords(original: string): CsvRead {
  // One kind of line break: csv-parse miscounts lines with CRLF, and multi-line cells end up with "\n" anyway.
  const text = original.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let rows: CsvRow[];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      info: true,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // A quote never closed would otherwise make the rest of the file one growing cell.
      max_record_size: CSV_MAX_RECORD_CHARS,
      to: TABLE_LIMITS.rows + 2,
    }) as unknown as CsvRow[]; // the typings don't model the `info` + `raw` output shape
  } catch (e) {
    if (e instanceof Error && "code" in e && e.code === "CSV_MAX_RECORD_SIZE") {
      return { ok: false, delimiter, error: `Une ligne du fichier CSV dépasse ${formatNumber(CSV_MAX_RECORD_CHARS)} caractères (souvent un guillemet « " » jamais fermé) : le fichier est refusé.` };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, delimiter, error: `Le fichier CSV est mal formé (souvent un guillemet « " » non fermé) : ${detail.slice(0, 300)}.` };
  }
  return { ok: true, delimiter, records: rows.map((row) => ({ cells: row.record, line: startLine(row) })) };
}

/**
 * csv-parse reports the line where a record *ends*; a quoted cell may span several lines, and the
 * raw text may start with skipped blank lines, so we count back the line breaks inside the record.
 */
function startLine(row: CsvRow): number {
  const inner = row.raw.replace(/^\n+/, "").replace(/\n$/, "");
  const breaks = inner.match(/\n/g)?.length ?? 0;
  return row.info.lines - breaks;
}
