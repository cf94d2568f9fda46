import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf, formatDate } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { questionnaireCampaigns, questionnaireResponses, questionnaires } from "./schema";

type Row = { total: number; published: number; responses: number; last_response: Date | string | null; open: number; closing: { label: string; closes: string }[] | null; last: Date | string | null };

/** A campaign closing within this many days is said first on the journey (urgent): the last days to relay it. */
export const CLOSING_SOON_DAYS = 7;

/**
 * The questionnaires' part of the journey (phase 2), in one query: questionnaires, responses received
 * (submitted, not set aside), campaigns open now and those closing within a week.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  const id = requireTerritoryId(territory.id);
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * 86_400_000);
  const open = sql`c.territory_id = ${id} and q.status = 'published' and (c.opens_at is null or c.opens_at <= ${now}) and (c.closes_at is null or c.closes_at > ${now})`;
  const row = journeyRow<Row>(
    await db.execute(sql`select
      (select count(*)::int from ${questionnaires} where ${questionnaires.territoryId} = ${id}) as total,
      (select count(*)::int from ${questionnaires} where ${questionnaires.territoryId} = ${id} and ${questionnaires.status} <> 'draft') as published,
      (select count(*)::int from ${questionnaireResponses} where ${questionnaireResponses.territoryId} = ${id} and ${questionnaireResponses.submittedAt} is not null and not ${questionnaireResponses.excluded}) as responses,
      (select max(${questionnaireResponses.submittedAt}) from ${questionnaireResponses} where ${questionnaireResponses.territoryId} = ${id} and not ${questionnaireResponses.excluded}) as last_response,
      (select count(*)::int from ${questionnaireCampaigns} c join ${questionnaires} q on q.id = c.questionnaire_id where ${open}) as open,
      (select json_agg(json_build_object('label', t.label, 'closes', t.closes_at) order by t.closes_at) from (
         select c.label, c.closes_at from ${questionnaireCampaigns} c join ${questionnaires} q on q.id = c.questionnaire_id
         where ${open} and c.closes_at <= ${soon} order by c.closes_at limit 3) t) as closing,
      (select max(${questionnaires.updatedAt}) from ${questionnaires} where ${questionnaires.territoryId} = ${id}) as last`),
  );
  const href = `/espace/${territory.slug}/questionnaires`;
  const facts: JourneyContribution["facts"] = [];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  const total = row?.total ?? 0;
  if (total === 0) {
    missing.push("Aucun questionnaire.");
    next.push({ text: "Lancer un questionnaire auprès des habitants, des acteurs ou des élus (trois modèles prêts)", href, urgency: "useful" });
    return [{ phase: "diagnose", facts, missing, next }];
  }
  facts.push({ label: `${countOf(total, "questionnaire", "questionnaires")}, dont ${row?.published ?? 0} publié${(row?.published ?? 0) > 1 ? "s" : ""}`, count: total, href });
  const responses = row?.responses ?? 0;
  const lastResponse = journeyDate(row?.last_response);
  if (responses) facts.push({ label: countOf(responses, "réponse reçue", "réponses reçues"), count: responses, date: lastResponse, href });
  else missing.push("Aucune réponse reçue pour l'instant.");
  if (row?.open) facts.push({ label: countOf(row.open, "campagne ouverte", "campagnes ouvertes"), count: row.open, href });
  for (const c of row?.closing ?? []) {
    const closes = journeyDate(c.closes);
    if (closes) next.push({ text: `La campagne « ${c.label} » se termine le ${formatDate(closes)} : relayez-la encore`, href, urgency: "urgent" });
  }
  const dates = [lastResponse, journeyDate(row?.last)].filter((d): d is Date => d !== undefined);
  return [{ phase: "diagnose", facts, missing, next, lastChange: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined }];
}
