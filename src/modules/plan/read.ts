/**
 * The read side of the action plan: one version of a territory's plan, whole, in a fixed number of
 * queries (the version, the settings, the axes, the actions with their axis and lead, then one query per
 * kind of child row: objectives, partners, steps, budget lines, co-funding, in-kind, indicators), whatever
 * the number of actions. The timeline, the budget synthesis, the map, the exports and the CLI all read this
 * one shape (PlanView), so that they show the same plan.
 */
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import {
  planActionIndicators,
  planActionObjectives,
  planActionPartners,
  planActions,
  planActionSteps,
  planBudgetLines,
  planFundings,
  planInKind,
  planSettings,
  planVersions,
  type ActionStatus,
  type FundingStatus,
} from "./schema";
import type { inKindKinds } from "./vocabulary";

export type PlanVersionSummary = {
  id: string;
  number: number;
  title: string;
  kind: "annuel" | "pluriannuel";
  startYear: number;
  endYear: number;
  frozenAt: Date | null;
  publishedAt: Date | null;
};

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

const versionColumns = {
  id: planVersions.id,
  number: planVersions.number,
  title: planVersions.title,
  kind: planVersions.kind,
  startYear: planVersions.startYear,
  endYear: planVersions.endYear,
  frozenAt: planVersions.frozenAt,
  publishedAt: planVersions.publishedAt,
};

/** The territory's versions, newest first. */
export async function listPlanVersions(db: Executor, territoryId: string): Promise<PlanVersionSummary[]> {
  return db.select(versionColumns).from(planVersions).where(eq(planVersions.territoryId, territoryId)).orderBy(desc(planVersions.number));
}

/** Version `number`, or without it the working one (the latest: the one new actions go to, or the last frozen). */
export async function findPlanVersion(db: Executor, territoryId: string, number?: number): Promise<PlanVersionSummary | undefined> {
  const where = number === undefined ? eq(planVersions.territoryId, territoryId) : and(eq(planVersions.territoryId, territoryId), eq(planVersions.number, number));
  const [row] = await db.select(versionColumns).from(planVersions).where(where).orderBy(desc(planVersions.number)).limit(1);
  return row;
}

/** The version the territory shows to the public (the latest published one), if any. */
export async function publishedPlanVersion(db: Executor, territoryId: string): Promise<PlanVersionSummary | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(planVersions)
    .where(and(eq(planVersions.territoryId, territoryId), isNotNull(planVersions.publishedAt)))
    .orderBy(desc(planVersions.publishedAt), desc(planVersions.number))
    .limit(1);
  return row;
}

export async function inKindSettings(db: Executor, territoryId: string): Promise<InKindSettings> {
  const [row] = await db.select().from(planSettings).where(eq(planSettings.territoryId, territoryId));
  // The column is free text: anything but "euros" means the territory counts in days.
  return { unit: !row || row.inKindUnit === "euros" ? "euros" : "jours", dayValueEuros: row?.dayValueEuros ?? 300 };
}

function groupBy<T extends { actionId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.actionId);
    if (list) list.push(row);
    else map.set(row.actionId, [row]);
  }
  return map;
}

// Reads of the same version asked while one is already running share it (per executor: never across a
// transaction and the pool): twenty people opening the budget at the same moment cost one read, not twenty.
// Nothing is kept once the read ends, so a change is seen by the next request; the shared PlanView is never mutated.
const inflight = new WeakMap<Executor, Map<string, Promise<PlanView>>>();

/**
 * The whole of one version. The territory id is part of every query (tenancy): a version id of another
 * territory gives an empty plan, never its actions.
 */
export function loadPlan(db: Executor, territoryId: string, version: PlanVersionSummary): Promise<PlanView> {
  let running = inflight.get(db);
  if (!running) inflight.set(db, (running = new Map()));
  const key = `${territoryId}:${version.id}`;
  const pending = running.get(key);
  if (pending) return pending;
  const started = readPlan(db, territoryId, version).finally(() => running.delete(key));
  running.set(key, started);
  return started;
}

