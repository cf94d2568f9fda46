import { and, eq, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { perimeterAmong, type TerritoryRef } from "@/modules/territories";
import { findingPolicy } from "./policy";
import { findFinding, findingsSetting } from "./queries";
import { diagnosticSettings, findingGroups, findings, findingVotes } from "./schema";
import { findingSchema, groupSchema } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/** The findings policy needs the territory's setting: read it in the command's transaction, then the shared refusal. */
async function authorizeWithSetting(tx: Executor, principal: Principal, territory: TerritoryRef, action: keyof typeof findingPolicy) {
  const ref = { id: territory.id, ...(await findingsSetting(tx, territory.id)) };
  authorize(findingPolicy[action](principal, ref));
}

/** Communes must belong to the territory's perimeter. */
async function checkCommunes(tx: Executor, territoryId: string, codes: string[]) {
  if (codes.length === 0) return;
  const rows = await perimeterAmong(tx, territoryId, codes);
  if (rows.length !== codes.length) throw new AppError("validation", { fieldErrors: { communes: ["Choisissez des communes du territoire."] } });
}

async function checkGroup(tx: Executor, territoryId: string, groupId: string | undefined) {
  if (!groupId) return;
  const [g] = await tx.select({ id: findingGroups.id }).from(findingGroups).where(and(eq(findingGroups.id, groupId), eq(findingGroups.territoryId, territoryId)));
  if (!g) throw new AppError("validation", { fieldErrors: { groupId: ["Choisissez un groupe de la liste."] } });
}

export async function setPartnersRecordFindings(db: Db, principal: Principal, territory: TerritoryRef, allowed: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "configure");
    await tx
      .insert(diagnosticSettings)
      .values({ territoryId: territory.id, partnersRecordFindings: allowed, updatedBy: by(principal) })
      .onConflictDoUpdate({ target: diagnosticSettings.territoryId, set: { partnersRecordFindings: allowed, updatedAt: new Date(), updatedBy: by(principal) } });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "diagnostic_settings", entityId: territory.id, action: "update", after: { partnersRecordFindings: allowed } });
  });
}

export async function createFinding(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(findingSchema, raw);
  return db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "record");
    await checkCommunes(tx, territory.id, input.communes);
    await checkGroup(tx, territory.id, input.groupId);
    const [row] = await tx
      .insert(findings)
      .values({
        territoryId: territory.id,
        kind: input.kind,
        text: input.text,
        origin: input.origin,
        originLabel: input.originLabel,
        originRef: input.originRef ?? null,
        themes: input.themes,
        communes: input.communes,
        groupId: input.groupId ?? null,
        createdBy: by(principal),
      })
      .returning({ id: findings.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: row.id, action: "create", after: input });
    return row;
  });
}

export async function updateFinding(db: Db, principal: Principal, territory: TerritoryRef, findingId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(findingSchema, raw);
  await db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "organise");
    const before = await findFinding(tx, territory.id, findingId);
    if (!before || before.mergedInto) throw new AppError("not_found");
    await checkCommunes(tx, territory.id, input.communes);
    await checkGroup(tx, territory.id, input.groupId);
    const after = { kind: input.kind, text: input.text, originLabel: input.originLabel, themes: input.themes, communes: input.communes, groupId: input.groupId ?? null };
    await tx.update(findings).set({ ...after, updatedAt: new Date() }).where(and(eq(findings.id, findingId), eq(findings.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: findingId, action: "update", before, after });
  });
}

export async function deleteFinding(db: Db, principal: Principal, territory: TerritoryRef, findingId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "organise");
    const before = await findFinding(tx, territory.id, findingId);
    if (!before) throw new AppError("not_found");
    await tx.delete(findings).where(and(eq(findings.id, findingId), eq(findings.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: findingId, action: "delete", before });
  });
}

export async function createGroup(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const { title } = parseOrThrow(groupSchema, raw);
  return db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "organise");
    const [row] = await tx.insert(findingGroups).values({ territoryId: territory.id, title }).returning({ id: findingGroups.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding_group", entityId: row.id, action: "create", after: { title } });
    return row;
  });
}

/** Puts a finding in a group ("" = out of any group). */
export async function moveToGroup(db: Db, principal: Principal, territory: TerritoryRef, findingId: string, groupId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "organise");
    const finding = await findFinding(tx, territory.id, findingId);
    if (!finding || finding.mergedInto) throw new AppError("not_found");
    await checkGroup(tx, territory.id, groupId || undefined);
    await tx.update(findings).set({ groupId: groupId || null, updatedAt: new Date() }).where(and(eq(findings.id, findingId), eq(findings.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: findingId, action: "group", before: { groupId: finding.groupId }, after: { groupId: groupId || null } });
  });
}

/**
 * Merges `otherId` into `keepId` (two ways of saying the same thing): the kept finding gets the union of
 * themes and communes and of the votes (one per person), and `text` if given; the other one leaves the
 * lists but stays, pointing to the kept one, so its origin is not lost.
 */
export async function mergeFindings(db: Db, principal: Principal, territory: TerritoryRef, keepId: string, otherId: string, text?: string): Promise<void> {
  if (keepId === otherId) throw new AppError("validation", { fieldErrors: { other: ["Choisissez un autre constat que celui-ci."] } });
  const newText = text?.trim() ? parseOrThrow(findingSchema.pick({ text: true }), { text }).text : undefined;
  await db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "organise");
    const keep = await findFinding(tx, territory.id, keepId);
    const other = await findFinding(tx, territory.id, otherId);
    if (!keep || !other || keep.mergedInto || other.mergedInto) throw new AppError("not_found");
    if (keep.kind !== other.kind) throw new AppError("validation", { fieldErrors: { other: ["Un atout ne se fusionne qu'avec un atout, un questionnement avec un questionnement."] } });
    const after = {
      text: newText ?? keep.text,
      themes: [...new Set([...keep.themes, ...other.themes])],
      communes: [...new Set([...keep.communes, ...other.communes])],
      groupId: keep.groupId ?? other.groupId,
    };
    await tx.update(findings).set({ ...after, updatedAt: new Date() }).where(eq(findings.id, keep.id));
    await tx.execute(sql`insert into finding_votes (finding_id, user_id, voted_at) select ${keep.id}, user_id, voted_at from finding_votes where finding_id = ${other.id} on conflict do nothing`);
    await tx.delete(findingVotes).where(eq(findingVotes.findingId, other.id));
    await tx.update(findings).set({ mergedInto: keep.id, updatedAt: new Date() }).where(eq(findings.id, other.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: keep.id, action: "merge", before: { kept: keep, merged: other }, after });
  });
}

/** One vote per person; voting again takes the vote back. Returns whether the person now votes for it. */
export async function toggleVote(db: Db, principal: Principal, territory: TerritoryRef, findingId: string): Promise<boolean> {
  if (principal.kind !== "user") throw new AppError("unauthenticated");
  return db.transaction(async (tx) => {
    await authorizeWithSetting(tx, principal, territory, "vote");
    const finding = await findFinding(tx, territory.id, findingId);
    if (!finding || finding.mergedInto) throw new AppError("not_found");
    const removed = await tx
      .delete(findingVotes)
      .where(and(eq(findingVotes.findingId, findingId), eq(findingVotes.userId, principal.userId)))
      .returning({ f: findingVotes.findingId });
    if (removed.length === 0) await tx.insert(findingVotes).values({ findingId, userId: principal.userId }).onConflictDoNothing();
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "finding", entityId: findingId, action: removed.length ? "unvote" : "vote" });
    return removed.length === 0;
  });
}
