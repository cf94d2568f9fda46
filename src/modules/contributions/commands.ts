import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { hit, rateKey } from "@/platform/auth/rate-limit";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { AppError, type FieldErrors } from "@/platform/errors";
import { sendMail } from "@/platform/mail/mailer";
import { fieldErrorsOf, parseOrThrow } from "@/platform/validation";
import { communeOf, findPlace, type NormalizedPlace, places, row } from "@/modules/places";
import { inPerimeter, type Territory } from "@/modules/territories";
import { explainPostcodeAndCommune } from "@/modules/geo";
import { changedFields, fieldsOf, placeFieldsSchema, unchangedFields, withGridHours, withUnixBreaks, type PlaceFields, type ProposalPayload, type TextField } from "./payload";
import { contributionPolicy } from "./policy";
import { parisToday } from "@/platform/dates";
import { buildRecord, CONTRIBUTION_SOURCE } from "./record";
import { placeProposals, type PlaceProposal } from "./schema";
import { HONEYPOT, proposalLimit } from "./limits";
import { envelopeSchema, rejectSchema } from "./validation";
import { isUuid } from "./queries";

type TerritoryInfo = Pick<Territory, "id" | "name" | "slug" | "status">;
export type ProposalTarget = { kind: "new" } | { kind: "correction"; placeId: string };

const invalid = (fieldErrors: FieldErrors) => new AppError("validation", { fieldErrors });

/** Both schemas at once, so that the person sees every mistake in one go. */
function parseProposal(raw: unknown, kept?: ReadonlySet<TextField>): { fields: PlaceFields; envelope: z.infer<typeof envelopeSchema> } {
  const fields = placeFieldsSchema(kept).safeParse(raw);
  const envelope = envelopeSchema.safeParse(raw);
  if (fields.success && envelope.success) return { fields: fields.data, envelope: envelope.data };
  throw invalid({ ...(fields.success ? {} : fieldErrorsOf(fields.error)), ...(envelope.success ? {} : fieldErrorsOf(envelope.error)) });
}

/** The INSEE code of the record's commune, which must lie in the territory (else a field error). */
async function communeInTerritory(db: Executor, territory: TerritoryInfo, record: NormalizedPlace): Promise<string> {
  const code = await communeOf(db, record);
  if (!code) {
    const message = await explainPostcodeAndCommune(db, record.code_postal, record.commune);
    throw invalid({ code_postal: [message], commune: [message] });
  }
  if (!(await inPerimeter(db, territory.id, code))) {
    throw invalid({ commune: [`La commune « ${record.commune} » (${record.code_postal}) n'est pas dans le territoire « ${territory.name} » : ce lieu relève d'un autre territoire.`] });
  }
  return code;
}

function isFilled(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((v) => typeof v === "string" && v.trim() !== "");
}

type Prepared = { payload: ProposalPayload; placeId: string | null; contact: string };

/** A new place: every field, valid in the standard, in a commune of the territory. */
async function prepareNew(db: Executor, territory: TerritoryInfo, raw: Record<string, unknown>): Promise<Prepared> {
  const { fields, envelope } = parseProposal(raw);
  const built = buildRecord(undefined, fields, { id: "contribution-a-moderer", source: CONTRIBUTION_SOURCE, date: parisToday() });
  if (!built.ok) throw invalid(built.fieldErrors);
  await communeInTerritory(db, territory, built.record);
  return { payload: fields, placeId: null, contact: envelope.contact_email };
}

