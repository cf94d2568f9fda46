/**
 * Limits of a workbook's content, checked on the inflated XML before the spreadsheet library builds
 * its model of it (which takes a few hundred bytes per cell): rows and columns holding a value, filled
 * cells, characters of one cell. A scan with indexOf, no XML parser and no regular expression over the
 * whole text: linear, and it stops at the first limit broken.
 */
import { formatNumber } from "@/platform/text";
import { SHEET_LIMITS, TABLE_LIMITS } from "./limits";

export type SheetLimits = { rows: number; columns: number; cells: number; cellChars: number };

const DEFAULT: SheetLimits = { rows: TABLE_LIMITS.rows + 1, columns: TABLE_LIMITS.columns, cells: SHEET_LIMITS.cells, cellChars: SHEET_LIMITS.cellChars };

export const sheetMessages = {
  rows: (limit: number) => `Le classeur compte plus de ${formatNumber(limit)} lignes remplies dans une feuille : découpez-le en plusieurs fichiers.`,
  columns: (limit: number) => `Le classeur a des valeurs au-delà de la colonne ${formatNumber(limit)} : retirez les colonnes inutiles avant de le déposer (${formatNumber(limit)} au plus).`,
  cells: (limit: number) => `Le classeur compte plus de ${formatNumber(limit)} cellules remplies : découpez-le en plusieurs fichiers.`,
  cellChars: (limit: number) => `Une cellule du classeur dépasse ${formatNumber(limit)} caractères (la limite d'Excel) : le fichier est refusé sans être lu.`,
};

/** Column number of a cell reference ("AB12" → 28), or 0 if there is none. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Local name of the tag starting at `lt` ("<x:row …>" → "row"); "" for closing tags, comments, declarations. */
function tagName(xml: string, lt: number, gt: number): string {
  const first = xml.charCodeAt(lt + 1);
  if (first === 0x2f /* / */ || first === 0x3f /* ? */ || first === 0x21 /* ! */) return "";
  let end = lt + 1;
  while (end < gt) {
    const c = xml.charCodeAt(end);
    if (c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
    end++;
  }
  const name = xml.slice(lt + 1, end);
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Checks one XML part of a workbook: a worksheet (rows, columns, cells, cell text) or the shared
 * strings (length of each string). Returns the French sentence of the first limit broken, or null.
 */
export function checkSheetXml(xml: string, limits: SheetLimits = DEFAULT): string | null {
  let rows = 0;
  let cells = 0;
  let rowCounted = false;
  let cellColumn = 0;
  let cellCounted = false;
  let cellsInRow = 0;
  let text = 0;
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt === -1) break;
    // Text between tags: a cell's value, formula or string (escaped, so a little longer than shown).
    text += lt - pos;
    if (text > limits.cellChars) return sheetMessages.cellChars(limits.cellChars);
    const gt = xml.indexOf(">", lt);
    if (gt === -1) break;
    const name = tagName(xml, lt, gt);
    if (name === "row") {
      rowCounted = false;
      cellsInRow = 0;
      text = 0;
    } else if (name === "c") {
      cellsInRow++;
      const r = /\br="([A-Z]{1,4})\d*"/.exec(xml.slice(lt, gt));
      cellColumn = r?.[1] ? columnOf(r[1]) : cellsInRow;
      cellCounted = false;
      text = 0;
    } else if (name === "si") {
      text = 0;
    } else if ((name === "v" || name === "t" || name === "is") && !cellCounted && cellColumn > 0) {
      // A cell counts once it holds a value (a styled empty cell does not).
      cellCounted = true;
      if (++cells > limits.cells) return sheetMessages.cells(limits.cells);
      if (cellColumn > limits.columns) return sheetMessages.columns(limits.columns);
      if (!rowCounted) {
        rowCounted = true;
        if (++rows > limits.rows) return sheetMessages.rows(limits.rows - 1);
      }
    }
    pos = gt + 1;
  }
  return null;
}

/** The parts of a workbook that hold cells and strings. */
export const isSheetPart = (name: string) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(name);

/** Checks every worksheet and the shared strings of an inflated workbook. */
export function checkWorkbookParts(entries: Map<string, Buffer>, limits: SheetLimits = DEFAULT): string | null {
  for (const [name, data] of entries) {
    if (!isSheetPart(name)) continue;
    const error = checkSheetXml(data.toString("utf8"), limits);
    if (error) return error;
  }
  return null;
}