async function readPlan(db: Executor, territoryId: string, version: PlanVersionSummary): Promise<PlanView> {
  const inVersion = and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, version.id));
  // Child rows are selected through a join on plan_actions filtered by territory and version: one query per
  // kind of row, whatever the number of actions (no `IN (…2,000 ids…)` list).
  const ofActions = (t: { actionId: AnyPgColumn }) => eq(t.actionId, planActions.id);
  const [settings, axes, actionRows, objectives, partners, steps, budget, fundings, inKind, indicators] = await Promise.all([
    inKindSettings(db, territoryId),
    db
      .select({ id: strategyAxes.id, title: strategyAxes.title, position: strategyAxes.position })
      .from(strategyAxes)
      .where(eq(strategyAxes.territoryId, territoryId))
      .orderBy(asc(strategyAxes.position), asc(strategyAxes.title)),
    db
      .select({
        id: planActions.id,
        lineageId: planActions.lineageId,
        title: planActions.title,
        description: planActions.description,
        axisId: planActions.axisId,
        status: planActions.status,
        startMonth: planActions.startMonth,
        endMonth: planActions.endMonth,
        recurring: planActions.recurring,
        position: planActions.position,
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
    db
      .select({ actionId: planActionObjectives.actionId, id: strategyObjectives.id, title: strategyObjectives.title, horizon: strategyObjectives.horizon, position: strategyObjectives.position })
      .from(planActionObjectives)
      .innerJoin(planActions, ofActions(planActionObjectives))
      .innerJoin(strategyObjectives, eq(strategyObjectives.id, planActionObjectives.objectiveId))
      .where(inVersion)
      .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.title)),
    db
      .select({ actionId: planActionPartners.actionId, actorId: planActionPartners.actorId, name: actors.name, role: planActionPartners.role })
      .from(planActionPartners)
      .innerJoin(planActions, ofActions(planActionPartners))
      .innerJoin(actors, eq(actors.id, planActionPartners.actorId))
      .where(inVersion)
      .orderBy(asc(actors.name)),
    db
      .select({ actionId: planActionSteps.actionId, id: planActionSteps.id, title: planActionSteps.title, dueDate: planActionSteps.dueDate, done: planActionSteps.done })
      .from(planActionSteps)
      .innerJoin(planActions, ofActions(planActionSteps))
      .where(inVersion)
      .orderBy(asc(planActionSteps.position), asc(planActionSteps.dueDate)),
    db
      .select({ actionId: planBudgetLines.actionId, year: planBudgetLines.year, item: planBudgetLines.item, planned: planBudgetLines.planned, actual: planBudgetLines.actual })
      .from(planBudgetLines)
      .innerJoin(planActions, ofActions(planBudgetLines))
      .where(inVersion)
      .orderBy(asc(planBudgetLines.year), asc(planBudgetLines.item)),
    db
      .select({
        actionId: planFundings.actionId,
        sourceId: planFundings.sourceId,
        sourceName: fundingSources.name,
        sourceFunder: fundingSources.funder,
        funderLabel: planFundings.funderLabel,
        year: planFundings.year,
        status: planFundings.status,
        amount: planFundings.amount,
      })
      .from(planFundings)
      .innerJoin(planActions, ofActions(planFundings))
      .leftJoin(fundingSources, eq(fundingSources.id, planFundings.sourceId))
      .where(inVersion)
      .orderBy(asc(planFundings.year), desc(planFundings.amount), asc(planFundings.id)),
    db
      .select({
        actionId: planInKind.actionId,
        actorId: planInKind.actorId,
        actorName: actors.name,
        kind: planInKind.kind,
        description: planInKind.description,
        year: planInKind.year,
        days: planInKind.days,
        valueEuros: planInKind.valueEuros,
      })
      .from(planInKind)
      .innerJoin(planActions, ofActions(planInKind))
      .leftJoin(actors, eq(actors.id, planInKind.actorId))
      .where(inVersion)
      .orderBy(asc(planInKind.year), asc(planInKind.id)),
    db
      .select({ actionId: planActionIndicators.actionId, indicatorKey: planActionIndicators.indicatorKey, label: planActionIndicators.label })
      .from(planActionIndicators)
      .innerJoin(planActions, ofActions(planActionIndicators))
      .where(inVersion)
      .orderBy(asc(planActionIndicators.label)),
  ]);

  const objectivesOf = groupBy(objectives);
  const partnersOf = groupBy(partners);
  const stepsOf = groupBy(steps);
  const budgetOf = groupBy(budget);
  const fundingsOf = groupBy(fundings);
  const inKindOf = groupBy(inKind);
  const indicatorsOf = groupBy(indicators);
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
      fundings: (fundingsOf.get(a.id) ?? []).map((f) => ({
        sourceId: f.sourceId,
        // The catalogue's funder when the row points at a source, else the funder typed in words.
        funder: f.sourceId ? f.sourceFunder || f.sourceName || f.funderLabel : f.funderLabel || "Financeur non précisé",
        year: f.year,
        status: f.status,
        amount: f.amount,
      })),
      inKind: (inKindOf.get(a.id) ?? []).map(({ actorId, actorName, kind, description, year, days, valueEuros }) => ({ actorId, actorName, kind, description, year, days, valueEuros })),
      indicators: (indicatorsOf.get(a.id) ?? []).map(({ indicatorKey, label }) => ({ indicatorKey, label })),
    }))
    .sort((x, y) => rank(x.axisId) - rank(y.axisId) || x.position - y.position);

  return { version, settings, axes, actions };
}
