import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { perimeterAmong, type TerritoryRef } from "@/modules/territories";
import { actors, speakerIdsOf, visibleIn } from "@/modules/actors";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import { workingVersionIn } from "./drafts";
import { bumpPlanRevision, bumpTerritoryPlanRevisions } from "./versions";
import { actionPolicy, planPolicy } from "./policy";
import { findAction } from "./queries";
import {
  planActionDocuments,
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
} from "./schema";
import {
  actionFieldLabels,
  actionSchema,
  budgetLineSchema,
  documentSchema,
  fundingSchema,
  indicatorSchema,
  inKindSchema,
  monthText,
  partnerSchema,
  publicLabel,
  statusLabels,
  statusSchema,
  stepSchema,
  versionSchema,
  type ActionInput,
} from "./validation";
import type { ActionStatus } from "./vocabulary";

// One write = one function, one transaction, one audit event. Every command reads the action inside its
// transaction with the territory id, refuses a frozen version (plan_frozen) and applies the policy. Every
// command bumps the version's content revision in its transaction (versions.ts): the views kept by read.ts
// are computed again at the next request.

const by = (principal: Principal) => principalLabel(principal, { show: "email" });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Action = NonNullable<Awaited<ReturnType<typeof findAction>>>;

/**
 * The action, in the territory, in a version that still changes. The version's revision is bumped (and its row
 * locked) before the frozen check: a freeze committed meanwhile is seen, and the write is seen by the views.
 */
async function editable(tx: Executor, territoryId: string, actionId: string): Promise<Action> {
  const action = await findAction(tx, territoryId, actionId);
  if (!action) throw new AppError("not_found");
  const version = await bumpPlanRevision(tx, territoryId, action.versionId);
  if (action.frozen || !version || version.frozen) throw new AppError("plan_frozen");
  return action;
}

/** Coordinators, or the lead's speakers for follow-up (status, steps): read in the transaction. */
async function authorizeTrack(tx: Executor, principal: Principal, territory: TerritoryRef, action: Action) {
  authorize(actionPolicy.track(principal, territory, { leadSpeakerIds: await speakerIdsOf(tx, action.leadActorId) }));
}

async function touch(tx: Executor, principal: Principal, actionId: string) {
  await tx.update(planActions).set({ updatedAt: new Date(), updatedBy: by(principal) }).where(eq(planActions.id, actionId));
}

async function visibleActor(tx: Executor, territoryId: string, actorId: string | undefined, field: string, message: string) {
  if (!actorId) return;
  const [row] = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), visibleIn(tx, territoryId)));
  if (!row) throw new AppError("validation", { fieldErrors: { [field]: [message] } });
}

/** Axis, objectives, lead actor and communes must be the territory's own. */
async function checkRefs(tx: Executor, territoryId: string, input: ActionInput) {
  if (input.axisId) {
    const [axis] = await tx.select({ id: strategyAxes.id }).from(strategyAxes).where(and(eq(strategyAxes.id, input.axisId), eq(strategyAxes.territoryId, territoryId)));
    if (!axis) throw new AppError("validation", { fieldErrors: { axisId: ["Choisissez un axe dans la liste."] } });
  }
  if (input.objectiveIds.length) {
    const found = await tx.select({ id: strategyObjectives.id }).from(strategyObjectives).where(and(inArray(strategyObjectives.id, input.objectiveIds), eq(strategyObjectives.territoryId, territoryId)));
    if (found.length !== input.objectiveIds.length) throw new AppError("validation", { fieldErrors: { objectiveIds: ["Choisissez les objectifs dans la liste."] } });
  }
  await visibleActor(tx, territoryId, input.leadActorId, "leadActorId", "Choisissez la structure porteuse parmi les acteurs du territoire.");
  if (input.communes.length) {
    const rows = await perimeterAmong(tx, territoryId, input.communes);
    if (rows.length !== input.communes.length) throw new AppError("validation", { fieldErrors: { communes: ["Choisissez des communes du territoire."] } });
  }
}

