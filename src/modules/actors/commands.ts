import { and, eq, ne, or, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { roleLabels } from "@/platform/auth/principal";
import { user } from "@/platform/auth/schema";
import { recordAudit } from "@/platform/audit/record";
import { isForeignKeyViolation } from "@/platform/db/foreign-keys";
import type { Db, Executor } from "@/platform/db/client";
import { AppError, type FieldErrors } from "@/platform/errors";
import { normalizeSearch } from "@/platform/text";
import { parseOrThrow } from "@/platform/validation";
import { communes } from "@/modules/geo";
import { type TerritoryRef, memberships, perimeterAmong, resolveCommunesAsWritten } from "@/modules/territories";
import { actorPolicy, noParticularActor } from "./policy";
import { findActor, type ActorDetails, type ActorRow } from "./queries";
import { actorCommunes, actorContacts, actorMembers, actors, speakerRequests, territoryActors } from "./schema";
import { actorSchema, contactSchema, followUpSchema, linkMemberSchema, speakerAnswerSchema, MAX_SERVED_COMMUNES, type ActorValues } from "./validation";

/** Member check first (a stranger learns nothing, not even whether the id exists), then the actor as the territory sees it. */
async function loadForWrite(db: Executor, principal: Principal, territory: TerritoryRef, actorId: string): Promise<ActorDetails> {
  authorize(actorPolicy.list(principal, territory, noParticularActor));
  const found = await findActor(db, territory.id, actorId);
  if (!found) throw new AppError("not_found");
  return found;
}

type Placement = { communeCode: string | null; communeName: string | null; served: string[] };

/**
 * Resolves the location and served communes as people write them (names, postcodes, INSEE codes:
 * the shared resolver of every commune field), and checks that the territory will still see the
 * actor: otherwise it would vanish from the list of the very people who just saved it. All field
 * errors are reported at once.
 */
async function placement(tx: Executor, territory: TerritoryRef, input: ActorValues): Promise<Placement> {
  const errors: FieldErrors = {};
  let communeCode: string | null = null;
  if (input.communeCode) {
    const located = await resolveCommunesAsWritten(tx, territory.id, input.communeCode, { scope: "france", list: false });
    if (located.problems.length > 0) errors.communeCode = located.problems;
    else communeCode = located.codes[0] ?? null;
  }
  const servedResult = await resolveCommunesAsWritten(tx, territory.id, input.communes, { scope: "france", list: true });
  const served = servedResult.codes;
  if (servedResult.problems.length > 0) errors.communes = servedResult.problems.length > 10 ? [...servedResult.problems.slice(0, 10), `… et ${servedResult.problems.length - 10} autres entrées non comprises.`] : servedResult.problems;
  else if (served.length > MAX_SERVED_COMMUNES) errors.communes = [`Une structure ne peut pas desservir plus de ${MAX_SERVED_COMMUNES} communes.`];
  if (Object.keys(errors).length === 0) {
    const inside = [communeCode, ...served].filter((c): c is string => c !== null);
    if ((await perimeterAmong(tx, territory.id, inside)).length === 0) errors.communeCode = ["La structure doit être située dans le territoire ou desservir au moins une de ses communes (sinon elle n'y apparaîtrait pas)."];
  }
  if (Object.keys(errors).length > 0) throw new AppError("validation", { fieldErrors: errors });
  const [named] = communeCode ? await tx.select({ name: communes.name }).from(communes).where(eq(communes.code, communeCode)) : [];
  return { communeCode, communeName: named?.name ?? null, served };
}

/** One shared registry: the same SIRET or RNA twice would be the same structure copied. */
async function refuseDuplicates(tx: Executor, input: ActorValues, exceptId?: string): Promise<void> {
  const same = or(input.siret ? eq(actors.siret, input.siret) : undefined, input.rna ? eq(actors.rna, input.rna) : undefined);
  if (!same) return;
  const [other] = await tx
    .select({ name: actors.name, siret: actors.siret, rna: actors.rna })
    .from(actors)
    .where(and(same, exceptId ? ne(actors.id, exceptId) : undefined))
    .limit(1);
  if (!other) return;
  const field = input.siret && other.siret === input.siret ? "siret" : "rna";
  throw new AppError("validation", { fieldErrors: { [field]: [`La structure « ${other.name} » est déjà enregistrée avec ce numéro : une structure n'est décrite qu'une fois sur la plateforme.`] } });
}

function rowOf(input: ActorValues, place: Placement) {
  return {
    name: input.name,
    siret: input.siret,
    rna: input.rna,
    legalType: input.legalType,
    worlds: input.worlds,
    communeCode: place.communeCode,
    publicEmail: input.publicEmail,
    publicPhone: input.publicPhone,
    website: input.website,
    description: input.description,
    search: normalizeSearch([input.name, input.siret, input.rna, place.communeName].filter(Boolean).join(" ")),
  };
}

/** What the audit log keeps of an actor: its public fields only. */
function auditView(row: Omit<ActorRow, "id" | "search" | "source" | "sourceId" | "createdAt" | "updatedAt">, served: string[]) {
  const { name, siret, rna, legalType, worlds, communeCode, publicEmail, publicPhone, website, description } = row;
  return { name, siret, rna, legalType, worlds, communeCode, served, publicEmail, publicPhone, website, description };
}

async function replaceServed(tx: Executor, actorId: string, served: string[]): Promise<void> {
  await tx.delete(actorCommunes).where(eq(actorCommunes.actorId, actorId));
  for (let i = 0; i < served.length; i += 1000) {
    await tx.insert(actorCommunes).values(served.slice(i, i + 1000).map((communeCode) => ({ actorId, communeCode })));
  }
}

export async function createActor(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<ActorRow> {
  authorize(actorPolicy.create(principal, territory, noParticularActor));
  const input = parseOrThrow(actorSchema, raw);
  return db.transaction(async (tx) => {
    const place = await placement(tx, territory, input);
    await refuseDuplicates(tx, input);
    const [created] = await tx.insert(actors).values(rowOf(input, place)).returning();
    if (!created) throw new Error("actor insert returned nothing");
    await replaceServed(tx, created.id, place.served);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor", entityId: created.id, action: "create", after: auditView(created, place.served) });
    return created;
  });
}

export async function updateActor(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown): Promise<ActorRow> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.edit(principal, territory, existing));
  const input = parseOrThrow(actorSchema, raw);
  return db.transaction(async (tx) => {
    const place = await placement(tx, territory, input);
    await refuseDuplicates(tx, input, existing.id);
    const [updated] = await tx
      .update(actors)
      .set({ ...rowOf(input, place), updatedAt: new Date() })
      .where(eq(actors.id, existing.id))
      .returning();
    if (!updated) throw new AppError("not_found");
    await replaceServed(tx, updated.id, place.served);
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "actor",
      entityId: updated.id,
      action: "update",
      before: auditView(existing, existing.served.map((c) => c.code)),
      after: auditView(updated, place.served),
    });
    return updated;
  });
}

