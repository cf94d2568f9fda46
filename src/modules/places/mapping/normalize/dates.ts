/**
 * Dates as producers write them, read into the standard's YYYY-MM-DD. Pure: no clock, no locale.
 * Read: ISO (with or without a time and zone), `YYYY/MM/DD hh:mm:ss(.sss)` (GIS exports),
 * `DD/MM/YYYY` (also with `-` or `.`, and a time), and Excel serial day numbers.
 */
import type { Checked } from "../../standard/values";
import { quote } from "../../standard/values";

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const time = String.raw`(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const isoLike = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${time}$`);
const dayFirst = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${time.replace("[ T]", String.raw`(?:\s+|\s*à\s*)`)}$`);
/** Serial day numbers of 1990-01-01 … 2099-12-31: outside that, a number is not an update date. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73050;
/** Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for (serials above 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: string | number, size = 2) => String(n).padStart(size, "0");

/** The date in YYYY-MM-DD, or why it cannot be read. `field` names the date in the message. */
export function normalizeDate(raw: string, field = "La date de mise à jour"): Checked<string> {
  const text = raw.trim();
  let parts: [number, number, number] | undefined;
  const iso = isoLike.exec(text);
  const fr = iso ? null : dayFirst.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) parts = [Number(fr[3]), Number(fr[2]), Number(fr[1])];
  else if (/^\d{5}(?:[.,]\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text.replace(",", ".")));
    if (serial < SERIAL_MIN || serial > SERIAL_MAX) {
      return { ok: false, message: `${field} ${quote(raw)} n'est pas une date : un nombre de jours de tableur entre 1990 et 2099 était attendu.` };
    }
    const d = new Date(EXCEL_EPOCH + serial * 86_400_000);
    parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  if (!parts || !isCalendarDate(...parts)) {
    return {
      ok: false,
      message: `${field} ${quote(raw)} n'est pas une date valide (formats lus : AAAA-MM-JJ, AAAA/MM/JJ, JJ/MM/AAAA, avec ou sans heure, ou un numéro de jour de tableur).`,
    };
  }
  return { ok: true, value: `${pad(parts[0], 4)}-${pad(parts[1])}-${pad(parts[2])}` };
}
