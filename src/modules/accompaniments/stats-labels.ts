import { ageBands, autonomyLabels as formAutonomy, kindLabels as formKinds, settingLabels as formSettings, statusChoices, themeLabels } from "./validation";

/** French labels of the values the statistics count: the record form's own lists (validation.ts), one source. */
export const kindLabels: Record<string, string> = formKinds;
export const settingLabels: Record<string, string> = formSettings;
export const autonomyLabels: Record<string, string> = formAutonomy;

const extraLabels: Record<string, Record<string, string>> = {
  theme: { ...themeLabels },
  age: Object.fromEntries(ageBands.map((b) => [b.key, b.label])),
  status: Object.fromEntries(statusChoices.map((c) => [c.key, c.label])),
};

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
