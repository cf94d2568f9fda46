import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { actors, visibleIn } from "@/modules/actors";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import {
  planActionDocuments,
  planActionObjectives,
  planActionPartners,
  planActions,
  planBudgetLines,
  planFundings,
  planInKind,
  planSettings,
  planVersions,
} from "./schema";
import { actionListColumns, budgetRows, fundingRows, indicatorRows, inKindRows, objectiveRows, partnerRows, stepRows } from "./rows";

// Write side's reads: one action with everything on its sheet, the actions of a version by axis, the versions,
// the choices of the forms. Every query takes the territory id (tenancy); the versions are read by versions.ts
// (both sides), PLANVIEW's read model is in read.ts.

export type ActionCard = Awaited<ReturnType<typeof listActionCards>>[number];

/** The actions of a version in axis order then position, with their lead, cost and funding at a glance. */
export async function listActionCards(db: Executor, territoryId: string, versionId: string) {
  return db
    .select({
      ...actionListColumns,
      leadName: actors.name,
      // Correlated subqueries written with explicit aliases: drizzle may print a column without its table inside sql``.
      planned: sql<number>`coalesce((select sum(b.planned) from plan_budget_lines b where b.action_id = "plan_actions"."id"), 0)::float8`,
      secured: sql<number>`coalesce((select sum(f.amount) from plan_fundings f where f.action_id = "plan_actions"."id" and f.status in ('accorde', 'verse')), 0)::float8`,
      steps: sql<number>`(select count(*)::int from plan_action_steps s where s.action_id = "plan_actions"."id")`,
      stepsDone: sql<number>`(select count(*)::int from plan_action_steps s where s.action_id = "plan_actions"."id" and s.done)`,
    })
    .from(planActions)
    .leftJoin(actors, eq(actors.id, planActions.leadActorId))
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, versionId)))
    .orderBy(asc(planActions.position), asc(planActions.title), asc(planActions.id));
}

export async function listAxes(db: Executor, territoryId: string) {
  return db.select({ id: strategyAxes.id, title: strategyAxes.title }).from(strategyAxes).where(eq(strategyAxes.territoryId, territoryId)).orderBy(asc(strategyAxes.position), asc(strategyAxes.title));
}

/** What the action forms choose from: axes, objectives, actors the territory sees, funding sources it sees. */
export async function planChoices(db: Executor, territoryId: string) {
  const [axes, objectives, actorRows, sources] = [
    await listAxes(db, territoryId),
    await db
      .select({ id: strategyObjectives.id, title: strategyObjectives.title, axisId: strategyObjectives.axisId })
      .from(strategyObjectives)
      .where(eq(strategyObjectives.territoryId, territoryId))
      .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.title)),
    await db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.name), asc(actors.id)),
    await db
      .select({ id: fundingSources.id, name: fundingSources.name, funder: fundingSources.funder })
      .from(fundingSources)
      .where(or(isNull(fundingSources.territoryId), eq(fundingSources.territoryId, territoryId)))
      .orderBy(asc(fundingSources.name)),
  ];
  return { axes, objectives, actors: actorRows, sources };
}
export type PlanChoices = Awaited<ReturnType<typeof planChoices>>;

/** The action row, in the territory, with its version's number and frozen state. */
export async function findAction(db: Executor, territoryId: string, actionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) return undefined;
  const [row] = await db
    .select({ action: planActions, versionNumber: planVersions.number, frozenAt: planVersions.frozenAt })
    .from(planActions)
    .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
    .where(and(eq(planActions.id, actionId), eq(planActions.territoryId, territoryId)));
  return row ? { ...row.action, versionNumber: row.versionNumber, frozen: row.frozenAt !== null } : undefined;
}

/** Everything the action sheet shows. */
export async function findActionSheet(db: Executor, territoryId: string, actionId: string) {
  const action = await findAction(db, territoryId, actionId);
  if (!action) return undefined;
  const id = action.id;
  const scope = { actionId: id };
  const [objectives, partners, steps, budget, fundings, inKind, documents, indicators, lead, axis] = [
    await objectiveRows(db, scope),
    await partnerRows(db, scope),
    await stepRows(db, scope),
    await budgetRows(db, scope),
    await fundingRows(db, scope, "byName"),
    await inKindRows(db, scope, "byKind"),
    await db.select().from(planActionDocuments).where(eq(planActionDocuments.actionId, id)).orderBy(asc(planActionDocuments.addedAt), asc(planActionDocuments.id)),
    await indicatorRows(db, scope),
    action.leadActorId ? (await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.id, action.leadActorId)))[0] : undefined,
    action.axisId ? (await db.select({ id: strategyAxes.id, title: strategyAxes.title }).from(strategyAxes).where(eq(strategyAxes.id, action.axisId)))[0] : undefined,
  ];
  return {
    action,
    lead,
    axis,
    objectives: objectives.map(({ id: objectiveId, title }) => ({ id: objectiveId, title })),
    partners: partners.map(({ actorId, role, name }) => ({ actorId, role, name })),
    steps,
    budget,
    fundings: fundings.map((r) => ({ ...r.f, sourceName: r.sourceName, sourceFunder: r.sourceFunder })),
    inKind: inKind.map((r) => ({ ...r.k, actorName: r.actorName })),
    documents,
    indicators,
  };
}
export type ActionSheet = NonNullable<Awaited<ReturnType<typeof findActionSheet>>>;

