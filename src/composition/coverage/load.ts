import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { listFindings } from "@/modules/findings";
import { strategyOf, type Strategy } from "@/modules/strategy";
import { planActionIndicators, planActionObjectives, planActions, planVersions } from "@/modules/plan";
import { indicatorNamesByActionLineage } from "@/modules/indicators";
import { coverageMatrix, type Coverage, type CoverageAction } from "./matrix";

export type CoverageDocument = Coverage & { strategy: Strategy; version: { number: number; title: string; frozen: boolean } | null };

/**
 * The plan's side of the matrix: the actions of its latest version (the working one, or the last frozen one
 * when there is no working version), abandoned actions left out (they cover nothing), with their objectives
 * and indicators (picked on the sheet, or the evaluation's tied to the action's lineage). Three queries, whatever the number of actions.
 */
async function planSide(db: Executor, territoryId: string): Promise<{ version: CoverageDocument["version"]; actions: CoverageAction[] }> {
  const [version] = await db
    .select({ id: planVersions.id, number: planVersions.number, title: planVersions.title, frozenAt: planVersions.frozenAt })
    .from(planVersions)
    .where(eq(planVersions.territoryId, territoryId))
    .orderBy(desc(planVersions.number))
    .limit(1);
  if (!version) return { version: null, actions: [] };
  const rows = await db
    .select({ id: planActions.id, lineageId: planActions.lineageId, title: planActions.title, objectiveId: planActionObjectives.objectiveId })
    .from(planActions)
    .leftJoin(planActionObjectives, eq(planActionObjectives.actionId, planActions.id))
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, version.id), ne(planActions.status, "abandonnee")))
    .orderBy(asc(planActions.position), asc(planActions.title));
  const indicators = await db
    .select({ actionId: planActionIndicators.actionId, label: planActionIndicators.label })
    .from(planActionIndicators)
    .innerJoin(planActions, eq(planActions.id, planActionIndicators.actionId))
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, version.id)))
    .orderBy(asc(planActionIndicators.label));
  const actions = new Map<string, CoverageAction>();
  for (const r of rows) {
    let a = actions.get(r.id);
    if (!a) actions.set(r.id, (a = { id: r.id, title: r.title, objectiveIds: [], indicators: [] }));
    if (r.objectiveId) a.objectiveIds.push(r.objectiveId);
  }
  for (const i of indicators) actions.get(i.actionId)?.indicators.push(i.label);
  // An action is measured either way: an indicator picked on its sheet, or an evaluation indicator tied to its lineage.
  const evaluation = await indicatorNamesByActionLineage(db, territoryId);
  const lineageOf = new Map(rows.map((r) => [r.id, r.lineageId]));
  for (const a of actions.values()) for (const name of evaluation.get(lineageOf.get(a.id) ?? "") ?? []) if (!a.indicators.includes(name)) a.indicators.push(name);
  return { version: { number: version.number, title: version.title, frozen: version.frozenAt !== null }, actions: [...actions.values()] };
}

/** The matrix of a territory: its priority questions (findings module's ranking: most supported first), objectives, plan. */
export async function loadCoverage(db: Executor, territoryId: string): Promise<CoverageDocument> {
  const questions = (await listFindings(db, territoryId, { kind: "question" })).map((f) => ({ id: f.id, text: f.text, votes: f.votes }));
  const strategy = await strategyOf(db, territoryId);
  const { version, actions } = await planSide(db, territoryId);
  const matrix = coverageMatrix(
    questions,
    strategy.objectives.map((o) => ({ id: o.id, title: o.title, horizon: o.horizon, findingIds: o.findingIds })),
    actions,
  );
  return { ...matrix, strategy, version };
}
