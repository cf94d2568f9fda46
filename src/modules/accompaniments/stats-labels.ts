/**
 * French labels of the values the statistics count. Kind, setting and autonomy are the spine's lists; themes,
 * age bands and statuses are keys of the record form (ACCOMP's validation.ts): until the integrator points
 * `extraLabels` at them, a key is shown in words ("60_69" → "60 69").
 */
export const kindLabels: Record<string, string> = { individuel: "Individuel", collectif: "Collectif" };
export const settingLabels: Record<string, string> = { lieu: "Dans le lieu", domicile: "À domicile", distance: "À distance" };
export const autonomyLabels: Record<string, string> = { entierement: "Entièrement autonome", partiellement: "Partiellement autonome", pas_autonome: "Pas autonome" };

const extraLabels: Record<string, Record<string, string>> = {};

/** Labels of the record form's lists (themes, age bands, statuses), registered once by whoever owns them. */
export function registerStatsLabels(dimension: "theme" | "age" | "status", labels: Record<string, string>): void {
  extraLabels[dimension] = { ...extraLabels[dimension], ...labels };
}

function words(key: string): string {
  const text = key.replace(/_/g, " ").trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "Non renseigné";
}

export function valueLabel(dimension: string, value: string): string {
  const fixed = dimension === "kind" ? kindLabels : dimension === "setting" ? settingLabels : dimension === "autonomy" ? autonomyLabels : extraLabels[dimension];
  return fixed?.[value] ?? words(value);
}

const monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2026-03" or "2026-03-01" → "mars 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${monthNames[Number(m) - 1] ?? m} ${y}`;
}
