/**
 * Exports of a territory's actors: CSV (UTF-8 with BOM, ";" — what a French spreadsheet opens
 * directly), XLSX (exceljs) and ODS (the ODF format recommended to administrations, written by
 * ods.ts without LibreOffice). Public fields only: private contacts never reach this file.
 */
import ExcelJS from "exceljs";
import type { ExportedActor } from "./queries";
import { writeOds } from "./ods";
import { legalTypeLabels, statusLabels, worldLabels, type World } from "./validation";

export const exportFormats = {
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  ods: { type: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" },
} as const;
export type ExportFormat = keyof typeof exportFormats;

export function isExportFormat(s: string): s is ExportFormat {
  return Object.hasOwn(exportFormats, s);
}

const columns: { header: string; width: number; value: (a: ExportedActor) => string }[] = [
  { header: "Nom", width: 40, value: (a) => a.name },
  { header: "SIRET", width: 16, value: (a) => a.siret ?? "" },
  { header: "RNA", width: 12, value: (a) => a.rna ?? "" },
  { header: "Forme juridique", width: 24, value: (a) => legalTypeLabels[a.legalType] },
  { header: "Mondes", width: 30, value: (a) => a.worlds.map((w) => worldLabels[w as World] ?? w).join(", ") },
  { header: "Statut", width: 12, value: (a) => statusLabels[a.status] },
  { header: "Commune", width: 24, value: (a) => a.communeName ?? "" },
  { header: "Code INSEE", width: 10, value: (a) => a.communeCode ?? "" },
  { header: "Communes desservies", width: 40, value: (a) => a.served.join(", ") },
  { header: "Courriel", width: 30, value: (a) => a.publicEmail ?? "" },
  { header: "Téléphone", width: 16, value: (a) => a.publicPhone ?? "" },
  { header: "Site internet", width: 30, value: (a) => a.website ?? "" },
  { header: "Présentation", width: 60, value: (a) => a.description },
];

/**
 * A spreadsheet runs a cell starting with "=", "+", "-" or "@" (or a tab or carriage return before
 * one) as a formula: such a cell gets a leading "'" in every format, so that a name typed by anyone
 * can never execute in the reader's spreadsheet. A phone "+33…" is prefixed too: harmless, and safer
 * than guessing which text is "really" a number.
 */
export function neutralize(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Header then one row per actor, every cell already neutralised. */
export function exportRows(list: ExportedActor[]): string[][] {
  return [columns.map((c) => c.header), ...list.map((a) => columns.map((c) => neutralize(c.value(a))))];
}

function csvCell(cell: string): string {
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toCsv(list: ExportedActor[]): string {
  return `\uFEFF${exportRows(list)
    .map((row) => row.map(csvCell).join(";"))
    .join("\r\n")}\r\n`;
}

export async function toXlsx(list: ExportedActor[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet("Acteurs", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const [header, ...rows] = exportRows(list);
  sheet.addRow(header).font = { bold: true };
  // Strings only: a SIRET or a postcode must keep its leading zeros, never become a number.
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function toOds(list: ExportedActor[]): Uint8Array {
  return writeOds("Acteurs", exportRows(list));
}

export async function exportActors(list: ExportedActor[], format: ExportFormat): Promise<Uint8Array | string> {
  if (format === "csv") return toCsv(list);
  if (format === "xlsx") return toXlsx(list);
  return toOds(list);
}
