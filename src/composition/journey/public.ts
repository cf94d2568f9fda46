import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId, perimeterCodes } from "@/modules/territories";
import { places } from "@/modules/places";
import { actors, visibleIn } from "@/modules/actors";
import { diagnosticReports } from "@/modules/diagnostic";
import { planVersions } from "@/modules/plan";
import { assembleJourney, type Journey } from "./assemble";

type Row = { places: number; actors: number; report: number | null; report_at: Date | string | null; plan: number | null; plan_title: string | null; plan_at: Date | string | null };

/**
 * The journey as the public page shows it: only what the territory publishes (its places and actors in the
 * shared registry, the versions of its état des lieux, the version of its plan it chose to publish), in one
 * query, with no next step (a visitor has nothing to do in the workspace). Read by a cached page: no session.
 */
export async function publicJourney(db: Executor, territory: JourneyTerritory): Promise<Journey> {
  const id = requireTerritoryId(territory.id);
  const row = journeyRow<Row>(
    await db.execute(sql`select
      (select count(*)::int from ${places} where ${places.communeCode} in (${perimeterCodes(db, id)})) as places,
      (select count(*)::int from ${actors} where ${visibleIn(db, id)}) as actors,
      (select max(${diagnosticReports.version}) from ${diagnosticReports} where ${diagnosticReports.territoryId} = ${id}) as report,
      (select max(${diagnosticReports.publishedAt}) from ${diagnosticReports} where ${diagnosticReports.territoryId} = ${id}) as report_at,
      p.number as plan, p.title as plan_title, p.published_at as plan_at
      from (select 1) one left join lateral (
        select ${planVersions.number} as number, ${planVersions.title} as title, ${planVersions.publishedAt} as published_at from ${planVersions}
        where ${planVersions.territoryId} = ${id} and ${planVersions.publishedAt} is not null order by ${planVersions.publishedAt} desc limit 1) p on true`),
  );
  const base = `/territoires/${territory.slug}`;
  const contributions: JourneyContribution[] = [];
  const mapFacts: JourneyContribution["facts"] = [];
  if (row?.actors) mapFacts.push({ label: countOf(row.actors, "acteur cartographié", "acteurs cartographiés"), count: row.actors, href: `${base}/acteurs` });
  if (row?.places) mapFacts.push({ label: countOf(row.places, "lieu de médiation numérique", "lieux de médiation numérique"), count: row.places, href: `${base}/lieux` });
  contributions.push({ phase: "map", facts: mapFacts, missing: [], next: [] });
  if (row?.report) {
    const at = journeyDate(row.report_at);
    contributions.push({ phase: "diagnose", facts: [{ label: `État des lieux publié (version ${row.report})`, date: at }], missing: [], next: [], lastChange: at });
  }
  if (row?.plan) {
    const at = journeyDate(row.plan_at);
    contributions.push({ phase: "strategy", facts: [{ label: `Plan d'action publié : « ${row.plan_title ?? ""} » (version ${row.plan})`, date: at, href: `${base}/plan` }], missing: [], next: [], lastChange: at });
  }
  // Every phase may publish nothing: a phase without a fact says so in the same words as an unserved one.
  return assembleJourney(contributions, new Set());
}
