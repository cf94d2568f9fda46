/**
 * French phone numbers as spreadsheets leave them: a 9-digit number has lost its leading 0 (the
 * cell was read as a number), a 33… number its "+". This restores what was lost; the standard's
 * own check (checkPhone) then writes the international form and refuses what is not a number.
 */
import { checkPhone, quote, type Checked } from "../../standard/values";

/** Country codes of the standard's pattern, longest first (+590 before +59…). */
const countryCodes = ["590", "594", "262", "596", "269", "687", "689", "508", "681", "33"];

/** The digits a producer meant, with what was restored (undefined when nothing was). */
export function restorePhone(text: string): { value: string; restored?: "zero" | "plus" } {
  const compact = text.replace(/[\s.\-()/\u00a0]/g, "");
  if (/^[1-9]\d{8}$/.test(compact)) return { value: `0${compact}`, restored: "zero" };
  for (const code of countryCodes) {
    const rest = compact.slice(code.length);
    // "33545…" (11 digits) or "330545…": a country code written without its "+" (or 00).
    if (compact.startsWith(code) && /^0?\d{9}$/.test(rest)) {
      return { value: `+${code}${rest.replace(/^0/, "")}`, restored: "plus" };
    }
  }
  return { value: compact };
}

/** Two numbers in one cell ("05 45 … / 06 12 …"): the first is the place's, the rest is reported. */
function firstNumber(text: string): { first: string; rest?: string } {
  const parts = text.split(/\s*(?:[/;|,]|\bou\b|\n)\s*/i).filter((p) => /\d/.test(p));
  const [first, ...rest] = parts;
  if (first !== undefined && rest.length > 0 && rest.every((p) => p.replace(/\D/g, "").length >= 9) && first.replace(/\D/g, "").length >= 9) {
    return { first, rest: rest.join(" / ") };
  }
  return { first: text };
}

/** The phone in the standard's form, with a note saying what was restored, or why it was refused. */
export function normalizePhone(text: string, codePostal?: string): Checked<string> {
  const { first, rest } = firstNumber(text.trim());
  const { value, restored } = restorePhone(first);
  const checked = checkPhone(value, codePostal);
  if (!checked.ok) return { ok: false, message: `Le numéro de téléphone ${quote(text)} n'est pas au format international attendu (par exemple +33180059880) : il est ignoré.` };
  const notes: string[] = [];
  if (restored === "zero") notes.push(`Le numéro de téléphone ${quote(first.trim())} avait perdu son 0 initial (tableur ?) : il a été lu comme ${quote(checked.value)}.`);
  else if (restored === "plus") notes.push(`Le numéro de téléphone ${quote(first.trim())} avait perdu son « + » : il a été lu comme ${quote(checked.value)}.`);
  else if (checked.value !== text.trim() && rest === undefined) notes.push(`Le numéro de téléphone ${quote(text)} a été écrit au format international : ${quote(checked.value)}.`);
  if (rest !== undefined) notes.push(`La cellule ${quote(text)} contient plusieurs numéros : seul le premier est gardé (${quote(checked.value)}), ${quote(rest)} est ignoré.`);
  return notes.length > 0 ? { ok: true, value: checked.value, note: notes.join(" ") } : { ok: true, value: checked.value };
}
