import { parse } from "csv-parse/sync";

/**
 * Reads a CSV file with a header row into one record per row (RFC 4180: quoted
 * fields, doubled quotes, CRLF). The IFN files happen to need none of it today,
 * but commune names may contain commas. Blank lines are skipped; a row with
 * another number of fields than the header is an error, not a guess (checked
 * here rather than by csv-parse, to name the row and both counts).
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parse(text, { skip_empty_lines: true, relax_column_count: true }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error("empty CSV");
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV row ${index + 2}: ${row.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""]));
  });
}