/** How the territory values in-kind means (defaults when it never said). */
export async function planSettingsOf(db: Executor, territoryId: string): Promise<{ inKindUnit: "jours" | "euros"; dayValueEuros: number }> {
  const [row] = await db.select().from(planSettings).where(eq(planSettings.territoryId, territoryId));
  return { inKindUnit: row?.inKindUnit === "jours" ? "jours" : "euros", dayValueEuros: row?.dayValueEuros ?? 300 };
}

/** The euro value of an in-kind contribution: its own value, else its days at the territory's day value. */
export const inKindValue = (k: { days: number | null; valueEuros: number | null }, dayValueEuros: number) => k.valueEuros ?? (k.days ?? 0) * dayValueEuros;

/** The totals the sheet shows, and the warning when funding exceeds the cost (warned, never refused). */
export function sheetTotals(sheet: Pick<ActionSheet, "budget" | "fundings" | "inKind">, dayValueEuros: number) {
  const planned = sheet.budget.reduce((s, b) => s + b.planned, 0);
  const actual = sheet.budget.reduce((s, b) => s + (b.actual ?? 0), 0);
  const live = sheet.fundings.filter((f) => f.status !== "refuse");
  const funding = live.reduce((s, f) => s + f.amount, 0);
  const secured = live.filter((f) => f.status === "accorde" || f.status === "verse").reduce((s, f) => s + f.amount, 0);
  const inKind = sheet.inKind.reduce((s, k) => s + inKindValue(k, dayValueEuros), 0);
  const years = [...new Set([...sheet.budget.map((b) => b.year), ...live.map((f) => f.year)])].sort();
  const overfundedYears = years.filter((y) => live.filter((f) => f.year === y).reduce((s, f) => s + f.amount, 0) > sheet.budget.filter((b) => b.year === y).reduce((s, b) => s + b.planned, 0));
  return { planned, actual, funding, secured, inKind, overfunded: funding > planned, overfundedYears };
}

/** Actions (any version, any territory) an actor leads, is a partner of or contributes in kind to: why it cannot be deleted. */
export async function actionsUsingActor(db: Executor, actorId: string) {
  const partnerOf = db.select({ id: planActionPartners.actionId }).from(planActionPartners).where(eq(planActionPartners.actorId, actorId));
  const givesInKind = db.select({ id: planInKind.actionId }).from(planInKind).where(eq(planInKind.actorId, actorId));
  return db
    .select({ id: planActions.id, title: planActions.title, territoryId: planActions.territoryId, versionNumber: planVersions.number })
    .from(planActions)
    .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
    .where(or(eq(planActions.leadActorId, actorId), inArray(planActions.id, partnerOf), inArray(planActions.id, givesInKind)))
    .orderBy(asc(planActions.title), asc(planVersions.number));
}

/** The comparable content of every action of a version, keyed by lineage (for the compare of two versions). */
export async function versionContent(db: Executor, territoryId: string, versionId: string) {
  const rows = await db.select().from(planActions).where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, versionId)));
  const ids = rows.map((r) => r.id);
  const [objectives, budget, fundings] = ids.length
    ? [
        await db.select().from(planActionObjectives).where(inArray(planActionObjectives.actionId, ids)),
        await db.select().from(planBudgetLines).where(inArray(planBudgetLines.actionId, ids)),
        await db.select().from(planFundings).where(inArray(planFundings.actionId, ids)),
      ]
    : [[], [], []];
  return rows.map((r) => ({
    ...r,
    objectiveIds: objectives.filter((o) => o.actionId === r.id).map((o) => o.objectiveId).sort(),
    planned: budget.filter((b) => b.actionId === r.id).reduce((s, b) => s + b.planned, 0),
    funding: fundings.filter((f) => f.actionId === r.id && f.status !== "refuse").reduce((s, f) => s + f.amount, 0),
  }));
}
