import type { Db } from "@/platform/db/client";
import type { JourneyContribution } from "@/platform/journey";
import { countOf, formatDateTime } from "@/platform/text";
import type { TerritoryRef } from "@/modules/territories";
import { meetingCounts } from "./queries";

/** What meetings and decisions tell of the territory's collective phase: the next meeting, minutes to approve, overdue follow-ups. */
export async function journeyOf(db: Db, territory: TerritoryRef & { slug: string }, now: Date): Promise<JourneyContribution[]> {
  const c = await meetingCounts(db, territory.id, now);
  const base = `/espace/${territory.slug}`;
  const facts: JourneyContribution["facts"] = [
    { label: countOf(c.meetings, "réunion", "réunions"), count: c.meetings },
    { label: countOf(c.decisions, "décision", "décisions"), count: c.decisions, href: `${base}/decisions` },
  ];
  if (c.next) facts.push({ label: `Prochaine réunion : « ${c.next.title} », le ${formatDateTime(c.next.startsAt)}`, date: c.next.startsAt, href: `${base}/reunions/${c.next.id}` });
  const next: JourneyContribution["next"] = [];
  if (c.overdue) next.push({ text: `${countOf(c.overdue, "suivi de décision", "suivis de décision")} en retard`, href: `${base}/decisions?suivi=retard`, urgency: "urgent" });
  if (c.toApprove && c.firstToApprove)
    next.push({ text: c.toApprove === 1 ? `Compte rendu à approuver : « ${c.firstToApprove.title} »` : `${c.toApprove} comptes rendus à approuver`, href: `${base}/reunions/${c.firstToApprove.id}`, urgency: "useful" });
  const missing = c.meetings === 0 ? ["Aucune réunion de groupe de travail"] : [];
  return [{ phase: "collective", facts, missing, next, lastChange: c.lastChange }];
}