export async function addContact(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown) {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.manageContacts(principal, territory, existing));
  const input = parseOrThrow(contactSchema, raw);
  return db.transaction(async (tx) => {
    const [contact] = await tx.insert(actorContacts).values({ actorId: existing.id, territoryId: territory.id, ...input }).returning();
    if (!contact) throw new Error("contact insert returned nothing");
    // Name and role only: the log outlives the contact, its email and phone need not.
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_contact", entityId: contact.id, action: "create", after: { actor: existing.name, name: contact.name, role: contact.role } });
    return contact;
  });
}

export async function removeContact(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, contactId: string): Promise<void> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.manageContacts(principal, territory, existing));
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) throw new AppError("not_found");
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(actorContacts)
      // Only a contact this territory wrote: another territory's contacts of the same actor are not ours to remove.
      .where(and(eq(actorContacts.id, contactId), eq(actorContacts.actorId, existing.id), eq(actorContacts.territoryId, territory.id)))
      .returning();
    if (!removed) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_contact", entityId: removed.id, action: "remove", before: { actor: existing.name, name: removed.name, role: removed.role } });
  });
}

/**
 * The territory's own follow-up of an actor: status ("engagé / à mobiliser") and internal notes.
 * Written for this territory only; another territory seeing the same actor keeps its own.
 */
export async function setFollowUp(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown): Promise<void> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.annotate(principal, territory, existing));
  const input = parseOrThrow(followUpSchema, raw);
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(territoryActors)
      .values({ territoryId: territory.id, actorId: existing.id, status: input.status, notes: input.notes, updatedAt: now })
      .onConflictDoUpdate({ target: [territoryActors.territoryId, territoryActors.actorId], set: { status: input.status, notes: input.notes, updatedAt: now } });
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "actor_follow_up",
      entityId: existing.id,
      action: "update",
      before: { actor: existing.name, status: existing.status, notes: existing.notes },
      after: { actor: existing.name, status: input.status, notes: input.notes },
    });
  });
}

/**
 * Makes a member of the territory a speaker of the actor, inside the caller's transaction. The person
 * is chosen among the territory's members (never typed): partners describe their own structure, and
 * coordinators already edit every actor but may be named too (a small territory's coordinator often is).
 */
