import type { IndicatorPeriodicity } from "./schema";

const months: Record<IndicatorPeriodicity, number> = { mensuelle: 1, trimestrielle: 3, semestrielle: 6, annuelle: 12 };

/** The first day (YYYY-MM-DD) of the calendar period containing `day`: month, quarter, half-year or year. */
export function periodStart(periodicity: IndicatorPeriodicity, day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const size = months[periodicity];
  const first = Math.floor((month - 1) / size) * size + 1;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}

/** The last day of the calendar period containing `day` (what a snapshot of that period is dated). */
export function periodEnd(periodicity: IndicatorPeriodicity, day: string): string {
  const start = periodStart(periodicity, day);
  const d = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + months[periodicity], 0));
  return d.toISOString().slice(0, 10);
}
