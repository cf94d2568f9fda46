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
