import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId, type TerritoryStatus } from "@/modules/territories";
import { actorReads, actors } from "@/modules/actors";
import { maturityAssessments } from "./schema";

/**
 * The maturity grid's part of the journey (phase 1), in one query: how many of the actors whose
 * self-assessments the territory reads (the ownership rule: joined as partners, territory verified)
 * have assessed themselves, and when last.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  requireTerritoryId(territory.id);
  const ref = { id: territory.id, status: territory.status as TerritoryStatus | undefined };
  const row = journeyRow<{ n: number; last: Date | string | null }>(
    await db.execute(sql`select count(distinct ${maturityAssessments.actorId})::int as n, max(${maturityAssessments.submittedAt}) as last
      from ${maturityAssessments} join ${actors} on ${actors.id} = ${maturityAssessments.actorId} where ${actorReads(db, ref).assessed}`),
  );
  const n = row?.n ?? 0;
  const href = `/espace/${territory.slug}/maturite`;
  if (n === 0) {
    return [
      {
        phase: "map",
        facts: [],
        missing: ["Aucune autoévaluation de maturité des acteurs partenaires."],
        next: [{ text: "Inviter les acteurs partenaires à s'autoévaluer sur la grille de maturité", href, urgency: "useful" }],
      },
    ];
  }
  const last = journeyDate(row?.last);
  return [{ phase: "map", facts: [{ label: `${countOf(n, "acteur s'est autoévalué", "acteurs se sont autoévalués")} sur la grille de maturité`, count: n, date: last, href }], missing: [], next: [], lastChange: last }];
}