function columns(input: ActionInput) {
  return {
    title: input.title,
    description: input.description,
    axisId: input.axisId ?? null,
    leadActorId: input.leadActorId ?? null,
    publics: input.publics,
    themes: input.themes,
    communes: input.communes,
    startMonth: input.startMonth ?? null,
    endMonth: input.endMonth ?? null,
    status: input.status,
    recurring: input.recurring,
  };
}

async function nextPosition(tx: Executor, territoryId: string, versionId: string, axisId: string | null): Promise<number> {
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${planActions.position}), -1)::int + 1` })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territoryId), eq(planActions.versionId, versionId), axisId ? eq(planActions.axisId, axisId) : isNull(planActions.axisId)));
  return next;
}

export async function createAction(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(actionSchema, raw);
  return db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    await checkRefs(tx, territory.id, input);
    const version = await workingVersionIn(tx, principal, territory.id);
    const position = await nextPosition(tx, territory.id, version.id, input.axisId ?? null);
    const [row] = await tx
      .insert(planActions)
      .values({ territoryId: territory.id, versionId: version.id, ...columns(input), position, createdBy: by(principal), updatedBy: by(principal) })
      .returning({ id: planActions.id });
    if (!row) throw new Error("insert returned nothing");
    if (input.objectiveIds.length) await tx.insert(planActionObjectives).values(input.objectiveIds.map((objectiveId) => ({ actionId: row.id, objectiveId })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: row.id, action: "create", after: input });
    return row;
  });
}

/** The value of a field as people read it, to say in a conflict what the other person saved. */
async function describe(tx: Executor, field: keyof typeof actionFieldLabels, value: unknown): Promise<string> {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === "") return "(vide)";
  if (field === "axisId") return (await tx.select({ t: strategyAxes.title }).from(strategyAxes).where(eq(strategyAxes.id, String(value))))[0]?.t ?? "(vide)";
  if (field === "leadActorId") return (await tx.select({ t: actors.name }).from(actors).where(eq(actors.id, String(value))))[0]?.t ?? "(vide)";
  if (field === "objectiveIds") {
    const rows = await tx.select({ t: strategyObjectives.title }).from(strategyObjectives).where(inArray(strategyObjectives.id, value as string[]));
    return rows.map((r) => r.t).sort().join(", ");
  }
  if (field === "publics") return (value as string[]).map(publicLabel).join(", ");
  if (field === "startMonth" || field === "endMonth") return monthText(String(value));
  if (field === "status") return statusLabels[value as keyof typeof statusLabels];
  if (field === "recurring") return value ? "oui" : "non";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? [...a].sort() : (a ?? null)) === JSON.stringify(Array.isArray(b) ? [...b].sort() : (b ?? null));

/**
 * Saves the action's fields. `raw.revision` is the revision the form was opened at: if someone saved in between,
 * nothing is written and the 409 says, under each field that differs, what the other person saved; the form keeps
 * what this person typed, and carries the new revision so that saving again (after reading) keeps theirs.
 */
export async function updateAction(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOrThrow(actionSchema, raw);
  const seen = Number(raw.revision);
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const before = await editable(tx, territory.id, actionId);
    const objectiveIds = (await tx.select({ id: planActionObjectives.objectiveId }).from(planActionObjectives).where(eq(planActionObjectives.actionId, actionId))).map((o) => o.id);
    if (seen !== before.revision) await conflict(tx, { ...before, objectiveIds }, input);
    await checkRefs(tx, territory.id, input);
    const axisMoved = (input.axisId ?? null) !== before.axisId;
    const written = await tx
      .update(planActions)
      .set({
        ...columns(input),
        ...(axisMoved ? { position: await nextPosition(tx, territory.id, before.versionId, input.axisId ?? null) } : {}),
        revision: before.revision + 1,
        updatedAt: new Date(),
        updatedBy: by(principal),
      })
      .where(and(eq(planActions.id, actionId), eq(planActions.revision, before.revision)))
      .returning({ id: planActions.id });
    // Saved by someone else between our read and our write: theirs stays.
    if (written.length === 0) {
      const now = await editable(tx, territory.id, actionId);
      await conflict(tx, { ...now, objectiveIds }, input);
    }
    await tx.delete(planActionObjectives).where(eq(planActionObjectives.actionId, actionId));
    if (input.objectiveIds.length) await tx.insert(planActionObjectives).values(input.objectiveIds.map((objectiveId) => ({ actionId, objectiveId })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "update", before: { ...before, objectiveIds }, after: input });
  });
}

async function conflict(tx: Executor, current: Action & { objectiveIds: string[] }, input: ActionInput): Promise<never> {
  const fieldErrors: Record<string, string[]> = {};
  const mine = { ...columns(input), objectiveIds: input.objectiveIds } as Record<string, unknown>;
  for (const field of Object.keys(actionFieldLabels) as (keyof typeof actionFieldLabels)[]) {
    const theirs = (current as unknown as Record<string, unknown>)[field];
    if (!same(theirs, mine[field])) fieldErrors[field] = [`Enregistré entre-temps par ${current.updatedBy || "une autre personne"} : ${await describe(tx, field, theirs)}`];
  }
  // Not a message: the revision the form must carry to save again over theirs (read by the form's RevisionField).
  fieldErrors.revision = [String(current.revision)];
  const at = current.updatedAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });
  throw new AppError("edit_conflict", {
    message: `${current.updatedBy || "Une autre personne"} a enregistré cette action le ${at}, après que vous l'avez ouverte. Rien n'est perdu : vos saisies sont gardées ci-dessous, et ce qu'elle a enregistré est indiqué sous chaque champ qui diffère. Enregistrez à nouveau pour garder votre version.`,
    fieldErrors,
  });
}

