import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { requireTerritoryId } from "@/modules/territories";
import { strategyObjectives } from "@/modules/strategy";
import { planActions, planVersions, type ActionStatus } from "@/modules/plan";
import { actors, visibleIn } from "@/modules/actors";
import { evaluationReports, indicatorMeasurements, indicators, indicatorTargets } from "./schema";

export type IndicatorRow = typeof indicators.$inferSelect;
export type Target = { id: string; periodEnd: string; value: number };
export type Measurement = { id: string; measuredOn: string; value: number; comment: string; isEstimate: boolean; computed: boolean; enteredByLabel: string };
export type Indicator = IndicatorRow & { targets: Target[]; measurements: Measurement[] };

/** One indicator of the territory (tenancy: never another territory's). */
export async function findIndicatorRow(db: Executor, territoryId: string, id: string): Promise<IndicatorRow | undefined> {
  requireTerritoryId(territoryId);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(indicators).where(and(eq(indicators.id, id), eq(indicators.territoryId, territoryId)));
  return row;
}

/** The territory's indicators with their targets and measurements (oldest first), in three queries. */
export async function listIndicators(db: Executor, territoryId: string, only?: { ids?: string[] }): Promise<Indicator[]> {
  requireTerritoryId(territoryId);
  const where = only?.ids ? and(eq(indicators.territoryId, territoryId), inArray(indicators.id, only.ids.length ? only.ids : ["00000000-0000-0000-0000-000000000000"])) : eq(indicators.territoryId, territoryId);
  const rows = await db.select().from(indicators).where(where).orderBy(asc(indicators.name), asc(indicators.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const targets = await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)).orderBy(asc(indicatorTargets.periodEnd));
  const measurements = await db.select().from(indicatorMeasurements).where(inArray(indicatorMeasurements.indicatorId, ids)).orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt));
  const byId = new Map<string, Indicator>(rows.map((r) => [r.id, { ...r, targets: [], measurements: [] }]));
  for (const t of targets) byId.get(t.indicatorId)?.targets.push({ id: t.id, periodEnd: t.periodEnd, value: t.value });
  for (const m of measurements)
    byId.get(m.indicatorId)?.measurements.push({ id: m.id, measuredOn: m.measuredOn, value: m.value, comment: m.comment, isEstimate: m.isEstimate, computed: m.computed, enteredByLabel: m.enteredByLabel });
  return [...byId.values()];
}

export async function findIndicator(db: Executor, territoryId: string, id: string): Promise<Indicator | undefined> {
  if (!(await findIndicatorRow(db, territoryId, id))) return undefined;
  return (await listIndicators(db, territoryId, { ids: [id] }))[0];
}

export type PlanActionRef = { lineageId: string; title: string; status: ActionStatus; objectiveIds?: string[] };

/** The actions of the plan's latest version (the working one, else the last frozen), abandoned ones included: an indicator keeps its history. */
export async function latestPlanActions(db: Executor, territoryId: string): Promise<PlanActionRef[]> {
  requireTerritoryId(territoryId);
  const [version] = await db.select({ id: planVersions.id }).from(planVersions).where(eq(planVersions.territoryId, territoryId)).orderBy(desc(planVersions.number)).limit(1);
  if (!version) return [];
  return db
    .select({ lineageId: planActions.lineageId, title: planActions.title, status: planActions.status })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, version.id)))
    .orderBy(asc(planActions.position), asc(planActions.title));
}

/** What the indicator form offers: the territory's objectives, the plan's actions, the structures it sees. */
export async function indicatorChoices(db: Executor, territoryId: string) {
  requireTerritoryId(territoryId);
  const objectives = await db.select({ id: strategyObjectives.id, title: strategyObjectives.title }).from(strategyObjectives).where(eq(strategyObjectives.territoryId, territoryId)).orderBy(asc(strategyObjectives.position), asc(strategyObjectives.title));
  const actions = await latestPlanActions(db, territoryId);
  const structures = await db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.name)).limit(2000);
  return { objectives, actions, structures };
}

export async function objectiveInTerritory(db: Executor, territoryId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: strategyObjectives.id }).from(strategyObjectives).where(and(eq(strategyObjectives.id, id), eq(strategyObjectives.territoryId, territoryId)));
  return row !== undefined;
}

export async function actionLineageInTerritory(db: Executor, territoryId: string, lineageId: string): Promise<boolean> {
  const [row] = await db.select({ id: planActions.id }).from(planActions).where(and(eq(planActions.lineageId, lineageId), eq(planActions.territoryId, territoryId))).limit(1);
  return row !== undefined;
}

export async function actorExists(db: Executor, territoryId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.id, id), visibleIn(db, territoryId)));
  return row !== undefined;
}

/** Indicators linked to plan actions by lineage: the coverage matrix counts them (an action measured either way). */
export async function indicatorNamesByActionLineage(db: Executor, territoryId: string): Promise<Map<string, string[]>> {
  requireTerritoryId(territoryId);
  const rows = await db.select({ lineageId: indicators.actionLineageId, name: indicators.name }).from(indicators).where(eq(indicators.territoryId, territoryId)).orderBy(asc(indicators.name));
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.lineageId) out.set(r.lineageId, [...(out.get(r.lineageId) ?? []), r.name]);
  return out;
}

/** The evaluation's indicators tied to one plan action (by lineage), for its sheet. */
export async function indicatorsOfActionLineage(db: Executor, territoryId: string, lineageId: string): Promise<{ id: string; name: string }[]> {
  requireTerritoryId(territoryId);
  return db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(and(eq(indicators.territoryId, territoryId), eq(indicators.actionLineageId, lineageId))).orderBy(asc(indicators.name));
}

export type PublishedEvaluation<T> = { version: number; publishedAt: Date; publishedBy: string; data: T };

export async function listEvaluationReports(db: Executor, territoryId: string): Promise<{ version: number; publishedAt: Date; publishedBy: string }[]> {
  requireTerritoryId(territoryId);
  return db
    .select({ version: evaluationReports.version, publishedAt: evaluationReports.publishedAt, publishedBy: evaluationReports.publishedBy })
    .from(evaluationReports)
    .where(eq(evaluationReports.territoryId, territoryId))
    .orderBy(desc(evaluationReports.version));
}

export async function findEvaluationReport<T>(db: Executor, territoryId: string, version: number): Promise<PublishedEvaluation<T> | undefined> {
  requireTerritoryId(territoryId);
  if (!Number.isInteger(version) || version < 1) return undefined;
  const [row] = await db.select().from(evaluationReports).where(and(eq(evaluationReports.territoryId, territoryId), eq(evaluationReports.version, version)));
  return row ? { version: row.version, publishedAt: row.publishedAt, publishedBy: row.publishedBy, data: row.snapshot as T } : undefined;
}
