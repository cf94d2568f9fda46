// replaced at merge by @/modules/indicators — INDIC's `indicatorStatus` (same signature). Until then, this local
// placeholder gives the charter's commitment health an indicator status by the evaluation's plain rule.

export type IndicatorStatus = "atteint" | "en_bonne_voie" | "en_retard" | "sans_donnees";
type Indicator = { direction: "hausse" | "baisse" | "maintien"; baselineValue: number | null; baselineOn: string | null; startsOn: string; endsOn: string };
type Target = { periodEnd: string; value: number };
type Measurement = { measuredOn: string; value: number };

/**
 * The latest measurement against the target of the current period (the first target not yet past, else the last):
 * reached → atteint; otherwise on the straight line from the baseline (value and date; the period's start when none)
 * to the target at its date → en bonne voie if at or beyond where the line says today, en retard if behind.
 * No measurement or no target → sans données. « maintien »: within 5 % of the target is reached, else late.
 */
export function indicatorStatus(indicator: Indicator, targets: readonly Target[], measurements: readonly Measurement[], today: string): IndicatorStatus {
  const last = [...measurements].filter((m) => m.measuredOn <= today).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)).at(-1);
  const sorted = [...targets].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const target = sorted.find((t) => t.periodEnd >= today) ?? sorted.at(-1);
  if (!last || !target) return "sans_donnees";
  if (indicator.direction === "maintien") return Math.abs(last.value - target.value) <= Math.abs(target.value) * 0.05 ? "atteint" : "en_retard";
  const up = indicator.direction === "hausse";
  if (up ? last.value >= target.value : last.value <= target.value) return "atteint";
  const startValue = indicator.baselineValue;
  if (startValue === null) return target.periodEnd < today ? "en_retard" : "en_bonne_voie";
  const from = Date.parse(indicator.baselineOn ?? indicator.startsOn);
  const to = Date.parse(target.periodEnd);
  const now = Date.parse(last.measuredOn);
  const share = to > from ? Math.min(1, Math.max(0, (now - from) / (to - from))) : 1;
  const expected = startValue + (target.value - startValue) * share;
  return (up ? last.value >= expected : last.value <= expected) ? "en_bonne_voie" : "en_retard";
}
