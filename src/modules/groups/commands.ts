import { and, eq, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { user } from "@/platform/auth/schema";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { AppError } from "@/platform/errors";
import { sendMail } from "@/platform/mail/mailer";
import { parseOrThrow } from "@/platform/validation";
import { actors, visibleIn, worldLabels, type World } from "@/modules/actors";
import { addActionDraftIn } from "@/modules/plan";
import { memberships, type Territory, type TerritoryRef } from "@/modules/territories";
import { groupPolicy, watchPolicy, type GroupRef } from "./policy";
import { findGroup, findProposal, findWatchItem, groupRefOf, isUuid } from "./queries";
import { governanceKinds, groupMembers, groupProposalComments, groupProposals, groupProposalSupports, groups, watchDigestSubscriptions, watchItems } from "./schema";
import { commentSchema, groupSchema, memberSchema, proposalSchema, roleSchema, watchItemSchema } from "./validation";

// One write = one function, one transaction, one audit event. The group's rules need its people (GroupRef),
// read inside the transaction so that a role changed meanwhile is the one applied.

const by = (principal: Principal) => principalLabel(principal, { show: "email" });
const displayName = (principal: Principal) => principalLabel(principal, { show: "nameOrEmail" });

async function groupIn(tx: Executor, territory: TerritoryRef, groupId: string): Promise<GroupRef> {
  const ref = await groupRefOf(tx, territory, groupId);
  if (!ref) throw new AppError("not_found");
  return ref;
}

async function touch(tx: Executor, groupId: string) {
  await tx.update(groups).set({ updatedAt: new Date() }).where(eq(groups.id, groupId));
}

export async function createGroup(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(groupSchema, raw);
  return db.transaction(async (tx) => {
    authorize(groupPolicy.create(principal, territory));
    const [row] = await tx.insert(groups).values({ territoryId: territory.id, ...input, createdBy: by(principal) }).returning({ id: groups.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group", entityId: row.id, action: "create", after: input });
    return row;
  });
}

export async function updateGroup(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(groupSchema, raw);
  await db.transaction(async (tx) => {
    authorize(groupPolicy.manage(principal, await groupIn(tx, territory, groupId)));
    const before = await findGroup(tx, territory.id, groupId);
    await tx.update(groups).set({ ...input, updatedAt: new Date() }).where(and(eq(groups.id, groupId), eq(groups.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group", entityId: groupId, action: "update", before, after: input });
  });
}

/** Deletes the group with its members and proposals; the action drafts made from its proposals stay in the plan. */
export async function deleteGroup(db: Db, principal: Principal, territory: TerritoryRef, groupId: string): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(groupPolicy.delete(principal, await groupIn(tx, territory, groupId)));
    const before = await findGroup(tx, territory.id, groupId);
    // A governance body is deleted by the governance's own command, which keeps a body that has met (decision 025):
    // here its meetings would go with it.
    if (before && (governanceKinds as readonly string[]).includes(before.kind)) throw new AppError("not_found");
    await tx.delete(groups).where(and(eq(groups.id, groupId), eq(groups.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group", entityId: groupId, action: "delete", before });
  });
}

/** A structure must be one the territory sees (its map of actors). */
async function checkActor(tx: Executor, territoryId: string, actorId: string | undefined) {
  if (!actorId) return undefined;
  const [row] = await tx
    .select({ id: actors.id, name: actors.name, worlds: actors.worlds, publicEmail: actors.publicEmail })
    .from(actors)
    .where(and(eq(actors.id, actorId), visibleIn(tx, territoryId)));
  if (!row) throw new AppError("validation", { fieldErrors: { actorId: ["Choisissez une structure du territoire dans la liste."] } });
  return row;
}

/**
 * Adds a person: an account of the territory (name and e-mail taken from it), or a person by name and e-mail.
 * The same account, or the same e-mail, twice in a group is refused.
 */
export async function addMember(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(memberSchema, raw);
  return db.transaction(async (tx) => {
    authorize(groupPolicy.manage(principal, await groupIn(tx, territory, groupId)));
    let name = input.name;
    let email = input.email ?? null;
    if (input.userId) {
      const [account] = await tx
        .select({ name: user.name, email: user.email })
        .from(memberships)
        .innerJoin(user, eq(user.id, memberships.userId))
        .where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, input.userId)));
      if (!account) throw new AppError("validation", { fieldErrors: { userId: ["Choisissez une personne membre du territoire dans la liste."] } });
      name = account.name;
      email = account.email;
    }
    await checkActor(tx, territory.id, input.actorId);
    const [dup] = await tx
      .select({ id: groupMembers.id })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), input.userId ? eq(groupMembers.userId, input.userId) : email ? sql`lower(${groupMembers.email}) = ${email}` : sql`false`));
    if (dup) throw new AppError("already_in_group");
    const [row] = await tx
      .insert(groupMembers)
      .values({ groupId, userId: input.userId ?? null, name, email, actorId: input.actorId ?? null, role: input.role })
      .returning({ id: groupMembers.id });
    if (!row) throw new Error("insert returned nothing");
    await touch(tx, groupId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_member", entityId: row.id, action: "create", after: { groupId, userId: input.userId ?? null, name, actorId: input.actorId ?? null, role: input.role } });
    return row;
  });
}

async function memberIn(tx: Executor, groupId: string, memberId: string) {
  if (!isUuid(memberId)) throw new AppError("not_found");
  const [row] = await tx.select().from(groupMembers).where(and(eq(groupMembers.id, memberId), eq(groupMembers.groupId, groupId)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function removeMember(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(groupPolicy.manage(principal, await groupIn(tx, territory, groupId)));
    const before = await memberIn(tx, groupId, memberId);
    await tx.delete(groupMembers).where(eq(groupMembers.id, memberId));
    await touch(tx, groupId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_member", entityId: memberId, action: "delete", before });
  });
}

export async function changeRole(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, memberId: string, raw: unknown): Promise<void> {
  const { role } = parseOrThrow(roleSchema, raw);
  await db.transaction(async (tx) => {
    authorize(groupPolicy.manage(principal, await groupIn(tx, territory, groupId)));
    const before = await memberIn(tx, groupId, memberId);
    await tx.update(groupMembers).set({ role }).where(eq(groupMembers.id, memberId));
    await touch(tx, groupId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_member", entityId: memberId, action: "role", before: { role: before.role }, after: { role } });
  });
}

export type InvitationResult = { id: string; actorName: string; mailedTo: string | null; mailFailed: boolean };

/**
 * One click from the balance: invites a structure of a missing world. The invitation is a member with the role
 * invité·e linked to the structure (named after it until a person answers). When the structure publishes a contact
 * address (its public e-mail, shown on its public record), one e-mail tells it who invites it and why. Private
 * contacts written by the territory are never mailed from here (ADR 022: consent and personal data). The mail
 * leaves after the commit: a relay down never loses the invitation, and the page says the mail did not leave.
 */
export async function inviteActor(db: Db, principal: Principal, territory: Territory, groupId: string, actorId: string): Promise<InvitationResult> {
  const created = await db.transaction(async (tx) => {
    authorize(groupPolicy.manage(principal, await groupIn(tx, territory, groupId)));
    if (!isUuid(actorId)) throw new AppError("validation", { fieldErrors: { actorId: ["Choisissez une structure du territoire dans la liste."] } });
    const actor = await checkActor(tx, territory.id, actorId);
    if (!actor) throw new AppError("not_found");
    const [dup] = await tx.select({ id: groupMembers.id }).from(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.actorId, actorId)));
    if (dup) throw new AppError("already_in_group");
    const group = await findGroup(tx, territory.id, groupId);
    if (!group) throw new AppError("not_found");
    const [row] = await tx
      .insert(groupMembers)
      .values({ groupId, userId: null, name: actor.name, email: actor.publicEmail, actorId, role: "invite" })
      .returning({ id: groupMembers.id });
    if (!row) throw new Error("insert returned nothing");
    await touch(tx, groupId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_member", entityId: row.id, action: "invite", after: { groupId, actorId, worlds: actor.worlds, mailTo: actor.publicEmail } });
    return { id: row.id, actor, group };
  });
  const to = created.actor.publicEmail;
  if (!to) return { id: created.id, actorName: created.actor.name, mailedTo: null, mailFailed: false };
  try {
    await sendMail(invitationMail(to, { territory, group: created.group, actorName: created.actor.name, worlds: created.actor.worlds as World[], from: principal }));
    return { id: created.id, actorName: created.actor.name, mailedTo: to, mailFailed: false };
  } catch (e) {
    console.error("[groupes] courriel d'invitation non envoyé :", e);
    return { id: created.id, actorName: created.actor.name, mailedTo: null, mailFailed: true };
  }
}

function invitationMail(to: string, p: { territory: Territory; group: { name: string; purpose: string }; actorName: string; worlds: World[]; from: Principal }) {
  const who = p.from.kind === "user" ? `${p.from.name} (${p.from.email})` : "La coordination du territoire";
  const replyTo = p.from.kind === "user" ? p.from.email : "la coordination du territoire";
  const worldText = p.worlds.map((w) => worldLabels[w]).join(", ");
  return {
    to,
    subject: `Invitation au groupe « ${p.group.name} » — ${p.territory.name}`,
    text: [
      "Bonjour,",
      "",
      `${who} invite ${p.actorName} à rejoindre le groupe « ${p.group.name} » de la démarche d'inclusion numérique du territoire ${p.territory.name}.`,
      p.group.purpose ? `Objet du groupe : ${p.group.purpose}` : "",
      `Ce groupe réunit des acteurs de mondes différents ; il lui manque aujourd'hui des structures comme la vôtre (${worldText || "votre domaine"}).`,
      "",
      `Pour accepter, proposer une personne ou poser une question, répondez à ${replyTo}.`,
      "",
      "Vous recevez ce message parce que cette adresse est le contact public de votre structure. Il n'y aura pas de relance automatique ; si vous ne souhaitez pas participer, ignorez simplement ce message.",
      "",
      `Maillage — ${getEnv().baseUrl}`,
    ]
      .filter((l, i, all) => l !== "" || all[i - 1] !== "")
      .join("\n"),
  };
}

/** A member of the group proposes (title + text). */
export async function createProposal(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(proposalSchema, raw);
  return db.transaction(async (tx) => {
    authorize(groupPolicy.participate(principal, await groupIn(tx, territory, groupId)));
    const [row] = await tx
      .insert(groupProposals)
      .values({ territoryId: territory.id, groupId, title: input.title, text: input.text, authorId: principal.kind === "user" ? principal.userId : null, authorName: displayName(principal) })
      .returning({ id: groupProposals.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_proposal", entityId: row.id, action: "create", after: { groupId, ...input } });
    return row;
  });
}

async function proposalIn(tx: Executor, territory: TerritoryRef, proposalId: string) {
  const proposal = await findProposal(tx, territory.id, proposalId);
  if (!proposal) throw new AppError("not_found");
  return { proposal, group: await groupIn(tx, territory, proposal.groupId) };
}

export async function commentProposal(db: Db, principal: Principal, territory: TerritoryRef, proposalId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(commentSchema, raw);
  return db.transaction(async (tx) => {
    const { group } = await proposalIn(tx, territory, proposalId);
    authorize(groupPolicy.participate(principal, group));
    const [row] = await tx
      .insert(groupProposalComments)
      .values({ proposalId, authorId: principal.kind === "user" ? principal.userId : null, authorName: displayName(principal), text: input.text })
      .returning({ id: groupProposalComments.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_proposal", entityId: proposalId, action: "comment", after: input });
    return row;
  });
}

/** One support per person: supporting again takes it back. Returns whether the person now supports it. */
export async function toggleSupport(db: Db, principal: Principal, territory: TerritoryRef, proposalId: string): Promise<boolean> {
  if (principal.kind !== "user") throw new AppError("unauthenticated");
  return db.transaction(async (tx) => {
    const { group } = await proposalIn(tx, territory, proposalId);
    authorize(groupPolicy.participate(principal, group));
    const removed = await tx
      .delete(groupProposalSupports)
      .where(and(eq(groupProposalSupports.proposalId, proposalId), eq(groupProposalSupports.userId, principal.userId)))
      .returning({ p: groupProposalSupports.proposalId });
    if (removed.length === 0) await tx.insert(groupProposalSupports).values({ proposalId, userId: principal.userId }).onConflictDoNothing();
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_proposal", entityId: proposalId, action: removed.length ? "unsupport" : "support" });
    return removed.length === 0;
  });
}

/**
 * Turns a proposal into an action draft of the plan (« idée », origin = proposal), in ONE transaction with marking
 * the proposal converted: either both happen or neither (a frozen plan refuses with `plan_frozen`, and the
 * proposal stays open). The row is locked first, so two clicks at once make one draft.
 */
export async function convertProposal(db: Db, principal: Principal, territory: TerritoryRef, proposalId: string): Promise<{ actionId: string }> {
  return db.transaction(async (tx) => {
    if (!isUuid(proposalId)) throw new AppError("not_found");
    await tx.execute(sql`select id from ${groupProposals} where id = ${proposalId} and territory_id = ${territory.id} for update`);
    const { proposal, group } = await proposalIn(tx, territory, proposalId);
    authorize(groupPolicy.convert(principal, group));
    if (proposal.status !== "ouverte") throw new AppError("proposal_converted");
    const draft = await addActionDraftIn(tx, principal, territory, { title: proposal.title, description: proposal.text, origin: "proposal", originId: proposal.id });
    await tx
      .update(groupProposals)
      .set({ status: "transformee", actionId: draft.id, convertedAt: new Date(), convertedBy: by(principal) })
      .where(eq(groupProposals.id, proposalId));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "group_proposal", entityId: proposalId, action: "convert", after: { actionId: draft.id } });
    return { actionId: draft.id };
  });
}

/** A member posts a link to the shared watch, optionally from one of the territory's groups. */
export async function postWatchItem(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(watchItemSchema, raw);
  return db.transaction(async (tx) => {
    authorize(watchPolicy.post(principal, territory));
    if (input.groupId && !(await findGroup(tx, territory.id, input.groupId))) throw new AppError("validation", { fieldErrors: { groupId: ["Choisissez un groupe de la liste."] } });
    const [row] = await tx
      .insert(watchItems)
      .values({ territoryId: territory.id, groupId: input.groupId ?? null, url: input.url, title: input.title, summary: input.summary, themes: input.themes, postedBy: principal.kind === "user" ? principal.userId : null, postedByName: displayName(principal) })
      .returning({ id: watchItems.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "watch_item", entityId: row.id, action: "create", after: input });
    return row;
  });
}

export async function deleteWatchItem(db: Db, principal: Principal, territory: TerritoryRef, itemId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await findWatchItem(tx, territory.id, itemId);
    if (!item) throw new AppError("not_found");
    authorize(watchPolicy.remove(principal, { ...territory, postedBy: item.postedBy }));
    await tx.delete(watchItems).where(eq(watchItems.id, itemId));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "watch_item", entityId: itemId, action: "delete", before: item });
  });
}

/** Opt in or out of the weekly digest (one per person, for every territory they belong to). */
export async function setDigestSubscription(db: Db, principal: Principal, territory: TerritoryRef, subscribed: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(watchPolicy.subscribe(principal, territory));
    if (principal.kind !== "user") throw new AppError("unauthenticated");
    if (subscribed) await tx.insert(watchDigestSubscriptions).values({ userId: principal.userId }).onConflictDoNothing();
    else await tx.delete(watchDigestSubscriptions).where(eq(watchDigestSubscriptions.userId, principal.userId));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "watch_digest", entityId: principal.userId, action: subscribed ? "subscribe" : "unsubscribe" });
  });
}
