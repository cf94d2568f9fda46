/**
 * Tables written as CSV, XLSX or ODS, the three formats people ask for (ODF is the format recommended
 * to French administrations). Numbers stay numbers in XLSX and ODS; text cells that a spreadsheet would
 * run as a formula (=, +, -, @) get a leading "'" in every format.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { ODS_MIMETYPE, writeOds, writeOdsBook, type OdsCell } from "./ods";

export type Cell = string | number | null;
export const spreadsheetFormats = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: ODS_MIMETYPE,
} as const;
export type SpreadsheetFormat = keyof typeof spreadsheetFormats;

/** Own keys only: `in` would also accept "constructor" or "toString" from a URL segment. */
export function isSpreadsheetFormat(s: string): s is SpreadsheetFormat {
  return Object.hasOwn(spreadsheetFormats, s);
}

export function neutralizeCell(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: Cell, delimiter: string): string {
  if (cell === null) return "";
  const text = String(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM (spreadsheets then read UTF-8), numbers with a dot: the machine-readable form. */
export function toCsv(header: string[], rows: Cell[][], delimiter = ","): string {
  return `\uFEFF${[header, ...rows.map((r) => r.map(neutralizeCell))].map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][], widths: number[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header.map((_, i) => ({ width: widths[i] ?? 14 }));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(neutralizeCell));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function toOds(sheetName: string, header: string[], rows: Cell[][]): Uint8Array {
  return writeOds(sheetName, [header, ...rows.map((r) => r.map(neutralizeCell) as OdsCell[])]);
}

export async function writeSpreadsheet(format: SpreadsheetFormat, sheetName: string, header: string[], rows: Cell[][], widths?: number[]): Promise<Uint8Array | string> {
  if (format === "csv") return toCsv(header, rows);
  if (format === "xlsx") return toXlsx(sheetName, header, rows, widths);
  return toOds(sheetName, header, rows);
}

/** One sheet of a workbook: a header row then data rows (numbers stay numbers). */
export type Sheet = { name: string; header: string[]; rows: Cell[][]; widths?: number[] };

/**
 * A workbook of several sheets, one per view of a document (the action plan's exports). Written with exceljs'
 * streaming writer: each row is committed (turned into XML and zipped) as it is added, instead of building the
 * whole workbook's model first and then its XML (a 2,000-action plan is ~45,000 rows: the whole model took
 * ~+300 MB of server memory per export, bench/RESULTS.md).
 */
export async function toXlsxBook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = "Maillage";
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = s.header.map((_, i) => ({ width: s.widths?.[i] ?? 14 }));
    const head = sheet.addRow(s.header);
    head.font = { bold: true };
    head.commit();
    for (const row of s.rows) sheet.addRow(row.map(neutralizeCell)).commit();
    sheet.commit();
  }
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

export function toOdsBook(sheets: readonly Sheet[]): Uint8Array {
  return writeOdsBook(sheets.map((s) => ({ name: s.name, rows: [s.header, ...s.rows.map((r) => r.map(neutralizeCell) as OdsCell[])] })));
}
