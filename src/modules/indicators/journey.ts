import { parisToday } from "@/platform/dates";
import type { Executor } from "@/platform/db/client";
import type { JourneyContribution, JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { periodStart } from "./period";
import { listIndicators } from "./queries";
import { indicatorStatus } from "./status";

/**
 * The evaluation's part of the journey (phase 7): the indicators, those still without a measurement in their
 * current period (month, quarter… as each one says), and those whose target is missed (status « en retard »).
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  const list = await listIndicators(db, requireTerritoryId(territory.id));
  const today = parisToday(now);
  const base = `/espace/${territory.slug}/evaluation`;
  if (list.length === 0) {
    return [{ phase: "evaluate", facts: [], missing: ["Aucun indicateur pour suivre le plan."], next: [{ text: "Définir les premiers indicateurs des objectifs et des actions", href: `${base}/indicateurs/nouveau`, urgency: "useful" }] }];
  }
  const running = list.filter((i) => i.startsOn <= today && today <= i.endsOn);
  const unmeasured = running.filter((i) => i.source === "manuel" && !i.measurements.some((m) => m.measuredOn >= periodStart(i.periodicity, today) && m.measuredOn <= today));
  const late = list.filter((i) => indicatorStatus(i, i.targets, i.measurements, today) === "en_retard");
  const measured = list.flatMap((i) => i.measurements.map((m) => m.measuredOn)).sort();
  const last = list.map((i) => i.updatedAt).sort((a, b) => b.getTime() - a.getTime())[0];
  const facts: JourneyContribution["facts"] = [{ label: countOf(list.length, "indicateur", "indicateurs"), count: list.length, href: base }];
  const lastMeasure = measured.at(-1);
  if (lastMeasure) facts.push({ label: "Dernière mesure", date: new Date(`${lastMeasure}T12:00:00Z`), href: base });
  const next: JourneyContribution["next"] = [];
  if (late.length) next.push({ text: late.length > 1 ? `${late.length} indicateurs sont en retard sur leur cible` : "1 indicateur est en retard sur sa cible", href: `${base}#en-retard`, urgency: "urgent" });
  if (unmeasured.length) next.push({ text: `${unmeasured.length > 1 ? `${unmeasured.length} indicateurs n'ont` : "1 indicateur n'a"} pas encore de mesure pour la période en cours`, href: `${base}#a-mesurer`, urgency: "useful" });
  const missing = list.some((i) => i.targets.length === 0) ? [`${countOf(list.filter((i) => i.targets.length === 0).length, "indicateur", "indicateurs")} sans cible.`] : [];
  return [{ phase: "evaluate", facts, missing, next, lastChange: last }];
}
