import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { strategyPolicy } from "./policy";
import { findAxis, findObjective, territoryFindingIds } from "./queries";
import { objectiveFindings, strategyAxes, strategyObjectives, strategyVisions } from "./schema";
import { axisSchema, moveSchema, objectiveSchema, visionSchema, type Direction } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/**
 * What still points to an axis or an objective, named for people (action titles). The plan module is above
 * strategy (it links its actions to objectives and axes), so strategy cannot read it: the composition layer
 * passes this reader (src/composition/strategy/usage.ts), run inside the delete's transaction. Without it the
 * foreign keys (restrict) still refuse, with a message that cannot name the actions.
 */
export type StrategyUsage = {
  actionsOfObjective(tx: Executor, territoryId: string, objectiveId: string): Promise<string[]>;
  actionsOfAxis(tx: Executor, territoryId: string, axisId: string): Promise<string[]>;
};

/** 23001 restrict_violation (ON DELETE RESTRICT), 23503 foreign_key_violation (NO ACTION), on PGlite and PostgreSQL alike. */
function isForeignKeyViolation(e: unknown): boolean {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    const code = (c as { code?: unknown }).code;
    if (code === "23001" || code === "23503") return true;
  }
  return false;
}

/** "Refused with the list": the message names what still uses the record (at most 10, then how many more). */
export function stillUsedMessage(what: string, titles: string[]): string {
  const shown = titles.slice(0, 10).map((t) => `« ${t} »`);
  const more = titles.length > 10 ? ` et ${titles.length - 10} autre${titles.length - 10 > 1 ? "s" : ""}` : "";
  const n = titles.length;
  return `${what} ne peut pas être supprimé : ${n > 1 ? `${n} actions du plan s'y rattachent` : "une action du plan s'y rattache"} (${shown.join(", ")}${more}). Retirez-le d'abord de ${n > 1 ? "ces actions" : "cette action"}.`;
}

/** A delete refused by a restrict foreign key that the usage reader did not foresee (no reader, or a concurrent link). */
async function refusingForeignKeys<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new AppError("still_used", { message: `${what} ne peut pas être supprimé : des actions du plan s'y rattachent encore. Retirez-le d'abord de ces actions.`, cause: e });
    throw e;
  }
}

async function checkAxis(tx: Executor, territoryId: string, axisId: string | undefined) {
  if (!axisId) return;
  if (!(await findAxis(tx, territoryId, axisId))) throw new AppError("validation", { fieldErrors: { axisId: ["Choisissez un axe de la liste."] } });
}

async function checkFindings(tx: Executor, territoryId: string, ids: string[]) {
  const known = await territoryFindingIds(tx, territoryId, ids);
  if (ids.some((id) => !known.has(id))) throw new AppError("validation", { fieldErrors: { findings: ["Choisissez les constats dans la liste du territoire."] } });
}

export async function setVision(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<void> {
  const { text } = parseOrThrow(visionSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ text: strategyVisions.text }).from(strategyVisions).where(eq(strategyVisions.territoryId, territory.id));
    await tx
      .insert(strategyVisions)
      .values({ territoryId: territory.id, text, updatedBy: by(principal) })
      .onConflictDoUpdate({ target: strategyVisions.territoryId, set: { text, updatedAt: new Date(), updatedBy: by(principal) } });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_vision", entityId: territory.id, action: "update", before: before ?? null, after: { text } });
  });
}

export async function createAxis(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(axisSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ p: max(strategyAxes.position) }).from(strategyAxes).where(eq(strategyAxes.territoryId, territory.id));
    const [row] = await tx
      .insert(strategyAxes)
      .values({ territoryId: territory.id, ...input, position: (last?.p ?? -1) + 1 })
      .returning({ id: strategyAxes.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_axis", entityId: row.id, action: "create", after: input });
    return row;
  });
}

