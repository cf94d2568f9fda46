import { and, eq, inArray, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { actors, visibleIn } from "@/modules/actors";
import { groupRefOf, groups, membersOf } from "@/modules/groups";
import { authorizeOnDecision, findDecision } from "@/modules/meetings";
import { setActionStatusIn } from "@/modules/plan";
import { charterCommitments, charters, charterVersions, decisionCommitments } from "@/modules/charter";
import { governancePolicy } from "./policy";
import { findBody, isUuid, meetingsKeepingBody, meetingUseLabel, type BodyMeetingUse } from "./queries";
import { actionStatusCitations, coordinationContacts } from "./schema";
import { bodySchema, citedStatusSchema, commitmentLinksSchema, contactSchema } from "./validation";

// One write = one function, one transaction, one audit event. A body's members, roles and meetings are written by
// the groups' and meetings' commands (a body is a group); these are the governance's own writes.

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/** Sets up a governance body (a group of a governance kind, with its rhythm). */
export async function createBody(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(bodySchema, raw);
  return db.transaction(async (tx) => {
    authorize(governancePolicy.create(principal, territory));
    const [row] = await tx.insert(groups).values({ territoryId: territory.id, ...input, createdBy: by(principal) }).returning({ id: groups.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group", entityId: row.id, action: "create", after: input });
    return row;
  });
}

/** Changes a body's name, role, kind or rhythm (the coordination, or its président·e). */
export async function updateBody(db: Db, principal: Principal, territory: TerritoryRef, bodyId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(bodySchema, raw);
  await db.transaction(async (tx) => {
    const before = await findBody(tx, territory.id, bodyId);
    const ref = before ? await groupRefOf(tx, territory, bodyId) : undefined;
    if (!before || !ref) throw new AppError("not_found");
    authorize(governancePolicy.manage(principal, ref));
    await tx.update(groups).set({ ...input, updatedAt: new Date() }).where(and(eq(groups.id, bodyId), eq(groups.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group", entityId: bodyId, action: "update", before: { name: before.name, purpose: before.purpose, kind: before.kind, rhythm: before.rhythm }, after: input });
  });
}

/** Why a body that has met is not deleted, naming its meetings (the first ten). */
export function bodyStillUsedMessage(name: string, uses: readonly BodyMeetingUse[]): string {
  const shown = uses.slice(0, 10).map(meetingUseLabel);
  const more = uses.length > 10 ? ` et ${uses.length - 10} autre${uses.length - 10 > 1 ? "s" : ""}` : "";
  return (
    `L'instance « ${name} » ne peut pas être supprimée : elle a ${uses.length > 1 ? `${uses.length} réunions` : "une réunion"} (${shown.join(" ; ")}${more}). ` +
    "Ses réunions, comptes rendus et décisions restent la trace de ce qu'elle a décidé : une instance qui s'est réunie est gardée."
  );
}

/**
 * Deletes a governance body that never met (one set up by mistake, or never convened): its members go with it,
 * one audit event keeps what it was (name, kind, rhythm, members). A body with a meeting, even a cancelled one, is
 * refused (`still_used`, naming its meetings): its meetings would go with it (the meetings' key cascades) and its
 * decisions would lose their body, while minutes and decisions are the territory's record (decision 025).
 */
export async function deleteBody(db: Db, principal: Principal, territory: TerritoryRef, bodyId: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    authorize(governancePolicy.delete(principal, territory));
    if (!isUuid(bodyId)) throw new AppError("not_found");
    // Locked: a meeting being planned meanwhile (its key shares this row) waits for us, or we see it.
    await tx.execute(sql`select 1 from ${groups} where ${groups.id} = ${bodyId} and ${groups.territoryId} = ${territory.id} for update`);
    const body = await findBody(tx, territory.id, bodyId);
    if (!body) throw new AppError("not_found");
    const uses = await meetingsKeepingBody(tx, territory.id, bodyId);
    if (uses.length > 0) throw new AppError("still_used", { message: bodyStillUsedMessage(body.name, uses) });
    const members = await membersOf(tx, territory.id, bodyId);
    await tx.delete(groups).where(and(eq(groups.id, bodyId), eq(groups.territoryId, territory.id)));
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "group",
      entityId: bodyId,
      action: "delete",
      before: { name: body.name, purpose: body.purpose, kind: body.kind, rhythm: body.rhythm, members: members.map((m) => ({ name: m.name, role: m.role, structure: m.actorName })) },
    });
    return { name: body.name };
  });
}

/**
 * Changes a plan action's status citing the decision that caused it, in one transaction: the plan's own update
 * (its rules: policy, frozen versions, revision → 409) and the citation (from → to, decision, who, when); one audit event.
 */
export async function changeStatusCitingDecision(db: Db, principal: Principal, territory: TerritoryRef, actionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(citedStatusSchema, raw);
  return db.transaction(async (tx) => {
    authorize(governancePolicy.citeDecision(principal, territory));
    const decision = await findDecision(tx, territory.id, input.decision);
    if (!decision) throw new AppError("validation", { fieldErrors: { decision: ["Choisissez une décision du territoire dans la liste."] } });
    const change = await setActionStatusIn(tx, principal, territory, actionId, input.status, input.revision);
    if (change.from === change.to) throw new AppError("validation", { fieldErrors: { status: ["L'action a déjà ce statut : choisissez le nouveau statut que la décision lui donne."] } });
    const [row] = await tx
      .insert(actionStatusCitations)
      .values({
        territoryId: territory.id,
        actionId,
        actionLineageId: change.lineageId,
        fromStatus: change.from,
        toStatus: change.to,
        decisionId: decision.id,
        note: input.note,
        changedById: principal.kind === "user" ? principal.userId : null,
        changedBy: by(principal),
      })
      .returning({ id: actionStatusCitations.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: actionId, action: "status_cited", before: { status: change.from }, after: { status: change.to, decisionId: decision.id, note: input.note } });
    return row;
  });
}

/** The commitment lineages of the territory's charters among `lineages` (a decision links only its own territory's). */
async function territoryLineages(tx: Executor, territoryId: string, lineages: string[]): Promise<Set<string>> {
  if (lineages.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ lineageId: charterCommitments.lineageId })
    .from(charterCommitments)
    .innerJoin(charterVersions, eq(charterVersions.id, charterCommitments.versionId))
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(and(eq(charters.territoryId, territoryId), inArray(charterCommitments.lineageId, lineages)));
  return new Set(rows.map((r) => r.lineageId));
}

/** Sets the charter commitments a decision concerns (the whole list: unticked ones are unlinked). */
export async function linkDecisionCommitments(db: Db, principal: Principal, territory: TerritoryRef, decisionId: string, raw: unknown): Promise<void> {
  const { commitments } = parseOrThrow(commitmentLinksSchema, raw);
  await db.transaction(async (tx) => {
    const decision = await authorizeOnDecision(tx, principal, territory, decisionId);
    const known = await territoryLineages(tx, territory.id, commitments);
    if (commitments.some((c) => !known.has(c))) throw new AppError("validation", { fieldErrors: { commitments: ["Choisissez les engagements dans la liste de la charte."] } });
    const before = await tx.select({ lineageId: decisionCommitments.commitmentLineageId }).from(decisionCommitments).where(eq(decisionCommitments.decisionId, decision.id));
    await tx.delete(decisionCommitments).where(eq(decisionCommitments.decisionId, decision.id));
    if (commitments.length) await tx.insert(decisionCommitments).values(commitments.map((commitmentLineageId) => ({ decisionId: decision.id, commitmentLineageId })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "decision", entityId: decision.id, action: "link_commitments", before: { commitments: before.map((b) => b.lineageId) }, after: { commitments } });
  });
}

/** Adds a public contact of the coordination (shown on the territory's public page). */
export async function addContact(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(contactSchema, raw);
  return db.transaction(async (tx) => {
    authorize(governancePolicy.manageContacts(principal, territory));
    let structure = input.structure;
    if (input.actorId) {
      const [actor] = await tx.select({ name: actors.name }).from(actors).where(and(eq(actors.id, input.actorId), visibleIn(tx, territory.id)));
      if (!actor) throw new AppError("validation", { fieldErrors: { actorId: ["Choisissez une structure du territoire dans la liste."] } });
      structure = structure || actor.name;
    }
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${coordinationContacts.position}), -1)::int + 1` })
      .from(coordinationContacts)
      .where(eq(coordinationContacts.territoryId, territory.id));
    const [row] = await tx
      .insert(coordinationContacts)
      .values({ territoryId: territory.id, name: input.name, role: input.role, actorId: input.actorId ?? null, structure, publicEmail: input.publicEmail ?? null, publicPhone: input.publicPhone ?? null, position: Number(next) })
      .returning({ id: coordinationContacts.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "coordination_contact", entityId: row.id, action: "create", after: { ...input, structure } });
    return row;
  });
}

export async function removeContact(db: Db, principal: Principal, territory: TerritoryRef, contactId: string): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(governancePolicy.manageContacts(principal, territory));
    if (!isUuid(contactId)) throw new AppError("not_found");
    const [before] = await tx.delete(coordinationContacts).where(and(eq(coordinationContacts.id, contactId), eq(coordinationContacts.territoryId, territory.id))).returning();
    if (!before) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "coordination_contact", entityId: contactId, action: "delete", before });
  });
}
