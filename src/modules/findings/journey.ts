import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { findings, findingVotes } from "./schema";

type Row = { strengths: number; questions: number; votes: number; last: Date | string | null };

/** The findings' part of the journey (phase 2), in one query: strengths, questions (merged ones left out) and the partners' support. */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const row = journeyRow<Row>(
    await db.execute(sql`select
      count(*) filter (where ${findings.kind} = 'strength')::int as strengths,
      count(*) filter (where ${findings.kind} = 'question')::int as questions,
      (select count(*)::int from ${findingVotes} v join ${findings} f on f.id = v.finding_id where f.territory_id = ${id} and f.merged_into is null) as votes,
      max(${findings.updatedAt}) as last
      from ${findings} where ${findings.territoryId} = ${id} and ${findings.mergedInto} is null`),
  );
  const href = `/espace/${territory.slug}/constats`;
  const strengths = row?.strengths ?? 0;
  const questions = row?.questions ?? 0;
  const facts: JourneyContribution["facts"] = [];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  if (strengths + questions === 0) {
    missing.push("Aucun constat relevé.");
    next.push({ text: "Relever les atouts et les questionnements du diagnostic", href, urgency: "useful" });
    return [{ phase: "diagnose", facts, missing, next }];
  }
  facts.push({ label: `${countOf(strengths, "atout", "atouts")} et ${countOf(questions, "questionnement", "questionnements")}`, count: strengths + questions, href });
  const votes = row?.votes ?? 0;
  if (votes) facts.push({ label: `${countOf(votes, "soutien", "soutiens")} des partenaires pour prioriser`, count: votes, href });
  else if (questions) next.push({ text: "Demander aux partenaires de soutenir les questions qui comptent le plus", href, urgency: "useful" });
  if (questions === 0) missing.push("Aucun questionnement relevé : la stratégie n'aura pas de question à laquelle répondre.");
  return [{ phase: "diagnose", facts, missing, next, lastChange: journeyDate(row?.last) }];
}
