import type { IndicatorDirection } from "./schema";

/** What the evaluation says of an indicator (issue 13), in the words of the dashboard. */
export const indicatorStatuses = ["atteint", "en_bonne_voie", "en_retard", "sans_donnees"] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];
export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  atteint: "Atteint",
  en_bonne_voie: "En bonne voie",
  en_retard: "En retard",
  sans_donnees: "Sans données",
};

export type StatusIndicator = { direction: IndicatorDirection; baselineValue: number | null; baselineOn: string | null };
export type StatusTarget = { periodEnd: string; value: number };
export type StatusMeasurement = { measuredOn: string; value: number };

/** For « maintien »: within 5 % of the level it is held (atteint), within 10 % it is still on track. */
export const HOLD_TOLERANCE = 0.05;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOf = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * The status of an indicator on `today` (ADR 030), pure so that the dashboard, the report and the charter's
 * commitment health say the same thing:
 * 1. no measurement on or before today, or no target: « sans données »;
 * 2. the value is the latest measurement on or before today; the target in force is the first one whose period
 *    ends on or after today (all passed: the last one);
 * 3. hausse: reached when value ≥ target; baisse: when value ≤ target; maintien: when |value − target| ≤ 5 % of |target|;
 * 4. not reached and the target's period is over: « en retard »;
 * 5. otherwise the expected value today is read on the straight line from the starting point (the last passed
 *    target, else the baseline, else the first measurement) to the target; hausse: value ≥ expected, baisse:
 *    value ≤ expected → « en bonne voie », else « en retard »; maintien: within 10 % → « en bonne voie », else « en retard ».
 */
export function indicatorStatus(indicator: StatusIndicator, targets: readonly StatusTarget[], measurements: readonly StatusMeasurement[], today: string | Date): IndicatorStatus {
  const now = day(isoOf(today));
  const known = measurements.filter((m) => day(m.measuredOn) <= now).sort((a, b) => day(a.measuredOn) - day(b.measuredOn));
  const sorted = [...targets].sort((a, b) => day(a.periodEnd) - day(b.periodEnd));
  const latest = known.at(-1);
  if (!latest || sorted.length === 0) return "sans_donnees";
  const target = sorted.find((t) => day(t.periodEnd) >= now) ?? (sorted.at(-1) as StatusTarget);
  const v = latest.value;
  if (indicator.direction === "maintien") {
    const gap = Math.abs(v - target.value);
    const scale = Math.abs(target.value);
    if (gap <= HOLD_TOLERANCE * scale) return "atteint";
    if (day(target.periodEnd) < now) return "en_retard";
    return gap <= 2 * HOLD_TOLERANCE * scale ? "en_bonne_voie" : "en_retard";
  }
  const up = indicator.direction === "hausse";
  if (up ? v >= target.value : v <= target.value) return "atteint";
  if (day(target.periodEnd) < now) return "en_retard";
  const passed = sorted.filter((t) => day(t.periodEnd) < now).at(-1);
  const first = known[0] as StatusMeasurement;
  const start =
    passed !== undefined
      ? { at: day(passed.periodEnd), value: passed.value }
      : indicator.baselineValue !== null && indicator.baselineOn !== null && day(indicator.baselineOn) < day(target.periodEnd)
        ? { at: day(indicator.baselineOn), value: indicator.baselineValue }
        : { at: day(first.measuredOn), value: first.value };
  const span = day(target.periodEnd) - start.at;
  const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - start.at) / span));
  const expected = start.value + (target.value - start.value) * progress;
  return (up ? v >= expected : v <= expected) ? "en_bonne_voie" : "en_retard";
}
