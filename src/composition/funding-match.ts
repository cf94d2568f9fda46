// Funding for one action of the plan: reads the action through the plan's exported tables (plan sits above
// funding, which cannot import it) and ranks the territory's sources with funding's pure `matchSources`.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { actors, legalTypeLabels, type LegalType } from "@/modules/actors";
import { communes, departements, epcis, regions } from "@/modules/geo";
import { matchSources, placesOf, sourcesForMatching, type MatchAction, type SourceMatch } from "@/modules/funding";
import { planActions, planBudgetLines, planFundings, planVersions } from "@/modules/plan";
import { requireTerritoryId, territoryCommuneCodes } from "@/modules/territories";
import { themeLabel } from "@/modules/themes";

export type FundingMatchPage = {
  action: { id: string; title: string; leadName: string | null; themes: string[]; communeCount: number; startMonth: string | null; endMonth: string | null };
  matchAction: MatchAction;
  /** Planned cost and funding already secured (accordé, versé), in euros; null when no budget line yet. */
  planned: number | null;
  secured: number;
  matches: SourceMatch[];
  /** How many sources were looked at (the territory's local ones and the reference list). */
  looked: number;
};

/** Names of communes, EPCI, départements and régions by code, for the sentences. */
async function placeNames(db: Executor, codes: { communes: string[]; epcis: string[]; departements: string[]; regions: string[] }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const add = (rows: { code: string; name: string }[]) => rows.forEach((r) => out.set(r.code, r.name));
  if (codes.regions.length) add(await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes.regions)));
  if (codes.departements.length) add(await db.select({ code: departements.code, name: departements.name }).from(departements).where(inArray(departements.code, codes.departements)));
  if (codes.epcis.length) add(await db.select({ code: epcis.code, name: epcis.name }).from(epcis).where(inArray(epcis.code, codes.epcis)));
  if (codes.communes.length) add(await db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, codes.communes.slice(0, 2000))));
  return out;
}

/**
 * The sources that fit one action of the territory, ranked with their reasons; undefined when the action is not
 * the territory's. An action without communes takes place on the whole territory. `today` is YYYY-MM-DD.
 */
export async function loadFundingMatch(db: Executor, territoryId: string, actionId: string, today: string): Promise<FundingMatchPage | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) return undefined;
  const [row] = await db
    .select({ a: planActions, leadName: actors.name, leadType: actors.legalType })
    .from(planActions)
    .leftJoin(actors, eq(actors.id, planActions.leadActorId))
    .where(and(eq(planActions.id, actionId), eq(planActions.territoryId, requireTerritoryId(territoryId))));
  if (!row) return undefined;
  const a = row.a;
  const [plannedRow] = await db.select({ v: sql<string | null>`sum(${planBudgetLines.planned})` }).from(planBudgetLines).where(eq(planBudgetLines.actionId, a.id));
  const [securedRow] = await db
    .select({ v: sql<string | null>`sum(${planFundings.amount})` })
    .from(planFundings)
    .where(and(eq(planFundings.actionId, a.id), inArray(planFundings.status, ["accorde", "verse"])));
  const planned = plannedRow?.v == null ? null : Number(plannedRow.v);
  const secured = securedRow?.v == null ? 0 : Number(securedRow.v);
  const where = a.communes.length ? a.communes : await territoryCommuneCodes(db, territoryId);
  const places = await placesOf(db, where);
  const matchAction: MatchAction = {
    themes: a.themes,
    leadLegalType: row.leadType ?? null,
    places,
    startMonth: a.startMonth,
    endMonth: a.endMonth,
    amountNeeded: planned === null ? null : Math.max(0, planned - secured),
  };
  const sources = await sourcesForMatching(db, territoryId);
  const scoped = new Set(sources.flatMap((s) => s.scopeCodes));
  const names = await placeNames(db, {
    communes: places.communes.filter((c) => scoped.has(c)),
    epcis: places.epcis.filter((c) => scoped.has(c)),
    departements: places.departements.filter((c) => scoped.has(c)),
    regions: places.regions.filter((c) => scoped.has(c)),
  });
  const matches = matchSources(matchAction, sources, today, {
    theme: themeLabel,
    legalType: (t) => legalTypeLabels[t as LegalType] ?? t,
    place: (c) => (names.has(c) ? `${names.get(c)} (${c})` : c),
  });
  return {
    action: { id: a.id, title: a.title, leadName: row.leadName ?? null, themes: a.themes, communeCount: a.communes.length, startMonth: a.startMonth, endMonth: a.endMonth },
    matchAction,
    planned,
    secured,
    matches,
    looked: sources.length,
  };
}

/** The actions of the territory's latest plan version, to look for funding from the catalogue. */
export async function actionsForFunding(db: Executor, territoryId: string): Promise<{ id: string; title: string }[]> {
  const [latest] = await db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(eq(planVersions.territoryId, requireTerritoryId(territoryId)))
    .orderBy(desc(planVersions.number))
    .limit(1);
  if (!latest) return [];
  return db
    .select({ id: planActions.id, title: planActions.title })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, latest.id)))
    .orderBy(asc(planActions.position), asc(planActions.title));
}

/** The territory's actions whose co-funding rows name this source: why it cannot be deleted. */
export async function sourceUsage(db: Executor, territoryId: string, sourceId: string): Promise<{ id: string; title: string; version: number }[]> {
  return db
    .selectDistinct({ id: planActions.id, title: planActions.title, version: planVersions.number })
    .from(planFundings)
    .innerJoin(planActions, eq(planActions.id, planFundings.actionId))
    .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
    .where(and(eq(planFundings.sourceId, sourceId), eq(planActions.territoryId, requireTerritoryId(territoryId))))
    .orderBy(asc(planVersions.number), asc(planActions.title));
}
