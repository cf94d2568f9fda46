import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate as asDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { findings } from "@/modules/findings";
import { objectiveFindings, strategyAxes, strategyObjectives, strategyVisions } from "./schema";

type Row = { vision: string | null; vision_at: Date | string | null; axes: number; court: number; moyen: number; long: number; open_questions: number; last: Date | string | null };

/**
 * The strategy's part of the journey (phase 5), in one query: the vision, axes and objectives by horizon,
 * and the questions of the diagnostic (findings of kind « questionnement », merged ones left out) that no
 * objective answers yet.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const result = await db.execute(sql`
    select
      (select ${strategyVisions.text} from ${strategyVisions} where ${strategyVisions.territoryId} = ${id}) as vision,
      (select ${strategyVisions.updatedAt} from ${strategyVisions} where ${strategyVisions.territoryId} = ${id}) as vision_at,
      (select count(*)::int from ${strategyAxes} where ${strategyAxes.territoryId} = ${id}) as axes,
      (select count(*)::int from ${strategyObjectives} where ${strategyObjectives.territoryId} = ${id} and ${strategyObjectives.horizon} = 'court') as court,
      (select count(*)::int from ${strategyObjectives} where ${strategyObjectives.territoryId} = ${id} and ${strategyObjectives.horizon} = 'moyen') as moyen,
      (select count(*)::int from ${strategyObjectives} where ${strategyObjectives.territoryId} = ${id} and ${strategyObjectives.horizon} = 'long') as long,
      (select count(*)::int from ${findings} f where f.territory_id = ${id} and f.kind = 'question' and f.merged_into is null
         and not exists (select 1 from ${objectiveFindings} l where l.finding_id = f.id)) as open_questions,
      greatest(
        (select max(${strategyObjectives.updatedAt}) from ${strategyObjectives} where ${strategyObjectives.territoryId} = ${id}),
        (select max(${strategyAxes.updatedAt}) from ${strategyAxes} where ${strategyAxes.territoryId} = ${id}),
        (select ${strategyVisions.updatedAt} from ${strategyVisions} where ${strategyVisions.territoryId} = ${id})
      ) as last`);
  const row = journeyRow<Row>(result);
  if (!row) return [];
  const base = `/espace/${territory.slug}/strategie`;
  const objectives = row.court + row.moyen + row.long;
  const facts: JourneyContribution["facts"] = [];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  const hasVision = (row.vision ?? "").trim() !== "";
  if (hasVision) facts.push({ label: "Vision écrite", date: asDate(row.vision_at), href: `${base}#vision` });
  else missing.push("La vision du territoire n'est pas encore écrite.");
  if (row.axes > 0) facts.push({ label: countOf(row.axes, "axe prioritaire", "axes prioritaires"), count: row.axes, href: `${base}#axes` });
  else missing.push("Aucun axe prioritaire.");
  if (objectives > 0) {
    facts.push({
      label: `${countOf(objectives, "objectif", "objectifs")} (${row.court} à court terme, ${row.moyen} à moyen terme, ${row.long} à long terme)`,
      count: objectives,
      href: `${base}#objectifs`,
    });
    if (row.long === 0) missing.push("Aucun objectif à long terme.");
  } else missing.push("Aucun objectif.");
  if (row.open_questions > 0) {
    const n = row.open_questions;
    next.push({
      text: `${n} ${n > 1 ? "questions prioritaires du diagnostic n'ont" : "question prioritaire du diagnostic n'a"} pas encore d'objectif`,
      href: `${base}/couverture#questions-sans-objectif`,
      urgency: "useful",
    });
  }
  if (!hasVision) next.push({ text: "Écrire la vision du territoire", href: `${base}#vision`, urgency: "useful" });
  if (objectives === 0) next.push({ text: "Fixer les premiers objectifs, à partir des constats du diagnostic", href: `${base}#nouvel-objectif`, urgency: "useful" });
  return [{ phase: "strategy", facts, missing, next, lastChange: asDate(row.last) }];
}
