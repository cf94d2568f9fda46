/**
 * Value translation (decision 014): a producer's terms in an enumerated or list column become the
 * standard's values. Order of the rules, for each term of a cell:
 *   1. an exclusion of the mapping       → no value (said in the preview, not a warning);
 *   2. a rule of the mapping             → its values;
 *   3. a value of the standard's vocabulary (case, accents and spaces aside) → that value;
 *   4. the v0.1 translation table (« CNFS » → « Conseillers numériques »), when its target is this field;
 *   4b. a v0.1 value of ANOTHER enumerated field (« Seniors (+ 65 ans) » in a column mapped to services):
 *      moved to that field (`moved`), and said once per file with its count;
 *   5. otherwise the term is unknown: no value, and counted, so that the report says it ONCE with
 *      its count (one line per field, not one warning per row).
 * Pure: the preview, the import and the CLI run the same code.
 */
import { legacyValueTables, type LegacyTarget } from "../standard/legacy";
import { enumValues, type EnumFieldName, type LegacyEnumFieldName } from "../standard/schema";
import { matchCurrent, matchKey, matchLegacy } from "../standard/vocabulary";
import { closestValue } from "./fit";
import type { ValueTranslation } from "./schema";

export type TranslationSource = "rule" | "excluded" | "standard" | "v0.1" | "moved" | "close" | "unknown";
/** `moved`: values for other fields (a v0.1 term that belongs elsewhere), added to those fields. */
export type Translated = { values: string[]; source: TranslationSource; moved?: { field: EnumFieldName; value: string }[] };

const legacyFieldNames = Object.keys(legacyValueTables) as LegacyEnumFieldName[];

/** The v0.1 targets of a term that land in this field (a v0.1 label may be read in any v1 field it feeds). */
function legacyTargets(field: EnumFieldName, term: string): string[] | null {
  for (const legacy of legacyFieldNames) {
    const match = matchLegacy(legacy, term);
    if (!match) continue;
    const here = match.targets.filter((t: LegacyTarget) => t.field === field);
    // « Adultes » has no target at all: v0.1 said « everyone », which v1 says by saying nothing.
    if (here.length > 0 || match.targets.length === 0) return [...new Set(here.map((t) => t.value))];
  }
  return null;
}

/**
 * The v0.1 targets of a term that land in other enumerated fields of v1 (« Déficience visuelle », a v0.1
 * public, is a prise_en_charge_specifique): only values those fields' enumerations hold.
 */
function legacyElsewhere(field: EnumFieldName, term: string): { field: EnumFieldName; value: string }[] {
  for (const legacy of legacyFieldNames) {
    const match = matchLegacy(legacy, term);
    if (!match) continue;
    const elsewhere = match.targets.flatMap((t: LegacyTarget) =>
      t.field !== field && t.field !== "autres_formations_labels" && (enumValues(t.field) as readonly string[]).includes(t.value) ? [{ field: t.field, value: t.value }] : [],
    );
    if (elsewhere.length > 0) return elsewhere;
  }
  return [];
}

/** Rules indexed by the comparison key of their terms (built once per mapping and field). */
export type CompiledTranslation = { rules: Map<string, string[]>; exclude: Set<string>; /** Terms repeat from row to row: each is worked out once per field (bounded). */ cache: Map<string, Translated> };

export function compileTranslation(translation: ValueTranslation | undefined): CompiledTranslation {
  const rules = new Map<string, string[]>();
  for (const rule of translation?.rules ?? []) for (const term of rule.terms) rules.set(matchKey(term), [...(rules.get(matchKey(term)) ?? []), ...rule.values]);
  return { rules, exclude: new Set((translation?.exclude ?? []).map(matchKey)), cache: new Map() };
}

export function translateTerm(field: EnumFieldName, term: string, compiled: CompiledTranslation): Translated {
  const cacheKey = `${field}\u0000${term}`;
  const cached = compiled.cache.get(cacheKey);
  if (cached) return cached;
  const t = translateUncached(field, term, compiled);
  if (compiled.cache.size >= 10_000) compiled.cache.clear();
  compiled.cache.set(cacheKey, t);
  return t;
}

function translateUncached(field: EnumFieldName, term: string, compiled: CompiledTranslation): Translated {
  const key = matchKey(term);
  if (compiled.exclude.has(key)) return { values: [], source: "excluded" };
  const ruled = compiled.rules.get(key);
  if (ruled) return { values: [...new Set(ruled)], source: "rule" };
  // « Senior » for « Seniors », « Jeunes » for « Jeune »: a plural apart is the same word.
  const current = matchCurrent(field, term) ?? matchCurrent(field, `${term}s`) ?? (/s$/i.test(term) ? matchCurrent(field, term.slice(0, -1)) : null);
  if (current) return { values: [current.value], source: "standard" };
  const legacy = legacyTargets(field, term);
  if (legacy) return { values: legacy, source: "v0.1" };
  const moved = legacyElsewhere(field, term);
  if (moved.length > 0) return { values: [], source: "moved", moved };
  // Proposed by closeness in words, named in the file's report and shown in the preview, where a rule
  // or an exclusion overrides it.
  const close = closestValue(field, term);
  if (close) return { values: [close], source: "close" };
  return { values: [], source: "unknown" };
}

// Known as a whole by a rule or a vocabulary, not by closeness: « France Services, CNFS » is close to
// « France Services » but is two terms.
const known = (field: EnumFieldName, text: string, compiled: CompiledTranslation) => {
  // "moved" counts as known: a v0.1 label keeps its commas wherever it belongs.
  const source = translateTerm(field, text, compiled).source;
  return source !== "unknown" && source !== "close";
};

/**
 * The terms of a cell: split on the list separators producers use (« | », « ; », line breaks,
 * « / » between spaces); a piece that is not a known term as a whole is split again on commas
 * (a v0.1 label such as « Gratuit sous condition : … (situation familiale, convention …) » keeps
 * its commas).
 */
export function termsOf(field: EnumFieldName, cell: string, compiled: CompiledTranslation): string[] {
  return cell
    .split(/[|;\n\r]+|\s+\/\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((piece) => (known(field, piece, compiled) || !piece.includes(",") ? [piece] : piece.split(",").map((s) => s.trim()).filter(Boolean)));
}

/** The standard's values of the cells of one row for this field (in the vocabulary's order, no duplicates). */
export function translateCells(field: EnumFieldName, cells: string[], compiled: CompiledTranslation, seen?: (term: string, t: Translated) => void): string[] {
  const out = new Set<string>();
  for (const cell of cells) {
    for (const term of termsOf(field, cell, compiled)) {
      const t = translateTerm(field, term, compiled);
      seen?.(term, t);
      for (const v of t.values) out.add(v);
    }
  }
  const order = enumValues(field) as readonly string[];
  return [...out].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