/**
 * Changes an action's status inside the caller's transaction, with the plan's rules: the action is the territory's,
 * its version is not frozen (plan_frozen), the person may follow it up (actionPolicy.track), and, when the caller
 * passes the revision its form was opened at, nobody saved in between (edit_conflict, 409). Records no audit event:
 * the caller's command records its own (one write, one event). Governance calls it to cite a decision.
 */
export async function setActionStatusIn(
  tx: Executor,
  principal: Principal,
  territory: TerritoryRef,
  actionId: string,
  status: ActionStatus,
  seenRevision?: number,
): Promise<{ from: ActionStatus; to: ActionStatus; lineageId: string; title: string }> {
  const action = await editable(tx, territory.id, actionId);
  await authorizeTrack(tx, principal, territory, action);
  if (seenRevision !== undefined && seenRevision !== action.revision) throw new AppError("edit_conflict");
  const updated = await tx
    .update(planActions)
    .set({ status, revision: action.revision + 1, updatedAt: new Date(), updatedBy: by(principal) })
    .where(and(eq(planActions.id, actionId), eq(planActions.revision, action.revision)))
    .returning({ id: planActions.id });
  if (updated.length === 0) throw new AppError("edit_conflict");
  return { from: action.status, to: status, lineageId: action.lineageId, title: action.title };
}

/** The follow-up of an action: its status (coordinators, or its lead's speakers). */
export async function setActionStatus(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<void> {
  const { status } = parseOrThrow(statusSchema, raw);
  await db.transaction(async (tx) => {
    const change = await setActionStatusIn(tx, principal, territory, actionId, status);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "status", before: { status: change.from }, after: { status } });
  });
}

export async function deleteAction(db: Db, principal: Principal, territory: TerritoryRef, actionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const before = await editable(tx, territory.id, actionId);
    await tx.delete(planActions).where(and(eq(planActions.id, actionId), eq(planActions.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "delete", before });
  });
}

/**
 * A copy of an action in the working version, as a starting point for a similar one: a new lineage, status « idée »,
 * the same objectives, partners, steps (not done), budget (planned only), co-funding (back to « envisagé »), in-kind,
 * documents and indicators.
 */
