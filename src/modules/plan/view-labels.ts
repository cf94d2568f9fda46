// French words of the plan's values, as the read side (timeline, budget, map, exports) shows them.
// The words of statuses and in-kind means are the forms' words (vocabulary.ts): one list for both sides.
export { fundingStatusLabels, inKindLabels, statusLabels } from "./vocabulary";

export const horizonLabels: Record<string, string> = { court: "Court terme", moyen: "Moyen terme", long: "Long terme" };

const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 2, minimumFractionDigits: 0 });
const dayFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** « 12 345,5 € » (the browser and the PDF read the same narrow spaces). */
export function formatEuros(n: number): string {
  return euroFormat.format(n);
}

export function formatDays(n: number): string {
  return `${dayFormat.format(n)}\u00a0${Math.abs(n) < 2 ? "jour" : "jours"}`;
}

/** « 2026-03-01 » → « 2026-03 » (a month, as the exports write it). */
export function isoMonth(date: string | null): string | null {
  return date ? date.slice(0, 7) : null;
}
