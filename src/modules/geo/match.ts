import { normalizeSearch } from "@/platform/text";

/**
 * What the person typed, matched against the communes (pure: the caller passes the table). Shared by
 * /aide (orientation) and every commune field of the forms (written.ts).
 * People write "16200", "Angoulême", "Angoulême 16000", "jarnak": a postcode offers every commune
 * it serves (16200 serves 19 communes, the small ones included), an INSEE code is a last resort
 * (Chirac's INSEE code is 16100, but 16100 is Cognac's postcode: the postcode is what people mean),
 * and a name nobody has gets the closest names as suggestions.
 */
export type MatchableCommune = { code: string; name: string; postcodes: readonly string[]; departement: string; population: number; /** normalizeSearch(name), when already known. */ search?: string };

export type CommuneMatch<C> = { kind: "found"; commune: C } | { kind: "choose"; choices: C[]; more: boolean } | { kind: "suggest"; choices: C[] } | { kind: "unknown" };

export const MAX_CHOICES = 15;
const MAX_SUGGESTIONS = 5;

/** Edit distance (insertions, deletions, substitutions), giving up above `max`: enough for typos. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two rows of the classic table, reused: this runs over every commune name when a typo is searched.
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** Typos allowed for a name of this length: none for short names (too many near neighbours). */
function tolerance(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const byPopulation = <C extends MatchableCommune>(a: C, b: C) => b.population - a.population || a.name.localeCompare(b.name, "fr");

export function matchCommunes<C extends MatchableCommune>(table: Iterable<C>, text: string): CommuneMatch<C> {
  const all = [...table];
  const trimmed = text.trim();
  const code = /\b(\d[\dAB]\d{3})\b/i.exec(trimmed)?.[1]?.toUpperCase();
  const name = normalizeSearch(trimmed.replace(/\b\d[\dAB]\d{3}\b/gi, " "));
  if (code) {
    let found = all.filter((c) => c.postcodes.includes(code));
    if (found.length === 0) found = all.filter((c) => c.code === code);
    if (name !== "") {
      // "Angoulême 16000": the name picks among the communes of the postcode.
      const named = found.filter((c) => normalizeSearch(c.name) === name);
      const starting = named.length ? named : found.filter((c) => normalizeSearch(c.name).startsWith(name));
      // "Châtain 23700": producers drop the first words of a compound name (Arfeuille-Châtain); whole words only.
      const ending = starting.length ? starting : found.filter((c) => normalizeSearch(c.name).endsWith(` ${name}`));
      if (ending.length) found = ending;
    }
    found.sort(byPopulation);
    if (found.length === 1 && found[0]) return { kind: "found", commune: found[0] };
    // Every commune of the postcode is offered, however many: a small one left out cannot be found at all.
    if (found.length > 1) return { kind: "choose", choices: found, more: false };
    return { kind: "unknown" };
  }
  if (name === "") return { kind: "unknown" };
  // 35,000 names: the table usually carries them normalised already (memory.ts).
  const normalized = all.map((c) => ({ c, n: c.search ?? normalizeSearch(c.name) }));
  const exact = normalized.filter((x) => x.n === name).map((x) => x.c);
  if (exact.length === 1 && exact[0]) return { kind: "found", commune: exact[0] };
  const starting = normalized.filter((x) => x.n !== name && x.n.startsWith(name)).map((x) => x.c);
  const containing = name.length >= 3 ? normalized.filter((x) => !x.n.startsWith(name) && x.n.includes(name)).map((x) => x.c) : [];
  const choices = [...exact.sort(byPopulation), ...starting.sort(byPopulation), ...containing.sort(byPopulation)];
  if (choices.length === 1 && choices[0]) return { kind: "found", commune: choices[0] };
  if (choices.length > 1) return { kind: "choose", choices: choices.slice(0, MAX_CHOICES), more: choices.length > MAX_CHOICES };
  const allowed = tolerance(name.length);
  if (allowed === 0) return { kind: "unknown" };
  const near = normalized
    // Against the whole name and against its beginning: "Barbesieux" is a typo of "Barbezieux-Saint-Hilaire".
    .map((x) => ({ c: x.c, d: Math.min(editDistance(name, x.n, allowed), editDistance(name, x.n.slice(0, name.length), allowed)) }))
    .filter((x) => x.d <= allowed)
    .sort((a, b) => a.d - b.d || byPopulation(a.c, b.c))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.c);
  return near.length ? { kind: "suggest", choices: near } : { kind: "unknown" };
}