export async function duplicateAction(db: Db, principal: Principal, territory: TerritoryRef, actionId: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const source = await findAction(tx, territory.id, actionId);
    if (!source) throw new AppError("not_found");
    const version = await workingVersionIn(tx, principal, territory.id);
    const [row] = await tx
      .insert(planActions)
      .values({
        territoryId: territory.id,
        versionId: version.id,
        axisId: source.axisId,
        title: `${source.title} (copie)`.slice(0, 200),
        description: source.description,
        leadActorId: source.leadActorId,
        publics: source.publics,
        themes: source.themes,
        communes: source.communes,
        startMonth: source.startMonth,
        endMonth: source.endMonth,
        status: "idee",
        recurring: source.recurring,
        position: await nextPosition(tx, territory.id, version.id, source.axisId),
        createdBy: by(principal),
        updatedBy: by(principal),
      })
      .returning({ id: planActions.id });
    if (!row) throw new Error("insert returned nothing");
    await copyChildren(tx, source.id, row.id, { reset: true });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: row.id, action: "duplicate", after: { from: source.id } });
    return row;
  });
}

/** Copies what hangs from an action; `reset` (a duplicate) drops what happened (done, actual, funding status). */
async function copyChildren(tx: Executor, from: string, to: string, { reset }: { reset: boolean }) {
  const objectives = await tx.select().from(planActionObjectives).where(eq(planActionObjectives.actionId, from));
  if (objectives.length) await tx.insert(planActionObjectives).values(objectives.map((o) => ({ ...o, actionId: to })));
  const partners = await tx.select().from(planActionPartners).where(eq(planActionPartners.actionId, from));
  if (partners.length) await tx.insert(planActionPartners).values(partners.map((p) => ({ ...p, actionId: to })));
  const steps = await tx.select().from(planActionSteps).where(eq(planActionSteps.actionId, from));
  if (steps.length) await tx.insert(planActionSteps).values(steps.map(({ id: _, ...s }) => ({ ...s, actionId: to, done: reset ? false : s.done })));
  const budget = await tx.select().from(planBudgetLines).where(eq(planBudgetLines.actionId, from));
  if (budget.length) await tx.insert(planBudgetLines).values(budget.map(({ id: _, ...b }) => ({ ...b, actionId: to, actual: reset ? null : b.actual })));
  const fundings = await tx.select().from(planFundings).where(eq(planFundings.actionId, from));
  if (fundings.length) await tx.insert(planFundings).values(fundings.map(({ id: _, ...f }) => ({ ...f, actionId: to, status: reset ? ("envisage" as const) : f.status })));
  const inKind = await tx.select().from(planInKind).where(eq(planInKind.actionId, from));
  if (inKind.length) await tx.insert(planInKind).values(inKind.map(({ id: _, ...k }) => ({ ...k, actionId: to })));
  const documents = await tx.select().from(planActionDocuments).where(eq(planActionDocuments.actionId, from));
  if (documents.length) await tx.insert(planActionDocuments).values(documents.map(({ id: _, ...d }) => ({ ...d, actionId: to })));
  const indicators = await tx.select().from(planActionIndicators).where(eq(planActionIndicators.actionId, from));
  if (indicators.length) await tx.insert(planActionIndicators).values(indicators.map(({ id: _, ...i }) => ({ ...i, actionId: to })));
}

/** Moves an action one place up or down among the actions of its axis (positions rewritten 0..n, ties settled). */
export async function moveAction(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, direction: "up" | "down"): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const action = await editable(tx, territory.id, actionId);
    const siblings = await tx
      .select({ id: planActions.id, position: planActions.position })
      .from(planActions)
      .where(and(eq(planActions.territoryId, territory.id), eq(planActions.versionId, action.versionId), action.axisId ? eq(planActions.axisId, action.axisId) : isNull(planActions.axisId)))
      .orderBy(asc(planActions.position), asc(planActions.title), asc(planActions.id));
    const i = siblings.findIndex((s) => s.id === actionId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= siblings.length) return;
    const order = siblings.map((s) => s.id);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
    for (const [position, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)?.position !== position) await tx.update(planActions).set({ position }).where(eq(planActions.id, id));
    }
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "move", before: { position: i }, after: { position: j } });
  });
}

