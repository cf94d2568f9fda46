/**
 * Readers of single fields whose rules go beyond "text": required fields, the pivot, postcodes and
 * INSEE codes, the short presentation, lists of checked values (emails, URLs) and the update date.
 */
import type { Context } from "./context";
import { PIVOT_PLACEHOLDER, charLength, fieldSpec, schemaRegex, type FieldName } from "./schema";
import { normalizeDate } from "../mapping/normalize/dates";
import { checkDate, padCode, quote, type Checked } from "./values";

/** Applies a check to an optional value: kept (with a warning if rewritten) or dropped with a warning. */
export function optional<T>(ctx: Context, field: FieldName, checked: Checked<T>): T | undefined {
  if (!checked.ok) return ctx.warn(field, checked.message), undefined;
  if (checked.note) ctx.warn(field, checked.note);
  return checked.value;
}

export function required(ctx: Context, input: Map<string, string>, field: FieldName): string | undefined {
  const value = input.get(field);
  if (value === undefined) ctx.fail(field, `Le champ obligatoire « ${field} » (${fieldSpec(field).title}) est absent ou vide.`);
  return value;
}

export function readPivot(ctx: Context, input: Map<string, string>): string | undefined {
  const raw = required(ctx, input, "pivot");
  if (raw === undefined) return undefined;
  const value = raw.replace(/[\s.]/g, "");
  // The placeholder is a file-wide condition more often than not (a whole export without SIRET):
  // FileChecker reports it once, with the lines, instead of one warning per place.
  if (value === PIVOT_PLACEHOLDER) return undefined;
  if (!schemaRegex("pivot")?.test(value)) {
    ctx.fail("pivot", `Le pivot ${quote(raw)} n'est ni un SIRET (14 chiffres), ni un numéro RNA (W suivi de 9 chiffres), ni un RIDET : 9 à 14 lettres ou chiffres attendus.`);
    return undefined;
  }
  if (value !== raw) ctx.warn("pivot", `Le pivot ${quote(raw)} a été lu sans espaces ni points : ${quote(value)}.`);
  return value;
}

export function readCode(ctx: Context, input: Map<string, string>, field: "code_postal" | "code_insee"): string | undefined {
  const raw = field === "code_postal" ? required(ctx, input, field) : input.get(field);
  if (raw === undefined) return undefined;
  const { value, padded } = padCode(raw);
  const label = field === "code_postal" ? "Le code postal" : "Le code INSEE";
  if (!schemaRegex(field)?.test(value)) {
    const message = `${label} ${quote(raw)} n'est pas valide (${field === "code_postal" ? "5 chiffres attendus" : "code officiel géographique de la commune attendu, par exemple 16015 ou 2A004"}).`;
    if (field === "code_postal") ctx.fail(field, message);
    else ctx.warn(field, `${message} Il est ignoré.`);
    return undefined;
  }
  if (padded) ctx.warn(field, `${label} ${quote(raw)} a perdu son zéro initial (tableur ?) : il a été lu comme ${quote(value)}.`);
  return value;
}

/** maxLength 280 since v1 (500 in v0.1): the full text moves to presentation_detail when that is empty. */
export function readResume(ctx: Context, input: Map<string, string>): { resume?: string; detail?: string } {
  const resume = input.get("presentation_resume");
  const detail = input.get("presentation_detail");
  const max = fieldSpec("presentation_resume").maxLength ?? Infinity;
  if (resume === undefined || charLength(resume) <= max) return { resume, detail };
  const chars = Array.from(resume);
  const cut = chars.slice(0, max - 1).join("");
  const shortened = `${cut.replace(/\s+\S*$/, "") || cut}…`;
  ctx.warn(
    "presentation_resume",
    `Le résumé fait ${chars.length} caractères, plus que les ${max} permis : il a été raccourci` +
      (detail === undefined ? " et le texte complet a été placé dans « presentation_detail »." : "."),
  );
  return { resume: shortened, detail: detail ?? resume };
}

/**
 * One warning per cell, not per word: a cell of prose split on spaces ("écrire à contact@x.fr ou
 * passer") would otherwise report each word. A single refused item keeps its own message.
 */
export function readList<T>(ctx: Context, field: FieldName, text: string | undefined, split: RegExp, check: (item: string) => Checked<T>): T[] | undefined {
  if (text === undefined) return undefined;
  const out: T[] = [];
  const refused: string[] = [];
  let firstRefusal = "";
  for (const item of text.split(split).map((s) => s.trim()).filter((s) => s !== "")) {
    const checked = check(item);
    if (!checked.ok) {
      refused.push(item);
      firstRefusal ||= checked.message;
      continue;
    }
    if (checked.note) ctx.warn(field, checked.note);
    if (!out.includes(checked.value)) out.push(checked.value);
  }
  if (refused.length === 1) ctx.warn(field, firstRefusal);
  else if (refused.length > 1) {
    const kept = out.length === 0 ? "rien n'est gardé" : `seul${out.length > 1 ? "s" : ""} ${out.map((v) => quote(String(v))).join(", ")} ${out.length > 1 ? "sont gardés" : "est gardé"}`;
    ctx.warn(field, `Dans la cellule ${quote(text)} du champ « ${field} », ${refused.length} éléments ne sont pas valides (${quote(refused.join(" "))}) : ${kept}.`);
  }
  return out.length > 0 ? out : undefined;
}

/** The standard's forms first (with their notes), then the producers' usual ones (YYYY/MM/DD hh:mm:ss, Excel serials…). */
export function dateOf(ctx: Context, text: string): string | undefined {
  let checked = checkDate(text);
  if (!checked.ok) {
    const read = normalizeDate(text);
    checked = read.ok ? { ok: true, value: read.value, note: `La date ${quote(text)} a été lue comme ${quote(read.value)} (format attendu : AAAA-MM-JJ).` } : read;
  }
  if (!checked.ok) return ctx.fail("date_maj", checked.message), undefined;
  if (checked.note) ctx.warn("date_maj", checked.note);
  return checked.value;
}
