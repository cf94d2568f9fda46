/** Lower-case, accent-free, punctuation-light form used to search names ("Angoulême" ~ "angouleme"). */
export function normalizeSearch(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[-'’_.,;/()]/g, " ")
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte")
    .replace(/\s+/g, " ")
    .trim();
}

/** URL-safe slug from a name: "Grand Cognac" -> "grand-cognac". */
export function slugify(input: string): string {
  return normalizeSearch(input).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
}

const numberFormat = new Intl.NumberFormat("fr-FR");
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
export function formatDateTime(d: Date): string {
  return dateTimeFormat.format(d);
}

/**
 * A phone number the way people read it: "+33545361950" or "0545361950" → "05 45 36 19 50".
 * Short numbers (3949), foreign numbers and anything odd are returned unchanged: a wrong regrouping would mislead.
 */
export function formatPhone(phone: string): string {
  const compact = phone.trim().replace(/[\s.\-()]/g, "");
  const m = /^(?:\+33|0033|0)([1-9])(\d{8})$/.exec(compact);
  if (!m) return phone;
  const [, first = "", rest = ""] = m;
  return `0${first} ${(rest.match(/\d\d/g) ?? []).join(" ")}`;
}

/** The number for a tel: link: digits and a leading +, as stored (E.164 stays E.164). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** French plural: 0 and 1 take the singular ("0 lieu", "1 lieu", "2 lieux"). */
export function plural(n: number, singular: string, pluralForm: string): string {
  return Math.abs(n) < 2 ? singular : pluralForm;
}

/** "3 lieux", "1 lieu", "0 lieu": the count and the word that agrees with it. */
export function countOf(n: number, singular: string, pluralForm: string): string {
  return `${n} ${plural(n, singular, pluralForm)}`;
}

const longDateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const calendarDateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * "6 avril 2026", "1er mai 2026": a day as people write it. A "YYYY-MM-DD" string is a calendar day (the
 * standard's date_maj, form dates) and is read as such, never shifted by a time zone; an instant is read in Paris.
 * Anything else is returned unchanged rather than guessed.
 */
export function formatDate(value: Date | string): string {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    text = longDateFormat.format(value);
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!m || !day || day.getUTCDate() !== Number(m[3])) return value;
    text = calendarDateFormat.format(day);
  }
  return text.replace(/^1 /, "1er ");
}
