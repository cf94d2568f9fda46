import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { communes } from "@/modules/geo";
import { requireTerritoryId } from "@/modules/territories";
import { fundingDeadlines, fundingResources, fundingSources } from "./schema";
import type { CatalogueFilters } from "./validation";
import type { MatchPlaces, MatchSource } from "./match";

export type Source = typeof fundingSources.$inferSelect;
export type Deadline = typeof fundingDeadlines.$inferSelect;
export type Resource = typeof fundingResources.$inferSelect;

/** The sources a territory sees: the shipped reference list and its own local sources (never another's). */
function visibleTo(territoryId: string): SQL {
  return or(isNull(fundingSources.territoryId), eq(fundingSources.territoryId, requireTerritoryId(territoryId))) as SQL;
}

/** A day N days after `today` (YYYY-MM-DD), in UTC calendar days. */
export function addDays(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type CatalogueRow = Source & { nextDeadline: Deadline | null };

/** The catalogue, filtered; local sources first, then by name. `today` is the calendar day (YYYY-MM-DD). */
export async function listSources(db: Executor, territoryId: string, filters: CatalogueFilters, today: string): Promise<CatalogueRow[]> {
  const where: SQL[] = [visibleTo(territoryId)];
  if (filters.kind) where.push(eq(fundingSources.aidKind, filters.kind));
  if (filters.theme) where.push(sql`${filters.theme} = any(${fundingSources.themes})`);
  if (filters.scope === "local") where.push(eq(fundingSources.territoryId, territoryId));
  else if (filters.scope) where.push(eq(fundingSources.scopeKind, filters.scope));
  const rows = await db
    .select()
    .from(fundingSources)
    .where(and(...where))
    .orderBy(sql`${fundingSources.territoryId} is null`, asc(fundingSources.name));
  const next = await nextDeadlines(db, territoryId, rows.map((r) => r.id), today);
  const out = rows.map((r) => ({ ...r, nextDeadline: next.get(r.id) ?? null }));
  if (!filters.soon) return out;
  const until = addDays(today, Number(filters.soon));
  return out.filter((r) => r.nextDeadline && r.nextDeadline.date <= until);
}

/** For each source, the territory's first deadline from today on. */
async function nextDeadlines(db: Executor, territoryId: string, sourceIds: string[], today: string): Promise<Map<string, Deadline>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(fundingDeadlines)
    .where(and(eq(fundingDeadlines.territoryId, requireTerritoryId(territoryId)), inArray(fundingDeadlines.sourceId, sourceIds), gte(fundingDeadlines.date, today)))
    .orderBy(asc(fundingDeadlines.date));
  const out = new Map<string, Deadline>();
  for (const r of rows) if (!out.has(r.sourceId)) out.set(r.sourceId, r);
  return out;
}

export async function findSource(db: Executor, territoryId: string, id: string): Promise<Source | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(fundingSources).where(and(eq(fundingSources.id, id), visibleTo(territoryId)));
  return row;
}

/** A source's deadlines as this territory knows them, by date. */
export async function deadlinesOf(db: Executor, territoryId: string, sourceId: string): Promise<Deadline[]> {
  return db
    .select()
    .from(fundingDeadlines)
    .where(and(eq(fundingDeadlines.territoryId, requireTerritoryId(territoryId)), eq(fundingDeadlines.sourceId, sourceId)))
    .orderBy(asc(fundingDeadlines.date), asc(fundingDeadlines.position));
}

export type UpcomingDeadline = Deadline & { sourceName: string };

/** The territory's deadlines between two days (inclusive), soonest first. */
export async function deadlinesBetween(db: Executor, territoryId: string, from: string, to: string): Promise<UpcomingDeadline[]> {
  const rows = await db
    .select({ d: fundingDeadlines, sourceName: fundingSources.name })
    .from(fundingDeadlines)
    .innerJoin(fundingSources, eq(fundingSources.id, fundingDeadlines.sourceId))
    .where(and(eq(fundingDeadlines.territoryId, requireTerritoryId(territoryId)), gte(fundingDeadlines.date, from), lte(fundingDeadlines.date, to)))
    .orderBy(asc(fundingDeadlines.date), asc(fundingSources.name));
  return rows.map((r) => ({ ...r.d, sourceName: r.sourceName }));
}

export async function countSources(db: Executor, territoryId: string): Promise<{ reference: number; local: number }> {
  const [row] = await db
    .select({
      reference: sql<number>`count(*) filter (where ${fundingSources.territoryId} is null)::int`,
      local: sql<number>`count(*) filter (where ${fundingSources.territoryId} is not null)::int`,
    })
    .from(fundingSources)
    .where(visibleTo(territoryId));
  return { reference: row?.reference ?? 0, local: row?.local ?? 0 };
}

/** Shipped and local resources, local first; optionally those of one theme. */
export async function listResources(db: Executor, territoryId: string, theme?: string): Promise<Resource[]> {
  const where: SQL[] = [or(isNull(fundingResources.territoryId), eq(fundingResources.territoryId, requireTerritoryId(territoryId))) as SQL];
  if (theme) where.push(sql`${theme} = any(${fundingResources.themes})`);
  return db
    .select()
    .from(fundingResources)
    .where(and(...where))
    .orderBy(sql`${fundingResources.territoryId} is null`, asc(fundingResources.name));
}

/** Communes with the EPCI, département and région they belong to: where an action takes place, for matching. */
export async function placesOf(db: Executor, communeCodes: readonly string[]): Promise<MatchPlaces> {
  const codes = [...new Set(communeCodes)];
  if (codes.length === 0) return { communes: [], epcis: [], departements: [], regions: [] };
  const rows = await db.select({ code: communes.code, epci: communes.epci, departement: communes.departement, region: communes.region }).from(communes).where(inArray(communes.code, codes));
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return { communes: uniq(rows.map((r) => r.code)), epcis: uniq(rows.map((r) => r.epci)), departements: uniq(rows.map((r) => r.departement)), regions: uniq(rows.map((r) => r.region)) };
}

/** Every source the territory sees, with its deadlines, in the shape matching reads. */
export async function sourcesForMatching(db: Executor, territoryId: string): Promise<MatchSource[]> {
  const rows = await db.select().from(fundingSources).where(visibleTo(territoryId)).orderBy(asc(fundingSources.name));
  const deadlines = await db.select().from(fundingDeadlines).where(eq(fundingDeadlines.territoryId, territoryId)).orderBy(asc(fundingDeadlines.date));
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    local: s.territoryId !== null,
    aidKind: s.aidKind,
    themes: s.themes,
    bearers: s.bearers,
    scopeKind: s.scopeKind,
    scopeCodes: s.scopeCodes,
    amountMin: s.amountMin,
    amountMax: s.amountMax,
    rateMax: s.rateMax,
    deadlines: deadlines.filter((d) => d.sourceId === s.id).map((d) => ({ kind: d.kind, date: d.date, label: d.label })),
  }));
}