// ——— Steps (coordinators, or the lead's speakers) ———

export async function addStep(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(stepSchema, raw);
  return db.transaction(async (tx) => {
    const action = await editable(tx, territory.id, actionId);
    await authorizeTrack(tx, principal, territory, action);
    const [{ next } = { next: 0 }] = await tx.select({ next: sql<number>`coalesce(max(${planActionSteps.position}), -1)::int + 1` }).from(planActionSteps).where(eq(planActionSteps.actionId, actionId));
    const [row] = await tx.insert(planActionSteps).values({ actionId, title: input.title, dueDate: input.dueDate ?? null, position: next }).returning({ id: planActionSteps.id });
    if (!row) throw new Error("insert returned nothing");
    await touch(tx, principal, actionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "step.add", after: input });
    return row;
  });
}

async function stepOf(tx: Executor, actionId: string, stepId: string) {
  if (!UUID.test(stepId)) throw new AppError("not_found");
  const [step] = await tx.select().from(planActionSteps).where(and(eq(planActionSteps.id, stepId), eq(planActionSteps.actionId, actionId)));
  if (!step) throw new AppError("not_found");
  return step;
}

export async function updateStep(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, stepId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(stepSchema, raw);
  await db.transaction(async (tx) => {
    const action = await editable(tx, territory.id, actionId);
    await authorizeTrack(tx, principal, territory, action);
    const before = await stepOf(tx, actionId, stepId);
    await tx.update(planActionSteps).set({ title: input.title, dueDate: input.dueDate ?? null }).where(eq(planActionSteps.id, stepId));
    await touch(tx, principal, actionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "step.update", before, after: input });
  });
}

export async function setStepDone(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, stepId: string, done: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const action = await editable(tx, territory.id, actionId);
    await authorizeTrack(tx, principal, territory, action);
    await stepOf(tx, actionId, stepId);
    await tx.update(planActionSteps).set({ done }).where(eq(planActionSteps.id, stepId));
    await touch(tx, principal, actionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: done ? "step.done" : "step.undone", after: { stepId } });
  });
}

export async function deleteStep(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, stepId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const action = await editable(tx, territory.id, actionId);
    await authorizeTrack(tx, principal, territory, action);
    const before = await stepOf(tx, actionId, stepId);
    await tx.delete(planActionSteps).where(eq(planActionSteps.id, stepId));
    await touch(tx, principal, actionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "step.delete", before });
  });
}

// ——— Money, means, documents, indicators, partners (coordinators) ———

/** The common frame of a child row write: policy, editable action, the write, touch, audit. */
async function childWrite<T>(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, event: string, write: (tx: Executor, action: Action) => Promise<{ result: T; before?: unknown; after?: unknown }>): Promise<T> {
  return db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const action = await editable(tx, territory.id, actionId);
    const { result, before, after } = await write(tx, action);
    await touch(tx, principal, actionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: event, before, after });
    return result;
  });
}

function rowId(id: string) {
  if (!UUID.test(id)) throw new AppError("not_found");
  return id;
}

export async function addBudgetLine(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(budgetLineSchema, raw);
  return childWrite(db, principal, territory, actionId, "budget.add", async (tx) => {
    const [row] = await tx.insert(planBudgetLines).values({ actionId, year: input.year, item: input.item, planned: input.planned, actual: input.actual ?? null }).returning({ id: planBudgetLines.id });
    if (!row) throw new Error("insert returned nothing");
    return { result: row, after: input };
  });
}

