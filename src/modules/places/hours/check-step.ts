/**
 * The "Vérifier les horaires" step of a form with an hours field, for people without JavaScript (with
 * it, the table updates as they type): nothing is saved, the form comes back with everything typed and
 * the understood weekly table under the field — or the field's French error.
 */
import type { ActionState } from "@/platform/web/action";
import { gridToSchedule, gridUsed, readGrid, scheduleToOsm } from "./french";
import { understandHours } from "./understand";

/** The name of the check button: its presence in the form means "check, do not save". */
export const CHECK_HOURS = "verifier_horaires";

export function hoursChecked(form: FormData): ActionState {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string" || k.startsWith("$ACTION") || k === CHECK_HOURS) continue;
    if (k in values) (lists[k] ??= [values[k] ?? ""]).push(v.slice(0, 10_000));
    values[k] = v.slice(0, 10_000);
  }
  const grid = readGrid(values);
  if (gridUsed(grid)) {
    const read = gridToSchedule(grid);
    if (!read.ok) return { status: "error", message: "La grille des horaires est incomplète.", fieldErrors: { horaires: [read.message] }, values, lists };
    values.horaires = scheduleToOsm(read.schedule);
    // The text now says what the grid said: the grid comes back empty, so that editing the text afterwards
    // counts (a filled grid replaces the text when the form is saved).
    for (const name of Object.keys(values)) if (name.startsWith("grille_")) delete values[name];
    for (const name of Object.keys(lists)) if (name.startsWith("grille_")) delete lists[name];
  }
  const hours = understandHours(values.horaires ?? "");
  if (!hours.ok) return { status: "error", message: "Les horaires ne sont pas compris : rien n'a été enregistré.", fieldErrors: { horaires: [hours.message] }, values, lists };
  const message = hours.normalized
    ? "Horaires compris : vérifiez le tableau sous le champ « Horaires d'ouverture », puis enregistrez. Rien n'a encore été enregistré."
    : "Aucun horaire indiqué. Rien n'a encore été enregistré.";
  return { status: "success", message, values, lists };
}
