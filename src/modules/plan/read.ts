/**
 * The read side of the action plan: one version of a territory's plan, whole, in a fixed number of
 * queries (the version, the settings, the axes, the actions with their axis and lead, then one query per
 * kind of child row: objectives, partners, steps, budget lines, co-funding, in-kind, indicators), whatever
 * the number of actions. The timeline, the budget synthesis, the map, the exports and the CLI all read this
 * one shape (PlanView), so that they show the same plan.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { strategyAxes } from "@/modules/strategy";
import { planActions, planSettings, planVersions, type ActionStatus, type FundingStatus } from "./schema";
import type { inKindKinds } from "./vocabulary";
import { versionColumns, type PlanVersionSummary } from "./versions";
import { actionListColumns, budgetRows, fundingRows, indicatorRows, inKindRows, objectiveRows, partnerRows, stepRows } from "./rows";

export type InKindSettings = { unit: "euros" | "jours"; dayValueEuros: number };

export type PlanActionView = {
  id: string;
  lineageId: string;
  title: string;
  description: string;
  axisId: string | null;
  status: ActionStatus;
  /** First day of the month, YYYY-MM-01. */
  startMonth: string | null;
  endMonth: string | null;
  recurring: boolean;
  position: number;
  publics: string[];
  themes: string[];
  /** INSEE codes. */
  communes: string[];
  lead: { id: string; name: string } | null;
  objectives: { id: string; title: string; horizon: string }[];
  partners: { actorId: string; name: string; role: string }[];
  steps: { id: string; title: string; dueDate: string | null; done: boolean }[];
  budget: { year: number; item: string; planned: number; actual: number | null }[];
  fundings: { sourceId: string | null; funder: string; year: number; status: FundingStatus; amount: number }[];
  inKind: { actorId: string | null; actorName: string | null; kind: (typeof inKindKinds)[number]; description: string; year: number; days: number | null; valueEuros: number | null }[];
  indicators: { indicatorKey: string | null; label: string }[];
};

export type PlanView = {
  version: PlanVersionSummary;
  settings: InKindSettings;
  /** The territory's axes in their order (an axis without actions is listed too). */
  axes: { id: string; title: string; position: number }[];
  /** In plan order: axis position, then the action's position in its axis; actions without an axis last. */
  actions: PlanActionView[];
};

export async function inKindSettings(db: Executor, territoryId: string): Promise<InKindSettings> {
  const [row] = await db.select().from(planSettings).where(eq(planSettings.territoryId, territoryId));
  // The column is free text: anything but "euros" means the territory counts in days.
  return { unit: !row || row.inKindUnit === "euros" ? "euros" : "jours", dayValueEuros: row?.dayValueEuros ?? 300 };
}

function groupBy<T>(rows: T[], actionOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = actionOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/**
 * Views kept per database (tests open several), on globalThis: Next.js may load this module more than once.
 * A 2,000-action version is ~38,000 rows (~20 MB of objects): only the most recently used few are kept.
 */
export const PLAN_VIEW_CACHE_ENTRIES = 4;
type Kept = { key: string; view: Promise<PlanView> };
const shared = globalThis as unknown as { __maillagePlanViews?: WeakMap<Executor, Map<string, Kept>> };
const kept = (shared.__maillagePlanViews ??= new WeakMap<Executor, Map<string, Kept>>());

/**
 * What a view of the version depends on, read in one query just before the cache is looked up (as the
 * diagnostic's portrait does): the version row with its content revision (bumped in the same transaction by
 * every plan write, versions.ts), the territory's in-kind valuation, and what other modules own and the view
 * shows: the axes and objectives of the territory (titles, order, horizon: a fingerprint of those few rows,
 * since reordering them touches no date), the actors' and funding sources' names (their last change).
 */
async function viewKeyOf(db: Executor, territoryId: string, versionId: string): Promise<{ version: PlanVersionSummary; key: string } | undefined> {
  const [row] = await db
    .select({
      ...versionColumns,
      others: sql<string>`concat_ws('|',
        (select updated_at::text from plan_settings s where s.territory_id = "plan_versions"."territory_id"),
        (select md5(string_agg(x.id::text || ':' || x.position || ':' || x.title, ',' order by x.id)) from strategy_axes x where x.territory_id = "plan_versions"."territory_id"),
        (select md5(string_agg(o.id::text || ':' || o.position || ':' || o.horizon || ':' || o.title, ',' order by o.id)) from strategy_objectives o where o.territory_id = "plan_versions"."territory_id"),
        (select count(*) || ':' || coalesce(max(updated_at)::text, '') from actors),
        (select count(*) || ':' || coalesce(max(updated_at)::text, '') from funding_sources))`,
    })
    .from(planVersions)
    .where(and(eq(planVersions.id, versionId), eq(planVersions.territoryId, territoryId)));
  if (!row) return undefined;
  const { others, ...version } = row;
  return { version, key: JSON.stringify([version.contentRevision, version.number, version.title, version.frozenAt?.getTime() ?? null, version.publishedAt?.getTime() ?? null, others]) };
}

/**
 * The whole of one version, computed once per content revision and kept: the budget synthesis, the timeline,
 * the map, the exports and the coverage matrix read the same object, and what is computed from it (roll-up,
 * charts, months grid) is kept with it (WeakMaps on the view). Simultaneous requests share one read. A write
 * bumps the revision in its transaction, so the next request after the commit reads the version again.
 * The territory id is part of every query (tenancy): a version id of another territory gives an empty plan,
 * never its actions. Callers must not mutate the result (it is shared).
 */
export async function loadPlan(db: Executor, territoryId: string, version: PlanVersionSummary): Promise<PlanView> {
  const current = await viewKeyOf(db, territoryId, version.id);
  // Not this territory's version: nothing to keep, nothing to show.
  if (!current) return { version, settings: await inKindSettings(db, territoryId), axes: [], actions: [] };
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map()));
  const slot = `${territoryId}:${version.id}`;
  const known = cache.get(slot);
  if (known && known.key === current.key) {
    // Most recently used last: eviction takes the oldest first.
    cache.delete(slot);
    cache.set(slot, known);
    return known.view;
  }
  const entry: Kept = { key: current.key, view: readPlan(db, territoryId, current.version) };
  cache.delete(slot);
  cache.set(slot, entry);
  for (const k of cache.keys()) {
    if (cache.size <= PLAN_VIEW_CACHE_ENTRIES) break;
    cache.delete(k);
  }
  const store = cache;
  entry.view.catch(() => {
    // A failed read is not kept: the next call tries again.
    if (store.get(slot) === entry) store.delete(slot);
  });
  return entry.view;
}