/** A correction: only the fields the person changed (checked as such), or at least a message. */
async function prepareCorrection(db: Executor, territory: TerritoryInfo, placeId: string, raw: Record<string, unknown>): Promise<Prepared> {
  const place = isUuid(placeId) ? await findPlace(db, territory.id, placeId) : undefined;
  if (!place) throw new AppError("not_found", { message: "Ce lieu n'existe pas (ou plus) dans ce territoire." });
  const current = fieldsOf(place.data);
  const { fields, envelope } = parseProposal(raw, unchangedFields(current, raw));
  const changed = changedFields(current, fields);
  if (Object.keys(changed).length === 0 && !envelope.message) {
    throw invalid({ message: ["Vous n'avez modifié aucune information : corrigez un champ ou décrivez le changement dans le message."] });
  }
  const built = buildRecord(place.data, changed, { date: parisToday() });
  if (!built.ok) throw invalid(built.fieldErrors);
  if (changed.code_postal !== undefined || changed.commune !== undefined) await communeInTerritory(db, territory, built.record);
  return { payload: { ...changed, ...(envelope.message ? { message: envelope.message } : {}) }, placeId: place.id, contact: envelope.contact_email };
}

/**
 * A proposal from the public pages (anyone). Robots that fill the honeypot get the same answer as
 * people and nothing is written; each address may send `proposalLimit` proposals per hour.
 */
export async function submitProposal(
  db: Db,
  principal: Principal,
  territory: TerritoryInfo,
  target: ProposalTarget,
  raw: Record<string, unknown>,
  options: { address: string },
): Promise<{ outcome: "received"; id: string } | { outcome: "discarded" }> {
  authorize(contributionPolicy.propose(principal, territory));
  if (isFilled(raw[HONEYPOT])) return { outcome: "discarded" };
  const input = withGridHours(withUnixBreaks(raw));
  const { payload, placeId, contact } = target.kind === "new" ? await prepareNew(db, territory, input) : await prepareCorrection(db, territory, target.placeId, input);
  // Counted once the proposal is valid: a person correcting typos does not use up the quota.
  if (!(await hit(db, rateKey("proposal-ip", options.address), proposalLimit))) {
    throw new AppError("rate_limited", { message: "Trop de tentatives : plusieurs propositions ont été envoyées depuis votre connexion en peu de temps. Réessayez dans une heure." });
  }
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .insert(placeProposals)
      .values({ territoryId: territory.id, placeId, kind: target.kind, payload, contactEmail: contact || null })
      .returning({ id: placeProposals.id });
    if (!proposal) throw new Error("proposal insert returned nothing");
    // Neither the address nor the contact goes to the journal: only what was proposed.
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place_proposal", entityId: proposal.id, action: "create", after: { kind: target.kind, placeId, payload } });
    return { outcome: "received" as const, id: proposal.id };
  });
}

const decider = (principal: Principal) => principalLabel(principal, { show: "email" });

/**
 * Takes a pending proposal of the territory for a decision, in the transaction: a proposal decided
 * meanwhile (two moderators at once) is refused by the `status = pending` condition of the update.
 */
async function decide(tx: Executor, territoryId: string, proposalId: string, set: Partial<PlaceProposal>): Promise<PlaceProposal> {
  if (!isUuid(proposalId)) throw new AppError("not_found");
  const [existing] = await tx.select().from(placeProposals).where(and(eq(placeProposals.territoryId, territoryId), eq(placeProposals.id, proposalId)));
  if (!existing) throw new AppError("not_found", { message: "Cette proposition n'existe pas dans ce territoire." });
  const [claimed] = await tx
    .update(placeProposals)
    // The contact address has served its purpose once the decision is taken: it is erased.
    .set({ ...set, decidedAt: new Date(), contactEmail: null })
    .where(and(eq(placeProposals.territoryId, territoryId), eq(placeProposals.id, proposalId), eq(placeProposals.status, "pending")))
    .returning({ id: placeProposals.id });
  if (!claimed) throw new AppError("not_found", { message: "Cette proposition n'est plus en attente : elle a déjà été acceptée ou refusée." });
  return existing;
}