export async function updateBudgetLine(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, lineId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(budgetLineSchema, raw);
  await childWrite(db, principal, territory, actionId, "budget.update", async (tx) => {
    const [before] = await tx
      .update(planBudgetLines)
      .set({ year: input.year, item: input.item, planned: input.planned, actual: input.actual ?? null })
      .where(and(eq(planBudgetLines.id, rowId(lineId)), eq(planBudgetLines.actionId, actionId)))
      .returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, after: input };
  });
}

export async function deleteBudgetLine(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, lineId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "budget.delete", async (tx) => {
    const [before] = await tx.delete(planBudgetLines).where(and(eq(planBudgetLines.id, rowId(lineId)), eq(planBudgetLines.actionId, actionId))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

async function checkSource(tx: Executor, territoryId: string, sourceId: string | undefined) {
  if (!sourceId) return;
  const [row] = await tx
    .select({ id: fundingSources.id })
    .from(fundingSources)
    .where(and(eq(fundingSources.id, sourceId), or(isNull(fundingSources.territoryId), eq(fundingSources.territoryId, territoryId))));
  if (!row) throw new AppError("validation", { fieldErrors: { sourceId: ["Choisissez un financement dans la liste."] } });
}

/** A co-funding row. More funding than cost is allowed (the sheet warns): money is often asked for twice. */
export async function addFunding(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(fundingSchema, raw);
  return childWrite(db, principal, territory, actionId, "funding.add", async (tx) => {
    await checkSource(tx, territory.id, input.sourceId);
    const [row] = await tx
      .insert(planFundings)
      .values({ actionId, sourceId: input.sourceId ?? null, funderLabel: input.sourceId ? "" : input.funderLabel, year: input.year, status: input.status, amount: input.amount })
      .returning({ id: planFundings.id });
    if (!row) throw new Error("insert returned nothing");
    return { result: row, after: input };
  });
}

export async function updateFunding(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, fundingId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(fundingSchema, raw);
  await childWrite(db, principal, territory, actionId, "funding.update", async (tx) => {
    await checkSource(tx, territory.id, input.sourceId);
    const [row] = await tx
      .update(planFundings)
      .set({ sourceId: input.sourceId ?? null, funderLabel: input.sourceId ? "" : input.funderLabel, year: input.year, status: input.status, amount: input.amount })
      .where(and(eq(planFundings.id, rowId(fundingId)), eq(planFundings.actionId, actionId)))
      .returning({ id: planFundings.id });
    if (!row) throw new AppError("not_found");
    return { result: undefined, after: input };
  });
}

export async function deleteFunding(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, fundingId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "funding.delete", async (tx) => {
    const [before] = await tx.delete(planFundings).where(and(eq(planFundings.id, rowId(fundingId)), eq(planFundings.actionId, actionId))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

export async function addInKind(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(inKindSchema, raw);
  return childWrite(db, principal, territory, actionId, "in_kind.add", async (tx) => {
    await visibleActor(tx, territory.id, input.actorId, "actorId", "Choisissez la structure parmi les acteurs du territoire.");
    const [row] = await tx
      .insert(planInKind)
      .values({ actionId, actorId: input.actorId ?? null, kind: input.kind, description: input.description, year: input.year, days: input.days ?? null, valueEuros: input.valueEuros ?? null })
      .returning({ id: planInKind.id });
    if (!row) throw new Error("insert returned nothing");
    return { result: row, after: input };
  });
}

export async function deleteInKind(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, inKindId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "in_kind.delete", async (tx) => {
    const [before] = await tx.delete(planInKind).where(and(eq(planInKind.id, rowId(inKindId)), eq(planInKind.actionId, actionId))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

export async function addDocument(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(documentSchema, raw);
  return childWrite(db, principal, territory, actionId, "document.add", async (tx) => {
    const [row] = await tx.insert(planActionDocuments).values({ actionId, title: input.title, url: input.url }).returning({ id: planActionDocuments.id });
    if (!row) throw new Error("insert returned nothing");
    return { result: row, after: input };
  });
}

export async function deleteDocument(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, documentId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "document.delete", async (tx) => {
    const [before] = await tx.delete(planActionDocuments).where(and(eq(planActionDocuments.id, rowId(documentId)), eq(planActionDocuments.actionId, actionId))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

export async function addIndicator(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(indicatorSchema, raw);
  return childWrite(db, principal, territory, actionId, "indicator.add", async (tx) => {
    const [row] = await tx
      .insert(planActionIndicators)
      .values({ actionId, indicatorKey: input.indicatorKey ?? null, label: input.label || input.indicatorKey || "" })
      .returning({ id: planActionIndicators.id });
    if (!row) throw new Error("insert returned nothing");
    return { result: row, after: input };
  });
}

export async function deleteIndicator(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, indicatorId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "indicator.delete", async (tx) => {
    const [before] = await tx.delete(planActionIndicators).where(and(eq(planActionIndicators.id, rowId(indicatorId)), eq(planActionIndicators.actionId, actionId))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

/** Adds a partner actor, or changes its role when it is already a partner. */
export async function setPartner(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(partnerSchema, raw);
  await childWrite(db, principal, territory, actionId, "partner.set", async (tx, action) => {
    await visibleActor(tx, territory.id, input.actorId, "actorId", "Choisissez la structure partenaire parmi les acteurs du territoire.");
    if (input.actorId === action.leadActorId) throw new AppError("validation", { fieldErrors: { actorId: ["Cette structure porte déjà l'action : choisissez une autre structure partenaire."] } });
    await tx.insert(planActionPartners).values({ actionId, actorId: input.actorId, role: input.role }).onConflictDoUpdate({ target: [planActionPartners.actionId, planActionPartners.actorId], set: { role: input.role } });
    return { result: undefined, after: input };
  });
}

export async function removePartner(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, actorId: string): Promise<void> {
  await childWrite(db, principal, territory, actionId, "partner.remove", async (tx) => {
    const [before] = await tx.delete(planActionPartners).where(and(eq(planActionPartners.actionId, actionId), eq(planActionPartners.actorId, rowId(actorId)))).returning();
    if (!before) throw new AppError("not_found");
    return { result: undefined, before };
  });
}

// ——— Versions ———

async function versionByNumber(tx: Executor, territoryId: string, number: number) {
  const [v] = await tx.select().from(planVersions).where(and(eq(planVersions.territoryId, territoryId), eq(planVersions.number, number)));
  if (!v) throw new AppError("not_found");
  return v;
}

/**
 * Opens a new version as a copy of the latest one, every action keeping its lineage (so that the two compare action
 * by action). The latest one is frozen by the same write if it was not: one working version at a time.
 */
export async function createVersion(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, now = new Date()): Promise<{ number: number }> {
  const input = parseOrThrow(versionSchema, raw);
  return db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const [latest] = await tx.select().from(planVersions).where(eq(planVersions.territoryId, territory.id)).orderBy(desc(planVersions.number)).limit(1);
    if (!latest) {
      const created = await workingVersionIn(tx, principal, territory.id, now);
      if (input.title) await tx.update(planVersions).set({ title: input.title }).where(eq(planVersions.id, created.id));
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_version", entityId: created.id, action: "create", after: { number: created.number } });
      return { number: created.number };
    }
    if (!latest.frozenAt) await tx.update(planVersions).set({ frozenAt: now, frozenBy: by(principal) }).where(eq(planVersions.id, latest.id));
    await bumpPlanRevision(tx, territory.id, latest.id);
    const number = latest.number + 1;
    const [version] = await tx
      .insert(planVersions)
      .values({ territoryId: territory.id, number, title: input.title || latest.title, kind: latest.kind, startYear: latest.startYear, endYear: latest.endYear, createdBy: by(principal) })
      .returning({ id: planVersions.id });
    if (!version) throw new Error("insert returned nothing");
    const actions = await tx.select().from(planActions).where(and(eq(planActions.territoryId, territory.id), eq(planActions.versionId, latest.id)));
    for (const { id, ...a } of actions) {
      const [copy] = await tx
        .insert(planActions)
        .values({ ...a, versionId: version.id, revision: 1, createdAt: now, updatedAt: now })
        .returning({ id: planActions.id });
      if (copy) await copyChildren(tx, id, copy.id, { reset: false });
    }
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_version", entityId: version.id, action: "create", after: { number, from: latest.number, actions: actions.length } });
    return { number };
  });
}

/** Freezes a version: kept as it was, read-only from then on. */
export async function freezeVersion(db: Db, principal: Principal, territory: TerritoryRef, number: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const v = await versionByNumber(tx, territory.id, number);
    if (v.frozenAt) throw new AppError("plan_frozen", { message: "Cette version est déjà figée." });
    await tx.update(planVersions).set({ frozenAt: now, frozenBy: by(principal) }).where(eq(planVersions.id, v.id));
    await bumpPlanRevision(tx, territory.id, v.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_version", entityId: v.id, action: "freeze", after: { number } });
  });
}

/** Publishes a frozen version on the territory's public page; the one published before is withdrawn. */
export async function publishVersion(db: Db, principal: Principal, territory: TerritoryRef, number: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const v = await versionByNumber(tx, territory.id, number);
    if (!v.frozenAt) throw new AppError("validation", { message: "Figez d'abord cette version : seule une version figée peut être publiée.", fieldErrors: { number: ["Figez d'abord cette version."] } });
    await tx.update(planVersions).set({ publishedAt: null }).where(and(eq(planVersions.territoryId, territory.id), ne(planVersions.id, v.id)));
    await tx.update(planVersions).set({ publishedAt: now }).where(eq(planVersions.id, v.id));
    await bumpTerritoryPlanRevisions(tx, territory.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_version", entityId: v.id, action: "publish", after: { number } });
  });
}

/** Withdraws the published version from the public page. */
export async function unpublishPlan(db: Db, principal: Principal, territory: TerritoryRef): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    const rows = await tx.update(planVersions).set({ publishedAt: null }).where(and(eq(planVersions.territoryId, territory.id), sql`${planVersions.publishedAt} is not null`)).returning({ id: planVersions.id, number: planVersions.number });
    await bumpTerritoryPlanRevisions(tx, territory.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_version", entityId: rows[0]?.id ?? territory.id, action: "unpublish", before: { numbers: rows.map((r) => r.number) } });
  });
}

/** How in-kind means are counted: in days or in euros, and the value of one day. */
export async function setInKindValuation(db: Db, principal: Principal, territory: TerritoryRef, raw: Record<string, unknown>): Promise<void> {
  const unit = raw.inKindUnit === "jours" ? "jours" : raw.inKindUnit === "euros" ? "euros" : undefined;
  if (!unit) throw new AppError("validation", { fieldErrors: { inKindUnit: ["Choisissez : en jours ou en euros."] } });
  const value = Number(String(raw.dayValueEuros ?? "").replace(/[\s€]/g, "").replace(",", "."));
  if (!Number.isFinite(value) || value <= 0 || value > 10_000) throw new AppError("validation", { fieldErrors: { dayValueEuros: ["Indiquez la valeur d'une journée en euros, entre 1 et 10 000."] } });
  await db.transaction(async (tx) => {
    authorize(planPolicy.edit(principal, territory));
    await tx
      .insert(planSettings)
      .values({ territoryId: territory.id, inKindUnit: unit, dayValueEuros: value })
      .onConflictDoUpdate({ target: planSettings.territoryId, set: { inKindUnit: unit, dayValueEuros: value, updatedAt: new Date() } });
    // Every version values its in-kind means with it.
    await bumpTerritoryPlanRevisions(tx, territory.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_settings", entityId: territory.id, action: "update", after: { inKindUnit: unit, dayValueEuros: value } });
  });
}