async function addSpeaker(tx: Executor, territory: TerritoryRef, existing: ActorDetails, userId: string, field: string) {
  const [person] = await tx
    .select({ id: user.id, name: user.name, role: memberships.role })
    .from(user)
    .innerJoin(memberships, and(eq(memberships.userId, user.id), eq(memberships.territoryId, territory.id)))
    .where(eq(user.id, userId));
  if (!person) throw new AppError("validation", { fieldErrors: { [field]: ["Cette personne n'est pas membre du territoire. Invitez-la d'abord depuis « Membres et invitations »."] } });
  if (person.role !== "partner" && person.role !== "coordinator")
    throw new AppError("validation", { fieldErrors: { [field]: [`${person.name} a le rôle ${roleLabels[person.role]} : donnez-lui d'abord le rôle ${roleLabels.partner} (page « Membres et invitations »).`] } });
  const inserted = await tx.insert(actorMembers).values({ actorId: existing.id, userId: person.id }).onConflictDoNothing().returning();
  if (inserted.length === 0) throw new AppError("validation", { fieldErrors: { [field]: [`${person.name} représente déjà cette structure.`] } });
  // One of the structure's people now takes part in the territory: the structure joined it as a partner.
  const now = new Date();
  await tx
    .insert(territoryActors)
    .values({ territoryId: territory.id, actorId: existing.id, joinedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [territoryActors.territoryId, territoryActors.actorId], set: { joinedAt: sql`coalesce(${territoryActors.joinedAt}, ${now.toISOString()}::timestamptz)` } });
  // A request this person had made for the structure is answered by the designation itself.
  await tx.delete(speakerRequests).where(and(eq(speakerRequests.territoryId, territory.id), eq(speakerRequests.actorId, existing.id), eq(speakerRequests.userId, person.id)));
  return { userId: person.id, name: person.name };
}

/** A coordinator names the person (chosen among the territory's members) who speaks for the actor and may then edit it. */
export async function linkMember(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown) {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.linkMember(principal, territory, existing));
  const { user: userId } = parseOrThrow(linkMemberSchema, raw);
  return db.transaction(async (tx) => {
    const person = await addSpeaker(tx, territory, existing, userId, "user");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_member", entityId: person.userId, action: "create", after: { actor: existing.name, person: person.name } });
    return person;
  });
}

/**
 * A partner asks to speak for a structure of the registry. Only a request: the partner gains no
 * right over the actor until the coordination confirms it (answerSpeakerRequest); asking twice is harmless.
 */
export async function requestToSpeak(db: Db, principal: Principal, territory: TerritoryRef, actorId: string): Promise<{ actorId: string; name: string; created: boolean }> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  if (principal.kind === "user" && existing.speakerIds.includes(principal.userId)) throw new AppError("validation", { fieldErrors: { actor: [`Vous représentez déjà « ${existing.name} ».`] } });
  authorize(actorPolicy.requestToSpeak(principal, territory, existing));
  if (principal.kind !== "user") throw new AppError("forbidden");
  const userId = principal.userId;
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(speakerRequests).values({ territoryId: territory.id, actorId: existing.id, userId }).onConflictDoNothing().returning();
    if (inserted.length > 0) await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_speaker_request", entityId: existing.id, action: "create", after: { actor: existing.name, person: principal.name } });
    return { actorId: existing.id, name: existing.name, created: inserted.length > 0 };
  });
}

/** The coordination confirms (the person becomes a speaker) or refuses (the request is dropped) a partner's request. */
export async function answerSpeakerRequest(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown): Promise<{ name: string; decision: "confirm" | "refuse" }> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.linkMember(principal, territory, existing));
  const { user: userId, decision } = parseOrThrow(speakerAnswerSchema, raw);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({ name: user.name })
      .from(speakerRequests)
      .innerJoin(user, eq(user.id, speakerRequests.userId))
      .where(and(eq(speakerRequests.territoryId, territory.id), eq(speakerRequests.actorId, existing.id), eq(speakerRequests.userId, userId)));
    if (!request) throw new AppError("not_found", { message: "Cette demande n'existe plus : elle a peut-être déjà reçu une réponse." });
    if (decision === "confirm") {
      const person = await addSpeaker(tx, territory, existing, userId, "user");
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_member", entityId: person.userId, action: "create", after: { actor: existing.name, person: person.name } });
    } else {
      await tx.delete(speakerRequests).where(and(eq(speakerRequests.territoryId, territory.id), eq(speakerRequests.actorId, existing.id), eq(speakerRequests.userId, userId)));
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_speaker_request", entityId: existing.id, action: "refuse", before: { actor: existing.name, person: request.name } });
    }
    return { name: request.name, decision };
  });
}

