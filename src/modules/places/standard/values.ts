/**
 * Checks of single values that the schema types or describes (numbers, date, phone, emails, URLs,
 * codes) beyond its regexes. Each check either returns the value in its standard form, with a
 * `note` when it had to be rewritten, or says why it is wrong. Messages are French, for producers.
 */
import OpeningHours from "opening_hours";

export type Checked<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const ok = <T>(value: T, note?: string): Checked<T> => (note === undefined ? { ok: true, value } : { ok: true, value, note });
const bad = <T>(message: string): Checked<T> => ({ ok: false, message });

/** Quotes a value inside a message, shortened so a pasted paragraph doesn't drown the report. */
export function quote(value: string): string {
  const chars = Array.from(value);
  return `« ${chars.length > 80 ? `${chars.slice(0, 77).join("")}…` : value} »`;
}

/** Numbers from JSON, or text with a decimal point or comma ("45,68" from French spreadsheets). */
export function checkCoordinate(raw: unknown, kind: "latitude" | "longitude"): Checked<number> {
  const limit = kind === "latitude" ? 90 : 180;
  const n = typeof raw === "number" ? raw : /^[-+]?\d+([.,]\d+)?$/.test(String(raw).trim()) ? Number(String(raw).trim().replace(",", ".")) : NaN;
  if (!Number.isFinite(n)) return bad(`La ${kind} ${quote(String(raw))} n'est pas un nombre.`);
  if (Math.abs(n) > limit) return bad(`La ${kind} ${quote(String(raw))} sort de l'intervalle [-${limit}, ${limit}] du système WGS84.`);
  return ok(n);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO YYYY-MM-DD; also reads DD/MM/YYYY and ISO timestamps, which producers often send. */
export function checkDate(text: string): Checked<string> {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d || !isCalendarDate(Number(y), Number(m), Number(d))) {
    return bad(`La date de mise à jour ${quote(text)} n'est pas une date valide au format AAAA-MM-JJ.`);
  }
  const value = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (value !== text) return ok(value, `La date ${quote(text)} a été lue comme ${quote(value)} (format attendu : AAAA-MM-JJ).`);
  // Exported timestamps of 0 show up as the first day of Unix time: a real date, but not a real update.
  if (value === "1970-01-01" || value === "1969-12-31") {
    return ok(value, `La date de mise à jour ${quote(value)} est la date zéro des ordinateurs : la vraie date de mise à jour est probablement inconnue.`);
  }
  return ok(value);
}

/** Overseas numbers written the French way (0590…) keep their own country code, as the schema lists them. */
const overseasPrefixes: [RegExp, string][] = [
  [/^0(590|690|691)/, "+590"],
  [/^0(594|694)/, "+594"],
  [/^0(262|263|692|693|269|639)/, "+262"],
  [/^0(596|696|697)/, "+596"],
];
/** Six-digit local numbers of the Pacific and Saint-Pierre, recognised by the postcode of the place. */
const localCodes: [string, string][] = [
  ["988", "+687"],
  ["987", "+689"],
  ["975", "+508"],
  ["986", "+681"],
];
const phonePattern = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/;

export function checkPhone(text: string, codePostal: string | undefined): Checked<string> {
  const compact = text.replace(/[\s.\-()/]/g, "").replace(/^00/, "+");
  let value = compact;
  if (/^0\d{9}$/.test(compact)) {
    const overseas = overseasPrefixes.find(([re]) => re.test(compact));
    value = `${overseas ? overseas[1] : "+33"}${compact.slice(1)}`;
  } else if (/^\d{6}$/.test(compact)) {
    const local = localCodes.find(([prefix]) => codePostal?.startsWith(prefix));
    if (local) value = `${local[1]}${compact}`;
  } else if (/^\+33 ?0/.test(compact)) {
    value = `+33${compact.slice(4)}`;
  }
  if (!phonePattern.test(value)) {
    return bad(`Le numéro de téléphone ${quote(text)} n'est pas au format international attendu (par exemple +33180059880) : il est ignoré.`);
  }
  return value === text ? ok(value) : ok(value, `Le numéro de téléphone ${quote(text)} a été écrit au format international : ${quote(value)}.`);
}

/**
 * Deliberately strict: a letter or digit first, so that no accepted address can start with
 * "=", "+", "-" or "@" and be taken for a formula once exported (export.ts leaves this field alone).
 */
const emailPattern = /^[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function checkEmail(text: string): Checked<string> {
  const value = text.replace(/^mailto:/i, "");
  if (!emailPattern.test(value)) return bad(`L'adresse électronique ${quote(text)} n'est pas valide : elle est ignorée.`);
  return ok(value);
}

/** http(s) only: these links are shown to the public; "www.…" gets its missing scheme. */
export function checkUrl(text: string): Checked<string> {
  const value = /^www\./i.test(text) ? `https://${text}` : text;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(`L'adresse web ${quote(text)} n'est pas valide : elle est ignorée.`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname.includes(".") || /\s/.test(value)) {
    return bad(`L'adresse web ${quote(text)} n'est pas une adresse http(s) valide : elle est ignorée.`);
  }
  return value === text ? ok(value) : ok(value, `L'adresse web ${quote(text)} a été complétée en ${quote(value)}.`);
}

/** Postcodes and INSEE codes lose their leading zero in spreadsheets ("1000" for 01000). */
export function padCode(text: string): { value: string; padded: boolean } {
  return /^\d{4}$/.test(text) ? { value: `0${text}`, padded: true } : { value: text, padded: false };
}

/**
 * OpenStreetMap opening_hours syntax, as the schema asks. The library reads many near misses
 * ("Lundi 9h-12h") with warnings and can write them properly ("Mo 09:00-12:00"): we take that form.
 * Hours it cannot read at all are kept as written (they still inform people) but reported.
 */
// Parsing opening hours is the costliest step of an import (the library tries fuzzy corrections),
// and files repeat the same few schedules: remember the verdict per distinct text.
const hoursVerdicts = new Map<string, { value: string; note?: string }>();

export function checkOpeningHours(text: string): { value: string; note?: string } {
  const known = hoursVerdicts.get(text);
  if (known) return known;
  const verdict = parseOpeningHours(text);
  if (hoursVerdicts.size > 20_000) hoursVerdicts.clear();
  hoursVerdicts.set(text, verdict);
  return verdict;
}

function parseOpeningHours(text: string): { value: string; note?: string } {
  const example = "« Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00 »";
  try {
    const hours = new OpeningHours(text, null, 0); // mode 0: time ranges, the form the schema documents
    if (hours.getWarnings().length === 0) return { value: text };
    const value = hours.prettifyValue();
    return { value, note: `Les horaires ${quote(text)} ont été réécrits au format OpenStreetMap : ${quote(value)}.` };
  } catch {
    return { value: text, note: `Les horaires ${quote(text)} ne suivent pas le format OpenStreetMap (par exemple ${example}) : ils sont gardés tels quels.` };
  }
}