async function readPlan(db: Executor, territoryId: string, version: PlanVersionSummary): Promise<PlanView> {
  const inVersion = and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, version.id));
  // Child rows: one query per kind of row for the whole version, whatever the number of actions (rows.ts).
  const scope = { territoryId, versionId: version.id };
  const [settings, axes, actionRows, objectives, partners, steps, budget, fundings, inKind, indicators] = await Promise.all([
    inKindSettings(db, territoryId),
    db
      .select({ id: strategyAxes.id, title: strategyAxes.title, position: strategyAxes.position })
      .from(strategyAxes)
      .where(eq(strategyAxes.territoryId, territoryId))
      .orderBy(asc(strategyAxes.position), asc(strategyAxes.title)),
    db
      .select({
        ...actionListColumns,
        lineageId: planActions.lineageId,
        description: planActions.description,
        publics: planActions.publics,
        themes: planActions.themes,
        communes: planActions.communes,
        leadId: actors.id,
        leadName: actors.name,
      })
      .from(planActions)
      .leftJoin(actors, eq(actors.id, planActions.leadActorId))
      .where(inVersion)
      .orderBy(asc(planActions.position), asc(planActions.createdAt), asc(planActions.id)),
    objectiveRows(db, scope),
    partnerRows(db, scope),
    stepRows(db, scope),
    budgetRows(db, scope),
    fundingRows(db, scope, "byAmount"),
    inKindRows(db, scope, "asEntered"),
    indicatorRows(db, scope),
  ]);

  const objectivesOf = groupBy(objectives, (r) => r.actionId);
  const partnersOf = groupBy(partners, (r) => r.actionId);
  const stepsOf = groupBy(steps, (r) => r.actionId);
  const budgetOf = groupBy(budget, (r) => r.actionId);
  const fundingsOf = groupBy(fundings, (r) => r.f.actionId);
  const inKindOf = groupBy(inKind, (r) => r.k.actionId);
  const indicatorsOf = groupBy(indicators, (r) => r.actionId);
  const axisOrder = new Map(axes.map((a, i) => [a.id, i]));
  const rank = (axisId: string | null) => (axisId === null ? axes.length : (axisOrder.get(axisId) ?? axes.length));

  const actions = actionRows
    .map(({ leadId, leadName, ...a }): PlanActionView => ({
      ...a,
      lead: leadId ? { id: leadId, name: leadName ?? "" } : null,
      objectives: (objectivesOf.get(a.id) ?? []).map(({ id, title, horizon }) => ({ id, title, horizon })),
      partners: (partnersOf.get(a.id) ?? []).map(({ actorId, name, role }) => ({ actorId, name, role })),
      steps: (stepsOf.get(a.id) ?? []).map(({ id, title, dueDate, done }) => ({ id, title, dueDate, done })),
      budget: (budgetOf.get(a.id) ?? []).map(({ year, item, planned, actual }) => ({ year, item, planned, actual })),
      fundings: (fundingsOf.get(a.id) ?? []).map(({ f, sourceName, sourceFunder }) => ({
        sourceId: f.sourceId,
        // The catalogue's funder when the row points at a source, else the funder typed in words.
        funder: f.sourceId ? sourceFunder || sourceName || f.funderLabel : f.funderLabel || "Financeur non précisé",
        year: f.year,
        status: f.status,
        amount: f.amount,
      })),
      inKind: (inKindOf.get(a.id) ?? []).map(({ k: { actorId, kind, description, year, days, valueEuros }, actorName }) => ({ actorId, actorName, kind, description, year, days, valueEuros })),
      indicators: (indicatorsOf.get(a.id) ?? []).map(({ indicatorKey, label }) => ({ indicatorKey, label })),
    }))
    .sort((x, y) => rank(x.axisId) - rank(y.axisId) || x.position - y.position);

  return { version, settings, axes, actions };
}
