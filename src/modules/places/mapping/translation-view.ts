/**
 * What the translation preview shows: for each enumerated field fed by a column, every distinct
 * term of the file (all rows, not only the first ones), how often it occurs, what it becomes and why,
 * and the choice the form offers for it.
 */
import { enumValues, fieldSpec, isEnumField, placeFields, type EnumFieldName } from "../standard/schema";
import type { ProducerTable } from "./read";
import type { ColumnMapping } from "./schema";
import { compileTranslation, termsOf, translateTerm, type TranslationSource } from "./translate";

/** Form value of the « exclude » choice (the others: "" = automatic, or one value of the standard). */
export const EXCLUDE_CHOICE = "__exclure";
export const MAX_TERMS_SHOWN = 150;

export type TermView = {
  term: string;
  count: number;
  values: string[];
  source: TranslationSource;
  choice: string;
  /** A v0.1 term of another field: where its values go. */
  moved?: { field: EnumFieldName; value: string }[];
};
export type TranslationView = { field: EnumFieldName; title: string; columns: string[]; options: string[]; terms: TermView[]; totalTerms: number };

export const translationInput = (field: string, i: number) => `trad_${field}_${i}`;
export const translationTermInput = (field: string, i: number) => `trad_${field}_${i}_terme`;

export function translationViews(table: ProducerTable, mapping: ColumnMapping): TranslationView[] {
  const views: TranslationView[] = [];
  for (const f of placeFields) {
    if (!isEnumField(f.name) || mapping.compose?.[f.name]) continue;
    const field = f.name;
    const translation = mapping.translations?.[field];
    const columns = [mapping.fields[field], ...(translation?.columns ?? [])].filter((c): c is string => c !== undefined && table.columns.includes(c));
    if (columns.length === 0) continue;
    const compiled = compileTranslation(translation);
    const counts = new Map<string, number>();
    for (const row of table.rows) for (const c of columns) for (const term of termsOf(field, (row[c] ?? "").trim(), compiled)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const ruleOf = new Map<string, string>();
    for (const rule of translation?.rules ?? []) for (const t of rule.terms) if (rule.values.length === 1) ruleOf.set(t, rule.values[0] as string);
    const excluded = new Set(translation?.exclude ?? []);
    const terms = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"))
      .map(([term, count]): TermView => {
        const t = translateTerm(field, term, compiled);
        const choice = excluded.has(term) ? EXCLUDE_CHOICE : (ruleOf.get(term) ?? "");
        return { term, count, values: t.values, source: t.source, choice, ...(t.moved ? { moved: t.moved } : {}) };
      });
    // Unknown terms first: they are the ones to decide.
    terms.sort((a, b) => Number(b.source === "unknown") - Number(a.source === "unknown"));
    views.push({ field, title: fieldSpec(field).title, columns, options: [...enumValues(field)], terms: terms.slice(0, MAX_TERMS_SHOWN), totalTerms: terms.length });
  }
  return views;
}

/**
 * The translations posted by the preview's selects, over those the mapping already had: a term shown
 * in the table takes the form's choice (automatic = no rule); rules for terms not shown are kept.
 */
export function translationsFromForm(form: Record<string, unknown>, base: ColumnMapping["translations"]): ColumnMapping["translations"] {
  const out: NonNullable<ColumnMapping["translations"]> = {};
  for (const f of placeFields) {
    if (!isEnumField(f.name)) continue;
    const field = f.name;
    const allowed = new Set<string>(enumValues(field));
    const shown = new Set<string>();
    const rules = new Map<string, string[]>();
    const exclude: string[] = [];
    for (let i = 0; i < MAX_TERMS_SHOWN; i++) {
      const term = form[translationTermInput(field, i)];
      if (typeof term !== "string" || term === "") break;
      shown.add(term);
      const choice = form[translationInput(field, i)];
      if (choice === EXCLUDE_CHOICE) exclude.push(term);
      else if (typeof choice === "string" && allowed.has(choice)) rules.set(choice, [...(rules.get(choice) ?? []), term]);
    }
    const before = base?.[field];
    const keptRules = (before?.rules ?? []).map((r) => ({ terms: r.terms.filter((t) => !shown.has(t)), values: r.values })).filter((r) => r.terms.length > 0);
    const allRules = [...keptRules, ...[...rules].map(([value, terms]) => ({ terms, values: [value] }))];
    const allExclude = [...(before?.exclude ?? []).filter((t) => !shown.has(t)), ...exclude];
    const t = { ...(before?.columns?.length ? { columns: before.columns } : {}), ...(allRules.length ? { rules: allRules } : {}), ...(allExclude.length ? { exclude: allExclude } : {}) };
    if (Object.keys(t).length > 0) out[field] = t;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
