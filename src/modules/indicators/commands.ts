import { and, eq, max } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { indicatorPolicy } from "./policy";
import { actionLineageInTerritory, actorExists, findIndicatorRow, objectiveInTerritory } from "./queries";
import { evaluationReports, indicatorMeasurements, indicators, indicatorTargets } from "./schema";
import { indicatorSchema, measurementProblems, measurementSchema, publishEvaluationSchema, targetSchema, unitProblem, type IndicatorInput } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "nameOrEmail", anonymous: "" });
const fieldError = (field: string, message: string) => new AppError("validation", { fieldErrors: { [field]: [message] } });

/** The computations the composition layer knows (src/composition/evaluation/catalogue.ts): passed in, since the module sits below it. */
export type ComputedKeys = readonly string[];

async function checkLinks(tx: Executor, territoryId: string, input: IndicatorInput, computedKeys: ComputedKeys) {
  if (input.objectiveId && !(await objectiveInTerritory(tx, territoryId, input.objectiveId))) throw fieldError("objectiveId", "Choisissez l'objectif dans la liste du territoire.");
  if (input.actionLineageId && !(await actionLineageInTerritory(tx, territoryId, input.actionLineageId))) throw fieldError("actionLineageId", "Choisissez l'action dans le plan du territoire.");
  if (input.ownerActorId && !(await actorExists(tx, territoryId, input.ownerActorId))) throw fieldError("ownerActorId", "Choisissez la structure dans la liste.");
  if (input.computedKey && !computedKeys.includes(input.computedKey)) throw fieldError("computedKey", "Choisissez ce que Maillage calcule dans la liste.");
}

function values(input: IndicatorInput) {
  return {
    name: input.name,
    definition: input.definition,
    unit: input.unit,
    direction: input.direction,
    periodicity: input.periodicity,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    baselineValue: input.baselineValue,
    baselineOn: input.baselineOn,
    source: input.source,
    computedKey: input.computedKey,
    computedParams: input.computedParams,
    dataSource: input.dataSource,
    ownerName: input.ownerName,
    ownerActorId: input.ownerActorId,
    objectiveId: input.objectiveId,
    actionLineageId: input.actionLineageId,
  };
}

export async function createIndicator(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, computedKeys: ComputedKeys = []): Promise<{ id: string }> {
  const input = parseOrThrow(indicatorSchema, raw);
  authorize(indicatorPolicy.manage(principal, territory));
  return db.transaction(async (tx) => {
    await checkLinks(tx, territory.id, input, computedKeys);
    const [row] = await tx
      .insert(indicators)
      .values({ territoryId: territory.id, ...values(input), createdBy: by(principal) })
      .returning({ id: indicators.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: row.id, action: "create", after: input });
    return row;
  });
}

/**
 * Changing the unit or the period is refused while measurements would no longer fit them: they are the
 * indicator's history, and a share of 140 % or a value dated outside the period would make it lie.
 */
export async function updateIndicator(db: Db, principal: Principal, territory: TerritoryRef, id: string, raw: unknown, computedKeys: ComputedKeys = []): Promise<void> {
  const input = parseOrThrow(indicatorSchema, raw);
  authorize(indicatorPolicy.manage(principal, territory));
  await db.transaction(async (tx) => {
    const before = await findIndicatorRow(tx, territory.id, id);
    if (!before) throw new AppError("not_found");
    await checkLinks(tx, territory.id, input, computedKeys);
    const existing = await tx.select({ measuredOn: indicatorMeasurements.measuredOn, value: indicatorMeasurements.value }).from(indicatorMeasurements).where(eq(indicatorMeasurements.indicatorId, id));
    for (const m of existing) {
      const problems = measurementProblems(input, m);
      if (problems.value) throw fieldError("unit", `Une mesure déjà saisie ne correspond pas à cette unité (${m.value} au ${m.measuredOn}) : ${problems.value[0]}`);
      if (problems.measuredOn) throw fieldError("startsOn", `Une mesure déjà saisie (au ${m.measuredOn}) sortirait de la période : élargissez-la ou supprimez d'abord cette mesure.`);
    }
    await tx.update(indicators).set({ ...values(input), updatedAt: new Date() }).where(and(eq(indicators.id, id), eq(indicators.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: id, action: "update", before, after: input });
  });
}

/** Deletes the indicator with its targets and measurements (the audit log keeps what it was). */
export async function deleteIndicator(db: Db, principal: Principal, territory: TerritoryRef, id: string): Promise<void> {
  authorize(indicatorPolicy.manage(principal, territory));
  await db.transaction(async (tx) => {
    const before = await findIndicatorRow(tx, territory.id, id);
    if (!before) throw new AppError("not_found");
    await tx.delete(indicators).where(and(eq(indicators.id, id), eq(indicators.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: id, action: "delete", before });
  });
}

/** One target per period end: setting it again replaces the value. */
export async function setTarget(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(targetSchema, raw);
  authorize(indicatorPolicy.manage(principal, territory));
  await db.transaction(async (tx) => {
    const indicator = await findIndicatorRow(tx, territory.id, indicatorId);
    if (!indicator) throw new AppError("not_found");
    const problem = unitProblem(indicator.unit, input.value);
    if (problem) throw fieldError("value", problem);
    if (input.periodEnd < indicator.startsOn || input.periodEnd > indicator.endsOn) throw fieldError("periodEnd", "L'échéance de la cible doit être dans la période de l'indicateur.");
    await tx
      .insert(indicatorTargets)
      .values({ indicatorId, periodEnd: input.periodEnd, value: input.value })
      .onConflictDoUpdate({ target: [indicatorTargets.indicatorId, indicatorTargets.periodEnd], set: { value: input.value } });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: indicatorId, action: "target.set", after: input });
  });
}

