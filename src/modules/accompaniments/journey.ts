import type { Executor } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import type { JourneyContribution, JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { activityOfMonth } from "./queries";

/**
 * Phase 7, « Piloter et évaluer »: what mediators recorded this month (Paris), and the places of the territory
 * with no record this month — those to ask first, since the statistics only show what is recorded. One
 * query, on the pre-aggregated statistics (the workspace home stays cheap whatever the volume).
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date): Promise<JourneyContribution[]> {
  const monthStart = `${parisToday(now).slice(0, 7)}-01`;
  const a = await activityOfMonth(db, territory.id, monthStart);
  const base = `/espace/${territory.slug}/accompagnements`;
  const facts = [
    { label: countOf(a.records, "accompagnement enregistré ce mois-ci", "accompagnements enregistrés ce mois-ci"), count: a.records, href: base },
    { label: countOf(a.people, "personne accompagnée ce mois-ci", "personnes accompagnées ce mois-ci"), count: a.people, href: base },
    { label: countOf(a.placesWithout, "lieu sans accompagnement enregistré ce mois-ci", "lieux sans accompagnement enregistré ce mois-ci"), count: a.placesWithout, href: base },
  ];
  const missing = a.records === 0 ? ["Aucun accompagnement enregistré ce mois-ci."] : [];
  const next =
    a.records === 0
      ? [{ text: "Enregistrer les accompagnements des médiateurs (saisie rapide ou import d'un fichier CSV)", href: base, urgency: "useful" as const }]
      : a.placesWithout > 0
        ? [{ text: `Inviter les ${countOf(a.placesWithout, "lieu", "lieux")} sans enregistrement ce mois-ci à saisir leurs accompagnements`, href: base, urgency: "useful" as const }]
        : [];
  return [{ phase: "evaluate", facts, missing, next }];
}
