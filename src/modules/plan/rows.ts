/**
 * The rows an action holds, selected the same way for one action (the sheet, queries.ts) and for a whole
 * version (the read side, read.ts): the same columns and joins (objective titles, partner and contributor
 * names, the catalogue's funder), scoped to one action or, through a join on plan_actions filtered by territory
 * and version, to every action of a version in one query (no `IN (…2,000 ids…)` list).
 */
import { and, asc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import type { Executor } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import { planActionIndicators, planActionObjectives, planActionPartners, planActions, planActionSteps, planBudgetLines, planFundings, planInKind } from "./schema";

/** An action's columns every list of actions shows (the cards by axis, the read side's view). */
export const actionListColumns = {
  id: planActions.id,
  title: planActions.title,
  axisId: planActions.axisId,
  status: planActions.status,
  startMonth: planActions.startMonth,
  endMonth: planActions.endMonth,
  recurring: planActions.recurring,
  position: planActions.position,
};

/** One action (its sheet), or every action of a version of the territory (the read side). */
export type RowScope = { actionId: string } | { territoryId: string; versionId: string };

function scoped<T extends PgSelect>(query: T, actionId: AnyPgColumn, scope: RowScope): T {
  if ("actionId" in scope) return query.where(eq(actionId, scope.actionId));
  // Every query here names its columns: the join filters rows and adds none, so the result keeps its type.
  return query.innerJoin(planActions, eq(actionId, planActions.id)).where(and(eq(planActions.territoryId, scope.territoryId), eq(planActions.versionId, scope.versionId))) as unknown as T;
}

export function objectiveRows(db: Executor, scope: RowScope) {
  const query = db
    .select({ actionId: planActionObjectives.actionId, id: strategyObjectives.id, title: strategyObjectives.title, horizon: strategyObjectives.horizon })
    .from(planActionObjectives)
    .innerJoin(strategyObjectives, eq(strategyObjectives.id, planActionObjectives.objectiveId))
    .$dynamic();
  return scoped(query, planActionObjectives.actionId, scope).orderBy(asc(strategyObjectives.position), asc(strategyObjectives.title));
}

export function partnerRows(db: Executor, scope: RowScope) {
  const query = db
    .select({ actionId: planActionPartners.actionId, actorId: planActionPartners.actorId, name: actors.name, role: planActionPartners.role })
    .from(planActionPartners)
    .innerJoin(actors, eq(actors.id, planActionPartners.actorId))
    .$dynamic();
  return scoped(query, planActionPartners.actionId, scope).orderBy(asc(actors.name));
}

export function stepRows(db: Executor, scope: RowScope) {
  const query = db.select(getTableColumns(planActionSteps)).from(planActionSteps).$dynamic();
  return scoped(query, planActionSteps.actionId, scope).orderBy(asc(planActionSteps.position), asc(planActionSteps.dueDate), asc(planActionSteps.id));
}

export function budgetRows(db: Executor, scope: RowScope) {
  const query = db.select(getTableColumns(planBudgetLines)).from(planBudgetLines).$dynamic();
  return scoped(query, planBudgetLines.actionId, scope).orderBy(asc(planBudgetLines.year), asc(planBudgetLines.item), asc(planBudgetLines.id));
}

/**
 * Co-funding rows with their catalogue source's name and funder. The sheet lists them by funder's name
 * (`byName`); the views and exports by year, then the largest amount first.
 */
export function fundingRows(db: Executor, scope: RowScope, order: "byName" | "byAmount") {
  const query = db
    .select({ f: planFundings, sourceName: fundingSources.name, sourceFunder: fundingSources.funder })
    .from(planFundings)
    .leftJoin(fundingSources, eq(fundingSources.id, planFundings.sourceId))
    .$dynamic();
  const then: SQL[] = order === "byName" ? [sql`coalesce(${fundingSources.name}, ${planFundings.funderLabel})`] : [sql`${planFundings.amount} desc`];
  return scoped(query, planFundings.actionId, scope).orderBy(asc(planFundings.year), ...then, asc(planFundings.id));
}

/** In-kind rows with their contributor's name; the sheet groups a year's rows by kind (`byKind`). */
export function inKindRows(db: Executor, scope: RowScope, order: "byKind" | "asEntered") {
  const query = db.select({ k: planInKind, actorName: actors.name }).from(planInKind).leftJoin(actors, eq(actors.id, planInKind.actorId)).$dynamic();
  return scoped(query, planInKind.actionId, scope).orderBy(asc(planInKind.year), ...(order === "byKind" ? [asc(planInKind.kind)] : []), asc(planInKind.id));
}

export function indicatorRows(db: Executor, scope: RowScope) {
  const query = db.select(getTableColumns(planActionIndicators)).from(planActionIndicators).$dynamic();
  return scoped(query, planActionIndicators.actionId, scope).orderBy(asc(planActionIndicators.label), asc(planActionIndicators.id));
}
