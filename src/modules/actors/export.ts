/**
 * Exports of a territory's actors: CSV (UTF-8 with BOM, ";" — what a French spreadsheet opens
 * directly), XLSX and ODS, written by the platform's spreadsheet writers (which neutralise cells a
 * spreadsheet would run as a formula). Public fields only: private contacts never reach this file.
 */
import { isSpreadsheetFormat, spreadsheetFormats, toCsv as csvTable, toOds as odsTable, toXlsx as xlsxTable, type SpreadsheetFormat } from "@/platform/spreadsheet";
import type { ExportedActor } from "./queries";
import { legalTypeLabels, statusLabels, worldLabels, type World } from "./validation";

export type ExportFormat = SpreadsheetFormat;
export const exportFormats: Record<ExportFormat, { type: string; extension: ExportFormat }> = {
  csv: { type: spreadsheetFormats.csv, extension: "csv" },
  xlsx: { type: spreadsheetFormats.xlsx, extension: "xlsx" },
  ods: { type: spreadsheetFormats.ods, extension: "ods" },
};
export const isExportFormat = isSpreadsheetFormat;

const SHEET = "Acteurs";

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

const header = columns.map((c) => c.header);
// Strings only: a SIRET or a postcode must keep its leading zeros, never become a number.
const rows = (list: ExportedActor[]): string[][] => list.map((a) => columns.map((c) => c.value(a)));

export function toCsv(list: ExportedActor[]): string {
  return csvTable(header, rows(list), ";");
}

export function toXlsx(list: ExportedActor[]): Promise<Uint8Array> {
  return xlsxTable(SHEET, header, rows(list), columns.map((c) => c.width));
}

export function toOds(list: ExportedActor[]): Uint8Array {
  return odsTable(SHEET, header, rows(list));
}

export async function exportActors(list: ExportedActor[], format: ExportFormat): Promise<Uint8Array | string> {
  if (format === "csv") return toCsv(list);
  if (format === "xlsx") return toXlsx(list);
  return toOds(list);
}