export async function updateAxis(db: Db, principal: Principal, territory: TerritoryRef, axisId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(axisSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const before = await findAxis(tx, territory.id, axisId);
    if (!before) throw new AppError("not_found");
    await tx.update(strategyAxes).set({ ...input, updatedAt: new Date() }).where(and(eq(strategyAxes.id, axisId), eq(strategyAxes.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_axis", entityId: axisId, action: "update", before, after: input });
  });
}

/** Moves one place up or down, then numbers the list 0, 1, 2… (positions stay dense whatever happened before). */
function reordered<T extends { id: string }>(list: T[], id: string, direction: Direction): T[] | undefined {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return undefined;
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

export async function moveAxis(db: Db, principal: Principal, territory: TerritoryRef, axisId: string, raw: unknown): Promise<void> {
  const { direction } = parseOrThrow(moveSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const list = await tx
      .select({ id: strategyAxes.id })
      .from(strategyAxes)
      .where(eq(strategyAxes.territoryId, territory.id))
      .orderBy(asc(strategyAxes.position), asc(strategyAxes.createdAt))
      .for("update");
    const next = reordered(list, axisId, direction);
    if (!next) throw new AppError("not_found");
    for (const [position, { id }] of next.entries()) await tx.update(strategyAxes).set({ position }).where(eq(strategyAxes.id, id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_axis", entityId: axisId, action: "move", after: { direction } });
  });
}

/** Deleting an axis keeps its objectives (they lose their axis); actions filed under it make it refused, with their list. */
export async function deleteAxis(db: Db, principal: Principal, territory: TerritoryRef, axisId: string, usage?: StrategyUsage): Promise<void> {
  authorize(strategyPolicy.edit(principal, territory));
  await refusingForeignKeys("Cet axe", () =>
    db.transaction(async (tx) => {
      const before = await findAxis(tx, territory.id, axisId);
      if (!before) throw new AppError("not_found");
      const users = usage ? await usage.actionsOfAxis(tx, territory.id, axisId) : [];
      if (users.length) throw new AppError("still_used", { message: stillUsedMessage(`L'axe « ${before.title} »`, users) });
      await tx.delete(strategyAxes).where(and(eq(strategyAxes.id, axisId), eq(strategyAxes.territoryId, territory.id)));
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_axis", entityId: axisId, action: "delete", before });
    }),
  );
}

async function writeFindings(tx: Executor, objectiveId: string, ids: string[]) {
  await tx.delete(objectiveFindings).where(eq(objectiveFindings.objectiveId, objectiveId));
  if (ids.length) await tx.insert(objectiveFindings).values(ids.map((findingId) => ({ objectiveId, findingId })));
}

export async function createObjective(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(objectiveSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  return db.transaction(async (tx) => {
    await checkAxis(tx, territory.id, input.axisId);
    await checkFindings(tx, territory.id, input.findings);
    const [last] = await tx
      .select({ p: max(strategyObjectives.position) })
      .from(strategyObjectives)
      .where(and(eq(strategyObjectives.territoryId, territory.id), input.axisId ? eq(strategyObjectives.axisId, input.axisId) : isNull(strategyObjectives.axisId)));
    const [row] = await tx
      .insert(strategyObjectives)
      .values({
        territoryId: territory.id,
        title: input.title,
        description: input.description,
        horizon: input.horizon,
        axisId: input.axisId ?? null,
        themes: input.themes,
        position: (last?.p ?? -1) + 1,
        createdBy: by(principal),
      })
      .returning({ id: strategyObjectives.id });
    if (!row) throw new Error("insert returned nothing");
    await writeFindings(tx, row.id, input.findings);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_objective", entityId: row.id, action: "create", after: input });
    return row;
  });
}

export async function updateObjective(db: Db, principal: Principal, territory: TerritoryRef, objectiveId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(objectiveSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const before = await findObjective(tx, territory.id, objectiveId);
    if (!before) throw new AppError("not_found");
    await checkAxis(tx, territory.id, input.axisId);
    await checkFindings(tx, territory.id, input.findings);
    const beforeFindings = (await tx.select({ id: objectiveFindings.findingId }).from(objectiveFindings).where(eq(objectiveFindings.objectiveId, objectiveId))).map((r) => r.id);
    // Moving to another axis puts it last there.
    let position = before.position;
    if ((input.axisId ?? null) !== before.axisId) {
      const [last] = await tx
        .select({ p: max(strategyObjectives.position) })
        .from(strategyObjectives)
        .where(and(eq(strategyObjectives.territoryId, territory.id), input.axisId ? eq(strategyObjectives.axisId, input.axisId) : isNull(strategyObjectives.axisId)));
      position = (last?.p ?? -1) + 1;
    }
    await tx
      .update(strategyObjectives)
      .set({ title: input.title, description: input.description, horizon: input.horizon, axisId: input.axisId ?? null, themes: input.themes, position, updatedAt: new Date() })
      .where(and(eq(strategyObjectives.id, objectiveId), eq(strategyObjectives.territoryId, territory.id)));
    await writeFindings(tx, objectiveId, input.findings);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_objective", entityId: objectiveId, action: "update", before: { ...before, findings: beforeFindings }, after: input });
  });
}

/** Up or down among the objectives of the same axis (the page shows them axis by axis). */
export async function moveObjective(db: Db, principal: Principal, territory: TerritoryRef, objectiveId: string, raw: unknown): Promise<void> {
  const { direction } = parseOrThrow(moveSchema, raw);
  authorize(strategyPolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const objective = await findObjective(tx, territory.id, objectiveId);
    if (!objective) throw new AppError("not_found");
    const list = await tx
      .select({ id: strategyObjectives.id })
      .from(strategyObjectives)
      .where(and(eq(strategyObjectives.territoryId, territory.id), objective.axisId ? eq(strategyObjectives.axisId, objective.axisId) : isNull(strategyObjectives.axisId)))
      .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.createdAt))
      .for("update");
    const next = reordered(list, objectiveId, direction) ?? list;
    for (const [position, { id }] of next.entries()) await tx.update(strategyObjectives).set({ position }).where(eq(strategyObjectives.id, id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_objective", entityId: objectiveId, action: "move", after: { direction } });
  });
}

/** Refused, with the list, while actions of the plan point to it (any version: a frozen version keeps its links). */
export async function deleteObjective(db: Db, principal: Principal, territory: TerritoryRef, objectiveId: string, usage?: StrategyUsage): Promise<void> {
  authorize(strategyPolicy.edit(principal, territory));
  await refusingForeignKeys("Cet objectif", () =>
    db.transaction(async (tx) => {
      const before = await findObjective(tx, territory.id, objectiveId);
      if (!before) throw new AppError("not_found");
      // Lock the row: an action linked between the check and the delete waits, then the foreign key refuses.
      await tx.execute(sql`select 1 from ${strategyObjectives} where ${strategyObjectives.id} = ${objectiveId} for update`);
      const users = usage ? await usage.actionsOfObjective(tx, territory.id, objectiveId) : [];
      if (users.length) throw new AppError("still_used", { message: stillUsedMessage(`L'objectif « ${before.title} »`, users) });
      await tx.delete(strategyObjectives).where(and(eq(strategyObjectives.id, objectiveId), eq(strategyObjectives.territoryId, territory.id)));
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "strategy_objective", entityId: objectiveId, action: "delete", before });
    }),
  );
}
