import { and, count, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import type { JourneyContribution, JourneyStep } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { worldLabels, type World } from "@/modules/actors";
import type { Territory } from "@/modules/territories";
import { balanceOfMembers, groupCounts, inviteSuggestions, listGroups, membersOf } from "./queries";
import { groupProposals } from "./schema";

/** "du monde social", "des mondes social et santé", "des mondes social, santé et culture". */
export function worldsPhrase(missing: readonly World[]): string {
  const names = missing.map((w) => worldLabels[w].toLowerCase());
  if (names.length === 1) return `du monde ${names[0]}`;
  return `des mondes ${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/**
 * The groups' part of the territory's journey (phase 4): how many groups and watch links, the proposals waiting for
 * an answer, and, for each group, the missing worlds the territory could invite (a mapped actor exists): the
 * sentence names them, the step links to the group's balance.
 */
export async function journeyOf(db: Executor, territory: Territory, now: Date): Promise<JourneyContribution[]> {
  void now;
  const base = `/espace/${territory.slug}`;
  const list = await listGroups(db, territory.id);
  const counts = await groupCounts(db, territory.id);
  const facts: JourneyContribution["facts"] = [
    { label: countOf(counts.groups, "groupe de travail", "groupes de travail"), count: counts.groups, href: `${base}/groupes` },
  ];
  if (counts.watch > 0) facts.push({ label: countOf(counts.watch, "lien de veille partagée", "liens de veille partagée"), count: counts.watch, href: `${base}/veille`, ...(counts.watchLast ? { date: counts.watchLast } : {}) });
  const missing: string[] = [];
  const next: JourneyStep[] = [];
  if (list.length === 0) {
    missing.push("Aucun groupe de travail");
    next.push({ text: "Créer un premier groupe de travail qui croise les mondes", href: `${base}/groupes`, urgency: "useful" });
  }
  for (const g of list) {
    const balance = balanceOfMembers(await membersOf(db, territory.id, g.id));
    const invitable = (await inviteSuggestions(db, territory.id, g.id, balance.missing, 1)).map((s) => s.world);
    if (invitable.length > 0) {
      missing.push(`Le groupe « ${g.name} » n'a personne ${worldsPhrase(invitable)}`);
      next.push({ text: `Inviter des acteurs ${worldsPhrase(invitable)} au groupe « ${g.name} »`, href: `${base}/groupes/${g.id}#equilibre`, urgency: "useful" });
    }
  }
  const [open] = await db.select({ n: count() }).from(groupProposals).where(and(eq(groupProposals.territoryId, territory.id), eq(groupProposals.status, "ouverte")));
  const waiting = Number(open?.n ?? 0);
  if (waiting > 0) {
    facts.push({ label: countOf(waiting, "proposition en attente", "propositions en attente"), count: waiting });
    const first = list.find((g) => g.openProposals > 0);
    if (first) next.push({ text: `${countOf(waiting, "proposition attend", "propositions attendent")} une réponse des groupes`, href: `${base}/groupes/${first.id}/propositions`, urgency: "useful" });
  }
  const lastChange = [counts.groupsLast, counts.watchLast].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return [{ phase: "collective", facts, missing, next, ...(lastChange ? { lastChange } : {}) }];
}
