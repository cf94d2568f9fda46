/**
 * How well a producer's column fits the vocabulary of an enumerated field of the standard: the share
 * of its values (list items counted one by one) that are a value of the field, a v0.1 value that the
 * translation table sends to this field, or close to one of them in words (« Etre accompagné dans
 * ses démarches administratives » shares « démarches administratives » with « Aide aux démarches
 * administratives »). Used by the suggestions: a name alone (« Mobile », « Accompagnement ») must not
 * send phone numbers or « Oui »/« Non » to an enumerated field.
 */
import { legacyValueTables, type LegacyTarget } from "../standard/legacy";
import { enumValues, isEnumField, legacyEnumValues, placeFields, type EnumFieldName, type FieldName, type LegacyEnumFieldName } from "../standard/schema";
import { matchCurrent, matchLegacy } from "../standard/vocabulary";

const legacyEnumFields = Object.keys(legacyValueTables) as LegacyEnumFieldName[];

/** Words too common in the vocabulary to tell one value from another. */
const weak = new Set(["avec", "pour", "dans", "etre", "numerique", "numeriques", "numeriqu", "sans", "tous", "toute", "toutes", "leur", "leurs", "votre", "notre", "mais", "plus", "chez", "entre", "autre", "autres"]);

// The same item is compared with every enumerated field: its words are worked out once (bounded).
const stemCache = new Map<string, string[]>();

function stems(text: string): string[] {
  const cached = stemCache.get(text);
  if (cached) return cached;
  const out = stemsOf(text);
  if (stemCache.size >= 20_000) stemCache.clear();
  stemCache.set(text, out);
  return out;
}

function stemsOf(text: string): string[] {
  const words = text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !weak.has(w));
  return [...new Set(words.map((w) => w.slice(0, 5)))];
}

/** The words of every value that ends up in the field: its own values and the v0.1 values translated to it. */
const vocabularyStems = new Map<EnumFieldName, string[][]>();
function vocabularyOf(field: EnumFieldName): string[][] {
  let out = vocabularyStems.get(field);
  if (out) return out;
  const texts: string[] = [...enumValues(field)];
  for (const legacy of legacyEnumFields) {
    const table: Record<string, LegacyTarget[]> = legacyValueTables[legacy];
    for (const value of legacyEnumValues(legacy)) {
      if ((table[value] ?? []).some((t) => t.field === field)) texts.push(value.split(" : ")[0] ?? value);
    }
  }
  out = texts.map(stems).filter((s) => s.length > 0);
  vocabularyStems.set(field, out);
  return out;
}

const yesNo = /^(oui|non|o|n|yes|no|y|vrai|faux|true|false|x|1|0)$/i;

/**
 * One value (or list item) belongs to the field, exactly, through the v0.1 table, or in words:
 * `loose`, a third of the words of the longer of the two (when the column's name already says the
 * field); otherwise two words and half of them (« Aide aux démarches dématérialisées »), so that a
 * word in common (« accès », « aide ») does not make a column of ticks a list of services.
 */
export function fitsField(field: EnumFieldName, item: string, loose = true): boolean {
  if (matchCurrent(field, item)) return true;
  for (const legacy of legacyEnumFields) {
    const m = matchLegacy(legacy, item);
    if (m && (legacy === (field as string) || m.targets.some((t) => t.field === field))) return true;
  }
  if (Array.from(item).length > 120) return false; // a paragraph is not a term
  const words = stems(item);
  if (words.length === 0) return false;
  return vocabularyOf(field).some((v) => {
    const shared = v.filter((s) => words.includes(s)).length;
    // At least a third of the longer of the two: « Accès à Internet en autonomie » fits, a sentence that mentions « ateliers » does not.
    const longer = Math.max(v.length, words.length);
    return loose ? shared > 0 && shared * 3 >= longer : shared >= Math.min(2, v.length) && shared * 2 >= longer;
  });
}

/**
 * The one standard value of the field closest in words to a producer's term, under the strict rule
 * (two words in common and half of the longer): « Etre accompagné dans ses démarches administratives »
 * → « Aide aux démarches administratives ». Null when none is close enough or when two values tie:
 * a guess between two values would change the meaning.
 */
export function closestValue(field: EnumFieldName, term: string): string | null {
  if (Array.from(term).length > 120) return null;
  const words = stems(term);
  if (words.length === 0) return null;
  let best: { value: string; shared: number } | null = null;
  let tie = false;
  for (const value of enumValues(field)) {
    const v = stems(value);
    const shared = v.filter((s) => words.includes(s)).length;
    if (shared < Math.min(2, v.length) || shared * 2 < Math.max(v.length, words.length)) continue;
    if (best && shared === best.shared) tie = true;
    else if (!best || shared > best.shared) [best, tie] = [{ value, shared }, false];
  }
  return best && !tie ? best.value : null;
}

function items(cell: string): string[] {
  return cell
    .split(/[|;\n]|\s+\/\s+|,\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Share (0 to 1) of the values that fit, list items counted one by one; a cell that fits as a whole
 * counts once (« Gratuit sous condition : …, convention … » has a comma of its own). With `stopBelow`,
 * the count stops early (and returns the share so far) once a hundred items fit less than that share.
 */
export function vocabularyFit(field: EnumFieldName, values: readonly string[], loose = true, stopBelow = 0): number {
  // Values repeat (a few dozen distinct ones in a file): each is judged once.
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let fit = 0;
  let all = 0;
  for (const [v, n] of counts) {
    if (fitsField(field, v, loose)) {
      fit += n;
      all += n;
      continue;
    }
    for (const item of items(v)) {
      all += n;
      if (fitsField(field, item, loose)) fit += n;
    }
    // A column far from the vocabulary after a hundred values will not get there: a wide file of free text
    // (200 columns × 10,000 rows) would otherwise be compared word by word for every enumerated field.
    if (all >= 100 && fit < stopBelow * all) return fit / all;
  }
  return all === 0 ? 0 : fit / all;
}

/** « Oui »/« Non » (or 1/0, x): what a column of ticks holds. */
export function yesNoShare(values: readonly string[]): number {
  return values.length === 0 ? 0 : values.filter((v) => yesNo.test(v.trim())).length / values.length;
}

export const enumFieldNames: readonly EnumFieldName[] = placeFields.map((f) => f.name as FieldName).filter(isEnumField);
