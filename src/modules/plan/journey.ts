import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import type { JourneyContribution, JourneyStep } from "@/platform/journey";
import { countOf } from "@/platform/text";
import type { TerritoryRef } from "@/modules/territories";
import { planActions, planActionSteps, planVersions } from "./schema";

type Slugged = TerritoryRef & { slug: string };

/**
 * The plan's part of the territory's journey (phase « strategy »): the working version and its actions; what is
 * missing (actions without a lead); what needs attention now (late or blocked actions, overdue steps).
 * An action is late when marked « en retard », or when its end month is over and it is neither done nor abandoned.
 */
export async function journeyOf(db: Executor, territory: Slugged, now: Date): Promise<JourneyContribution[]> {
  const base = `/espace/${territory.slug}/plan`;
  const [version] = await db.select().from(planVersions).where(eq(planVersions.territoryId, territory.id)).orderBy(desc(planVersions.number)).limit(1);
  if (!version) {
    return [{ phase: "strategy", facts: [], missing: ["Pas encore de plan d'action"], next: [{ text: "Écrire les premières actions du plan", href: `${base}/actions/nouvelle`, urgency: "useful" }] }];
  }
  const today = now.toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 7)}-01`;
  const [counts] = await db
    .select({
      actions: sql<number>`count(*)::int`,
      withoutLead: sql<number>`count(*) filter (where ${planActions.leadActorId} is null and ${planActions.status} not in ('terminee', 'abandonnee'))::int`,
      late: sql<number>`count(*) filter (where ${planActions.status} = 'en_retard' or (${planActions.endMonth} < ${monthStart} and ${planActions.status} not in ('terminee', 'abandonnee')))::int`,
      blocked: sql<number>`count(*) filter (where ${planActions.status} = 'bloquee')::int`,
      lastChange: sql<string | null>`max(${planActions.updatedAt})::text`,
    })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territory.id), eq(planActions.versionId, version.id)));
  const [{ overdue } = { overdue: 0 }] = await db
    .select({ overdue: sql<number>`count(*)::int` })
    .from(planActionSteps)
    .innerJoin(planActions, eq(planActions.id, planActionSteps.actionId))
    .where(and(eq(planActions.territoryId, territory.id), eq(planActions.versionId, version.id), eq(planActionSteps.done, false), sql`${planActionSteps.dueDate} < ${today}`));
  const c = counts ?? { actions: 0, withoutLead: 0, late: 0, blocked: 0, lastChange: null };
  const next: JourneyStep[] = [];
  if (c.late) next.push({ text: `${countOf(c.late, "action en retard", "actions en retard")}`, href: base, urgency: "urgent" });
  if (c.blocked) next.push({ text: `${countOf(c.blocked, "action bloquée", "actions bloquées")}`, href: base, urgency: "urgent" });
  if (overdue) next.push({ text: `${countOf(overdue, "étape dépassée", "étapes dépassées")} sans être faite${overdue > 1 ? "s" : ""}`, href: base, urgency: "urgent" });
  if (c.withoutLead) next.push({ text: `${countOf(c.withoutLead, "action n'a pas de structure porteuse", "actions n'ont pas de structure porteuse")}`, href: base, urgency: "useful" });
  if (c.actions === 0) next.push({ text: "Écrire les premières actions du plan", href: `${base}/actions/nouvelle`, urgency: "useful" });
  const missing = [...(c.actions === 0 ? ["Aucune action dans le plan"] : []), ...(c.withoutLead ? [`${countOf(c.withoutLead, "action sans porteur", "actions sans porteur")}`] : [])];
  return [
    {
      phase: "strategy",
      facts: [
        { label: `Plan d'action, version ${version.number}${version.frozenAt ? " (figée)" : ""}`, href: base },
        { label: countOf(c.actions, "action", "actions"), count: c.actions, href: base },
      ],
      missing,
      next,
      ...(c.lastChange ? { lastChange: new Date(c.lastChange) } : {}),
    },
  ];
}