export async function deleteTarget(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string, targetId: string): Promise<void> {
  authorize(indicatorPolicy.manage(principal, territory));
  await db.transaction(async (tx) => {
    if (!(await findIndicatorRow(tx, territory.id, indicatorId))) throw new AppError("not_found");
    const [before] = await tx.delete(indicatorTargets).where(and(eq(indicatorTargets.id, targetId), eq(indicatorTargets.indicatorId, indicatorId))).returning();
    if (!before) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: indicatorId, action: "target.delete", before });
  });
}

/** A measurement typed by someone: refused with a French message when its unit or its date does not fit the indicator. */
export async function addMeasurement(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(measurementSchema, raw);
  authorize(indicatorPolicy.measure(principal, territory));
  return db.transaction(async (tx) => {
    const indicator = await findIndicatorRow(tx, territory.id, indicatorId);
    if (!indicator) throw new AppError("not_found");
    if (indicator.source === "calcule") throw fieldError("value", "Cet indicateur est calculé par Maillage à chaque période : il ne se saisit pas.");
    const problems = measurementProblems(indicator, input);
    if (Object.keys(problems).length) throw new AppError("validation", { fieldErrors: problems });
    const [row] = await tx
      .insert(indicatorMeasurements)
      .values({
        indicatorId,
        measuredOn: input.measuredOn,
        value: input.value,
        comment: input.comment,
        isEstimate: input.isEstimate,
        computed: false,
        enteredBy: principal.kind === "user" ? principal.userId : null,
        enteredByLabel: by(principal),
      })
      .returning({ id: indicatorMeasurements.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: indicatorId, action: "measurement.add", after: input });
    return row;
  });
}

export async function deleteMeasurement(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string, measurementId: string): Promise<void> {
  authorize(indicatorPolicy.manage(principal, territory));
  await db.transaction(async (tx) => {
    if (!(await findIndicatorRow(tx, territory.id, indicatorId))) throw new AppError("not_found");
    if (!/^[0-9a-f-]{36}$/i.test(measurementId)) throw new AppError("not_found");
    const [before] = await tx.delete(indicatorMeasurements).where(and(eq(indicatorMeasurements.id, measurementId), eq(indicatorMeasurements.indicatorId, indicatorId))).returning();
    if (!before) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: indicatorId, action: "measurement.delete", before });
  });
}

/**
 * The periodic snapshot of a computed indicator: at most one computed value per indicator and date (a partial
 * unique index), so a job run twice, or two runs at once, write it once. Returns whether it wrote.
 */
export async function recordComputedMeasurement(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string, measuredOn: string, value: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const indicator = await findIndicatorRow(tx, territory.id, indicatorId);
    if (!indicator || indicator.source !== "calcule") throw new AppError("not_found");
    const rows = await tx
      .insert(indicatorMeasurements)
      .values({ indicatorId, measuredOn, value, computed: true, enteredByLabel: "Calculé par Maillage" })
      .onConflictDoNothing()
      .returning({ id: indicatorMeasurements.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "indicator", entityId: indicatorId, action: "measurement.compute", after: { measuredOn, value } });
    return true;
  });
}

/** Publishes the evaluation report built by the composition layer as the next numbered version; it never changes afterwards. */
export async function publishEvaluationReport(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, build: () => Promise<unknown>): Promise<{ version: number }> {
  authorize(indicatorPolicy.publishReport(principal, territory));
  parseOrThrow(publishEvaluationSchema, raw);
  const data = await build();
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ v: max(evaluationReports.version) }).from(evaluationReports).where(eq(evaluationReports.territoryId, territory.id));
    const version = (last?.v ?? 0) + 1;
    await tx.insert(evaluationReports).values({ territoryId: territory.id, version, publishedBy: by(principal), snapshot: data });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "evaluation_report", entityId: `${territory.id}:${version}`, action: "publish", after: { version } });
    return { version };
  });
}
