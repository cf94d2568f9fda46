import type { Executor } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import type { JourneyContribution } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { groupKindLabels } from "@/modules/groups";
import type { Territory } from "@/modules/territories";
import { followUpsAwaiting, listBodies } from "./queries";
import { rhythmLabels } from "./validation";

/**
 * The governance's part of phase 5 (strategy, plan and governance): the bodies, a missing comité de pilotage,
 * the bodies that have not met within their rhythm, and the decisions whose follow-up is still to do (the overdue
 * ones are said by the meetings' contribution, once).
 */
export async function journeyOf(db: Executor, territory: Territory, now: Date): Promise<JourneyContribution[]> {
  const base = `/espace/${territory.slug}/gouvernance`;
  const bodies = await listBodies(db, territory.id, now);
  const awaiting = await followUpsAwaiting(db, territory.id, parisToday(now));
  const facts: JourneyContribution["facts"] = [{ label: countOf(bodies.length, "instance de gouvernance", "instances de gouvernance"), count: bodies.length, href: base }];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  if (!bodies.some((b) => b.kind === "comite_pilotage")) {
    missing.push("Aucun comité de pilotage");
    next.push({ text: "Constituer le comité de pilotage de la démarche", href: `${base}#nouvelle-instance`, urgency: "useful" });
  }
  for (const b of bodies.filter((x) => x.behind)) {
    missing.push(`L'instance « ${b.name} » (${groupKindLabels[b.kind].toLowerCase()}) ne s'est pas réunie à son rythme (${rhythmLabels[b.rhythm ?? "ponctuel"].toLowerCase()})`);
    next.push({ text: `Prévoir une réunion de « ${b.name} »`, href: `/espace/${territory.slug}/groupes/${b.id}/reunions`, urgency: "useful" });
  }
  if (awaiting > 0) {
    facts.push({ label: countOf(awaiting, "décision attend son suivi", "décisions attendent leur suivi"), count: awaiting, href: `/espace/${territory.slug}/decisions?etat=a_suivre` });
    next.push({ text: `Suivre ${countOf(awaiting, "décision", "décisions")} de la gouvernance`, href: `/espace/${territory.slug}/decisions?etat=a_suivre`, urgency: "useful" });
  }
  return [{ phase: "strategy", facts, missing, next }];
}
