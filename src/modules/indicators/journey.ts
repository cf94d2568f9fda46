import { sql } from "drizzle-orm";
import { parisToday } from "@/platform/dates";
import type { Executor } from "@/platform/db/client";
import type { JourneyContribution, JourneyTerritory } from "@/platform/journey";
import { journeyDate } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { periodStart } from "./period";
import { indicatorMeasurements, indicators, indicatorTargets, type IndicatorDirection, type IndicatorPeriodicity, type IndicatorSource } from "./schema";
import { indicatorStatus } from "./status";

type Row = {
  id: string;
  direction: IndicatorDirection;
  baseline_value: number | null;
  baseline_on: string | null;
  source: IndicatorSource;
  periodicity: IndicatorPeriodicity;
  starts_on: string;
  ends_on: string;
  updated_at: Date | string;
  targets: { periodEnd: string; value: number }[] | null;
  first_on: string | null;
  first_value: number | null;
  last_on: string | null;
  last_value: number | null;
  latest_any: string | null;
};

const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? [])) as Row[];

/**
 * The evaluation's part of the journey (phase 7), in one query (ADR 024): the indicators, those still without a
 * measurement in their current period (month, quarter… as each says), and those whose target is missed (status
 * « en retard », by the same rule as the dashboard: the first and latest measurements up to today are all it needs).
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  const id = requireTerritoryId(territory.id);
  const today = parisToday(now);
  const base = `/espace/${territory.slug}/evaluation`;
  const result = await db.execute(sql`
    select i.id, i.direction, i.baseline_value, i.baseline_on::text as baseline_on, i.source, i.periodicity,
      i.starts_on::text as starts_on, i.ends_on::text as ends_on, i.updated_at,
      (select json_agg(json_build_object('periodEnd', t.period_end::text, 'value', t.value)) from ${indicatorTargets} t where t.indicator_id = i.id) as targets,
      f.measured_on::text as first_on, f.value as first_value, l.measured_on::text as last_on, l.value as last_value,
      (select max(m.measured_on)::text from ${indicatorMeasurements} m where m.indicator_id = i.id) as latest_any
    from ${indicators} i
    left join lateral (select m.measured_on, m.value from ${indicatorMeasurements} m where m.indicator_id = i.id and m.measured_on <= ${today}::date order by m.measured_on asc limit 1) f on true
    left join lateral (select m.measured_on, m.value from ${indicatorMeasurements} m where m.indicator_id = i.id and m.measured_on <= ${today}::date order by m.measured_on desc, m.created_at desc limit 1) l on true
    where i.territory_id = ${id}`);
  const list = rowsOf(result);
  if (list.length === 0) {
    return [{ phase: "evaluate", facts: [], missing: ["Aucun indicateur pour suivre le plan."], next: [{ text: "Définir les premiers indicateurs des objectifs et des actions", href: `${base}/indicateurs/nouveau`, urgency: "useful" }] }];
  }
  const late = list.filter((r) => {
    const measurements = [r.first_on !== null ? { measuredOn: r.first_on, value: Number(r.first_value) } : null, r.last_on !== null ? { measuredOn: r.last_on, value: Number(r.last_value) } : null].filter((m) => m !== null);
    const baseline = { direction: r.direction, baselineValue: r.baseline_value === null ? null : Number(r.baseline_value), baselineOn: r.baseline_on };
    return indicatorStatus(baseline, (r.targets ?? []).map((t) => ({ periodEnd: t.periodEnd, value: Number(t.value) })), measurements, today) === "en_retard";
  });
  const unmeasured = list.filter((r) => r.source === "manuel" && r.starts_on <= today && today <= r.ends_on && !(r.last_on !== null && r.last_on >= periodStart(r.periodicity, today)));
  const withoutTarget = list.filter((r) => !r.targets || r.targets.length === 0).length;
  const lastMeasure = list.map((r) => r.latest_any).filter((d): d is string => d !== null).sort().at(-1);
  const last = list.map((r) => journeyDate(r.updated_at)).filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  const facts: JourneyContribution["facts"] = [{ label: countOf(list.length, "indicateur", "indicateurs"), count: list.length, href: base }];
  if (lastMeasure) facts.push({ label: "Dernière mesure", date: new Date(`${lastMeasure}T12:00:00Z`), href: base });
  const next: JourneyContribution["next"] = [];
  if (late.length) next.push({ text: late.length > 1 ? `${late.length} indicateurs sont en retard sur leur cible` : "1 indicateur est en retard sur sa cible", href: `${base}#en-retard`, urgency: "urgent" });
  if (unmeasured.length) next.push({ text: `${unmeasured.length > 1 ? `${unmeasured.length} indicateurs n'ont` : "1 indicateur n'a"} pas encore de mesure pour la période en cours`, href: `${base}#a-mesurer`, urgency: "useful" });
  const missing = withoutTarget ? [`${countOf(withoutTarget, "indicateur", "indicateurs")} sans cible.`] : [];
  return [{ phase: "evaluate", facts, missing, next, lastChange: last }];
}