/** Writes what an accepted proposal says: a new place, or the corrected record of an existing one. */
async function applyProposal(tx: Executor, principal: Principal, territory: TerritoryInfo, proposal: PlaceProposal, edited: Record<string, unknown> | undefined, by: string): Promise<string> {
  const { message: _message, ...proposed } = proposal.payload;
  if (proposal.kind === "new") {
    const fields = edited ? parseOrThrow(placeFieldsSchema(), edited) : undefined;
    const built = buildRecord(undefined, fields ?? proposed, { id: `contribution-${proposal.id}`, source: CONTRIBUTION_SOURCE, date: parisToday() });
    if (!built.ok) throw invalid(built.fieldErrors);
    const code = await communeInTerritory(tx, territory, built.record);
    const record = { ...built.record, code_insee: code };
    const [created] = await tx.insert(places).values(row(record, CONTRIBUTION_SOURCE, code, by)).returning({ id: places.id });
    if (!created) throw new Error("place insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place", entityId: created.id, action: "create", after: record });
    return created.id;
  }
  const place = proposal.placeId ? await findPlace(tx, territory.id, proposal.placeId) : undefined;
  if (!place) throw new AppError("not_found", { message: "Le lieu concerné n'existe plus dans ce territoire : refusez cette proposition." });
  const current = fieldsOf(place.data);
  const changes = edited ? changedFields(current, parseOrThrow(placeFieldsSchema(unchangedFields(current, edited)), edited)) : proposed;
  const built = buildRecord(place.data, changes, { date: parisToday() });
  if (!built.ok) throw invalid(built.fieldErrors);
  const moved = changes.code_postal !== undefined || changes.commune !== undefined;
  const code = moved || !place.communeCode ? await communeInTerritory(tx, territory, built.record) : place.communeCode;
  const record = moved ? { ...built.record, code_insee: code } : built.record;
  // Same source and id as before (a correction keeps the record's id): only the content changes.
  await tx.update(places).set(row(record, place.source, code, by)).where(eq(places.id, place.id));
  await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place", entityId: place.id, action: "update", before: place.data, after: record });
  return place.id;
}

/**
 * Accepts a proposal, as sent or as edited by the moderator (`edited`: the whole form). A new place
 * is created in the territory; a correction is applied to the place's record, re-validated, dated today.
 */
export async function acceptProposal(db: Db, principal: Principal, territory: TerritoryInfo, proposalId: string, edited?: Record<string, unknown>): Promise<{ placeId: string }> {
  authorize(contributionPolicy.moderate(principal, territory));
  const by = decider(principal);
  const { placeId, contact } = await db.transaction(async (tx) => {
    const proposal = await decide(tx, territory.id, proposalId, { status: "accepted", decidedBy: by });
    const placeId = await applyProposal(tx, principal, territory, proposal, edited && withGridHours(withUnixBreaks(edited)), by);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place_proposal", entityId: proposal.id, action: "accept", after: { placeId, edited: edited !== undefined } });
    return { placeId, contact: proposal.contactEmail };
  });
  await inform(contact, territory, `Votre proposition a été acceptée : elle est publiée sur ${getEnv().baseUrl}/territoires/${territory.slug}/lieux/${placeId}`);
  return { placeId };
}

export async function rejectProposal(db: Db, principal: Principal, territory: TerritoryInfo, proposalId: string, raw: unknown): Promise<void> {
  authorize(contributionPolicy.moderate(principal, territory));
  const { reason } = parseOrThrow(rejectSchema, raw);
  const contact = await db.transaction(async (tx) => {
    const proposal = await decide(tx, territory.id, proposalId, { status: "rejected", reason, decidedBy: decider(principal) });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "place_proposal", entityId: proposal.id, action: "reject", after: { reason } });
    return proposal.contactEmail;
  });
  await inform(contact, territory, `Votre proposition n'a pas été retenue, pour la raison suivante :\n\n${reason}`);
}

/** Tells the proposer, after the commit; a mail that fails does not undo the decision. */
async function inform(to: string | null, territory: TerritoryInfo, body: string): Promise<void> {
  if (!to) return;
  try {
    await sendMail({
      to,
      subject: `Votre proposition de lieu — ${territory.name}`,
      text: `Bonjour,\n\nMerci pour votre proposition sur la cartographie des lieux de médiation numérique de « ${territory.name} ».\n\n${body}\n\nVotre adresse électronique a servi à vous envoyer ce message ; elle est maintenant effacée.\n`,
    });
  } catch (e) {
    console.error("[contributions] courriel de décision non envoyé", e);
  }
}