export async function unlinkMember(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, userId: string): Promise<void> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.linkMember(principal, territory, existing));
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(actorMembers)
      .where(and(eq(actorMembers.actorId, existing.id), eq(actorMembers.userId, userId)))
      .returning();
    if (removed.length === 0) throw new AppError("not_found");
    const person = existing.speakers.find((s) => s.userId === userId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor_member", entityId: userId, action: "remove", before: { actor: existing.name, person: person?.name ?? userId } });
  });
}

/**
 * Something that still uses a structure: `label` in French for the refusal message ("action du plan « … »
 * (version 2)"), `path` under the territory's workspace when the page can link to it (null otherwise:
 * another territory's data is counted, never named).
 */
export type ActorUse = { label: string; path: string | null };

/**
 * Reads what other modules hold about a structure (plan actions, charters, groups, places, accompaniments,
 * indicators, self-assessments): those modules sit above actors, so the reader is written in the composition
 * layer and handed to the command (src/composition/actor-delete, decision 032).
 */
export type ActorUsageReader = (tx: Executor, territoryId: string, actorId: string) => Promise<ActorUse[]>;

/** "La structure « X » ne peut pas être supprimée : …" with at most ten uses named, then how many more. */
export function actorStillUsedMessage(name: string, uses: readonly ActorUse[]): string {
  const shown = uses.slice(0, 10).map((u) => u.label);
  const more = uses.length > 10 ? ` et ${uses.length - 10} autre${uses.length - 10 > 1 ? "s" : ""}` : "";
  return `La structure « ${name} » ne peut pas être supprimée : elle est encore utilisée (${shown.join(" ; ")}${more}). Retirez-la d'abord de ${uses.length > 1 ? "ces éléments" : "cet élément"}, puis recommencez.`;
}

/** What the actors module itself keeps about the structure that is not the deleting territory's to drop. */
async function ownUses(tx: Executor, territoryId: string, actorId: string): Promise<ActorUse[]> {
  const uses: ActorUse[] = [];
  const [speakers] = await tx.select({ n: sql<number>`count(*)::int` }).from(actorMembers).where(eq(actorMembers.actorId, actorId));
  if (speakers && speakers.n > 0) uses.push({ label: speakers.n > 1 ? `${speakers.n} personnes la représentent` : "une personne la représente", path: null });
  // Another territory's contacts and follow-up belong to it (decision 006): never deleted from here.
  const others = await tx
    .select({ t: territoryActors.territoryId })
    .from(territoryActors)
    .where(and(eq(territoryActors.actorId, actorId), ne(territoryActors.territoryId, territoryId)))
    .union(tx.select({ t: actorContacts.territoryId }).from(actorContacts).where(and(eq(actorContacts.actorId, actorId), ne(actorContacts.territoryId, territoryId))));
  if (others.length > 0) uses.push({ label: others.length > 1 ? `${others.length} autres territoires la suivent (contacts, notes)` : "un autre territoire la suit (contacts, notes)", path: null });
  return uses;
}

/** Everything that keeps a structure from being deleted: other modules' uses (the reader), then this module's own. */
export async function usesOfActor(tx: Executor, territoryId: string, actorId: string, usage: ActorUsageReader): Promise<ActorUse[]> {
  return [...(await usage(tx, territoryId, actorId)), ...(await ownUses(tx, territoryId, actorId))];
}

/**
 * Deletes a structure from the shared registry, in one transaction with one audit event — refused (`still_used`,
 * with the list) while anything uses it, in this territory or another: the page names this territory's uses with
 * links, and counts the others'. The row is locked first: a link written meanwhile waits, then fails on the
 * foreign key, so nothing points to a structure that is gone. This territory's own contacts and follow-up go
 * with it.
 */
export async function deleteActor(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, usage: ActorUsageReader): Promise<{ name: string }> {
  const existing = await loadForWrite(db, principal, territory, actorId);
  authorize(actorPolicy.delete(principal, territory, existing));
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from ${actors} where ${actors.id} = ${existing.id} for update`);
      const uses = await usesOfActor(tx, territory.id, existing.id, usage);
      if (uses.length > 0) throw new AppError("still_used", { message: actorStillUsedMessage(existing.name, uses) });
      const [gone] = await tx.delete(actors).where(eq(actors.id, existing.id)).returning({ id: actors.id });
      if (!gone) throw new AppError("not_found");
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "actor", entityId: existing.id, action: "delete", before: auditView(existing, existing.served.map((c) => c.code)) });
      return { name: existing.name };
    });
  } catch (e) {
    // A restrict key the reader did not foresee (a link written by a module added later): the same refusal.
    if (isForeignKeyViolation(e)) throw new AppError("still_used", { message: `La structure « ${existing.name} » ne peut pas être supprimée : elle est encore utilisée ailleurs. Retirez-la d'abord de ces éléments.`, cause: e });
    throw e;
  }
}
