import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { customIndicators, diagnosticReports } from "./schema";

type Row = { version: number | null; published: Date | string | null; indicators: number; indicators_at: Date | string | null };

/**
 * The diagnostic's part of the journey (phase 2), in one cheap query: the published versions of the état des
 * lieux and the indicators the territory imported. The portrait itself (distances for every commune) is not
 * computed here: the home stays cheap.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const row = journeyRow<Row>(
    await db.execute(sql`select
      (select max(${diagnosticReports.version}) from ${diagnosticReports} where ${diagnosticReports.territoryId} = ${id}) as version,
      (select max(${diagnosticReports.publishedAt}) from ${diagnosticReports} where ${diagnosticReports.territoryId} = ${id}) as published,
      (select count(*)::int from ${customIndicators} where ${customIndicators.territoryId} = ${id}) as indicators,
      (select max(${customIndicators.updatedAt}) from ${customIndicators} where ${customIndicators.territoryId} = ${id}) as indicators_at`),
  );
  const base = `/espace/${territory.slug}/diagnostic`;
  const facts: JourneyContribution["facts"] = [{ label: "Portrait du territoire (lieux, distances, zones blanches)", href: base }];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  const published = journeyDate(row?.published);
  if (row?.version) facts.push({ label: `État des lieux publié (version ${row.version})`, date: published, href: `${base}/etat-des-lieux` });
  else {
    missing.push("L'état des lieux n'est pas encore publié.");
    next.push({ text: "Publier l'état des lieux quand le diagnostic est mûr", href: `${base}/etat-des-lieux`, urgency: "useful" });
  }
  if (row?.indicators) facts.push({ label: countOf(row.indicators, "indicateur importé", "indicateurs importés"), count: row.indicators, href: `${base}/indicateurs` });
  const dates = [published, journeyDate(row?.indicators_at)].filter((d): d is Date => d !== undefined);
  return [{ phase: "diagnose", facts, missing, next, lastChange: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined }];
}
