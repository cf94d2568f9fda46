import { and, eq, inArray, max, ne } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { actors, visibleIn } from "@/modules/actors";
import { indicators } from "@/modules/indicators";
import { planActions } from "@/modules/plan";
import type { TerritoryRef } from "@/modules/territories";
import { contentSha256 } from "./canonical-json";
import { charterPolicy, commitmentPolicy } from "./policy";
import { findCharter, findCommitment, partnerRefOf, signatoryCandidates, versionById, type CharterVersion } from "./queries";
import {
  charterComments,
  charterCommitmentActions,
  charterCommitmentIndicators,
  charterCommitments,
  charterPartners,
  charterSectionKinds,
  charterSections,
  charterVersions,
  charters,
} from "./schema";
import { charterSchema, commentSchema, commitmentSchema, partnerSchema, sectionKindLabels, sectionSchema, submitSchema, type CommitmentInput } from "./validation";

// One write = one function, one transaction, one audit event. Every command that writes a version's text
// (sections, partners, commitments, comments, submission) first reads the version FOR UPDATE and refuses a version
// that is not a draft (`charter_frozen`): a submitted or signed version changes by no path. The lock also orders a
// partner's save against a concurrent submission: whichever commits first, the other sees the result.

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/** The version, locked; refused unless it is a draft of this territory. */
async function draftIn(tx: Executor, territory: TerritoryRef, versionId: string): Promise<CharterVersion> {
  const version = await versionById(tx, territory.id, versionId);
  if (!version) throw new AppError("not_found");
  await tx.select({ id: charterVersions.id }).from(charterVersions).where(eq(charterVersions.id, version.id)).for("update");
  const [fresh] = await tx.select({ status: charterVersions.status }).from(charterVersions).where(eq(charterVersions.id, version.id));
  if (!fresh || fresh.status !== "brouillon") throw new AppError("charter_frozen");
  return version;
}

/** The charter's latest version must be the draft being written (partners belong to the charter: see removePartner). */
async function currentDraftOf(tx: Executor, territory: TerritoryRef, charterId: string): Promise<CharterVersion> {
  const [latest] = await tx
    .select({ id: charterVersions.id })
    .from(charterVersions)
    .where(and(eq(charterVersions.charterId, charterId), eq(charterVersions.territoryId, territory.id)))
    .orderBy(charterVersions.number)
    .then((rows) => rows.slice(-1));
  if (!latest) throw new AppError("not_found");
  return draftIn(tx, territory, latest.id);
}

async function bump(tx: Executor, versionId: string) {
  const [row] = await tx.select({ revision: charterVersions.revision }).from(charterVersions).where(eq(charterVersions.id, versionId));
  await tx.update(charterVersions).set({ revision: (row?.revision ?? 0) + 1, updatedAt: new Date() }).where(eq(charterVersions.id, versionId));
}

/** Creates the territory's charter with its first draft and the six common parts (empty, titled). */
export async function createCharter(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string; versionId: string }> {
  const input = parseOrThrow(charterSchema, raw);
  return db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    if (await findCharter(tx, territory.id)) throw new AppError("charter_exists");
    const [charter] = await tx.insert(charters).values({ territoryId: territory.id, title: input.title, kind: input.kind, createdBy: by(principal) }).returning({ id: charters.id });
    if (!charter) throw new Error("insert returned nothing");
    const [version] = await tx.insert(charterVersions).values({ charterId: charter.id, territoryId: territory.id, number: 1, createdBy: by(principal) }).returning({ id: charterVersions.id });
    if (!version) throw new Error("insert returned nothing");
    await tx.insert(charterSections).values(charterSectionKinds.map((kind) => ({ versionId: version.id, kind, title: sectionKindLabels[kind], updatedBy: by(principal) })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter", entityId: charter.id, action: "create", after: { ...input, versionId: version.id } });
    return { id: charter.id, versionId: version.id };
  });
}

/** The coordination writes a common part of a draft (title and Markdown). */
export async function updateSection(db: Db, principal: Principal, territory: TerritoryRef, versionId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(sectionSchema, raw);
  await db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    await draftIn(tx, territory, versionId);
    const [before] = await tx.select().from(charterSections).where(and(eq(charterSections.versionId, versionId), eq(charterSections.kind, input.kind)));
    await tx
      .insert(charterSections)
      .values({ versionId, kind: input.kind, title: input.title, body: input.body, updatedBy: by(principal) })
      .onConflictDoUpdate({ target: [charterSections.versionId, charterSections.kind], set: { title: input.title, body: input.body, updatedBy: by(principal), updatedAt: new Date() } });
    await bump(tx, versionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_section", entityId: versionId, action: "update", before: before ? { kind: before.kind, title: before.title, body: before.body } : null, after: input });
  });
}

async function checkSignatory(tx: Executor, territoryId: string, actorId: string, userId: string | undefined) {
  if (!userId) return undefined;
  const account = (await signatoryCandidates(tx, territoryId, actorId)).find((c) => c.userId === userId);
  if (!account) throw new AppError("validation", { fieldErrors: { signatoryUserId: ["Choisissez le ou la signataire parmi les personnes qui parlent pour cette structure sur le territoire."] } });
  return account;
}

/**
 * Adds a partner to the charter, or (partnerId given) changes its signatory. The signatory is an account among the
 * people who speak for the structure (signing needs an account); the printed name defaults to the account's name.
 */
export async function savePartner(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, partnerId?: string): Promise<{ id: string }> {
  const input = parseOrThrow(partnerSchema, raw);
  return db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    const charter = await findCharter(tx, territory.id);
    if (!charter) throw new AppError("not_found");
    const draft = await currentDraftOf(tx, territory, charter.id);
    const [actor] = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.id, input.actorId), visibleIn(tx, territory.id)));
    if (!actor) throw new AppError("validation", { fieldErrors: { actorId: ["Choisissez une structure du territoire dans la liste."] } });
    const account = await checkSignatory(tx, territory.id, actor.id, input.signatoryUserId);
    const values = { signatoryUserId: account?.userId ?? null, signatoryName: input.signatoryName || account?.name || "", signatoryTitle: input.signatoryTitle };
    let id: string;
    if (partnerId) {
      const ref = await partnerRefOf(tx, territory, partnerId);
      if (!ref || ref.charterId !== charter.id || ref.actorId !== actor.id) throw new AppError("not_found");
      await tx.update(charterPartners).set(values).where(eq(charterPartners.id, partnerId));
      id = partnerId;
    } else {
      const [dup] = await tx.select({ id: charterPartners.id }).from(charterPartners).where(and(eq(charterPartners.charterId, charter.id), eq(charterPartners.actorId, actor.id)));
      if (dup) throw new AppError("validation", { fieldErrors: { actorId: [`${actor.name} est déjà partenaire de la charte.`] } });
      const [pos] = await tx.select({ n: max(charterPartners.position) }).from(charterPartners).where(eq(charterPartners.charterId, charter.id));
      const [row] = await tx
        .insert(charterPartners)
        .values({ charterId: charter.id, actorId: actor.id, position: (pos?.n ?? -1) + 1, ...values })
        .returning({ id: charterPartners.id });
      if (!row) throw new Error("insert returned nothing");
      id = row.id;
    }
    await bump(tx, draft.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_partner", entityId: id, action: partnerId ? "update" : "create", after: { actorId: actor.id, ...values } });
    return { id };
  });
}

/**
 * Removes a partner (and its commitments in the draft). A partner with commitments in a submitted or signed version
 * is refused: those versions keep it (their rows would go with it).
 */
export async function removePartner(db: Db, principal: Principal, territory: TerritoryRef, partnerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    const ref = await partnerRefOf(tx, territory, partnerId);
    if (!ref) throw new AppError("not_found");
    const draft = await currentDraftOf(tx, territory, ref.charterId);
    const [frozenOne] = await tx
      .select({ id: charterCommitments.id })
      .from(charterCommitments)
      .innerJoin(charterVersions, eq(charterVersions.id, charterCommitments.versionId))
      .where(and(eq(charterCommitments.partnerId, partnerId), ne(charterVersions.status, "brouillon")))
      .limit(1);
    if (frozenOne) throw new AppError("charter_partner_committed");
    await tx.delete(charterPartners).where(eq(charterPartners.id, partnerId));
    await bump(tx, draft.id);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_partner", entityId: partnerId, action: "delete", before: { actorId: ref.actorId } });
  });
}

/** The plan actions (by lineage) and indicators a commitment links to must be the territory's. */
async function checkLinks(tx: Executor, territoryId: string, input: CommitmentInput) {
  const lineages = input.actions.map((a) => a.lineageId);
  if (lineages.length > 0) {
    const found = await tx.selectDistinct({ id: planActions.lineageId }).from(planActions).where(and(eq(planActions.territoryId, territoryId), inArray(planActions.lineageId, lineages)));
    if (found.length !== lineages.length) throw new AppError("validation", { fieldErrors: { pilote: ["Choisissez les actions parmi celles du plan du territoire."] } });
  }
  if (input.indicators.length > 0) {
    const found = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.territoryId, territoryId), inArray(indicators.id, input.indicators)));
    if (found.length !== input.indicators.length) throw new AppError("validation", { fieldErrors: { indicators: ["Choisissez les indicateurs parmi ceux du territoire."] } });
  }
}

async function writeLinks(tx: Executor, commitmentId: string, input: CommitmentInput) {
  await tx.delete(charterCommitmentActions).where(eq(charterCommitmentActions.commitmentId, commitmentId));
  await tx.delete(charterCommitmentIndicators).where(eq(charterCommitmentIndicators.commitmentId, commitmentId));
  if (input.actions.length) await tx.insert(charterCommitmentActions).values(input.actions.map((a) => ({ commitmentId, actionLineageId: a.lineageId, role: a.role })));
  if (input.indicators.length) await tx.insert(charterCommitmentIndicators).values(input.indicators.map((indicatorId) => ({ commitmentId, indicatorId })));
}

/**
 * A partner writes one of its commitments in the charter's draft (new, or `commitmentId` to change one). Only the
 * people who speak for that partner's structure (commitmentPolicy.write): another partner gets a 403.
 */
export async function saveCommitment(db: Db, principal: Principal, territory: TerritoryRef, partnerId: string, raw: unknown, commitmentId?: string): Promise<{ id: string; lineageId: string }> {
  const input = parseOrThrow(commitmentSchema, raw);
  return db.transaction(async (tx) => {
    const ref = await partnerRefOf(tx, territory, partnerId);
    if (!ref) throw new AppError("not_found");
    authorize(commitmentPolicy.write(principal, ref));
    let versionId: string;
    let before: unknown = null;
    if (commitmentId) {
      const existing = await findCommitment(tx, territory.id, commitmentId);
      if (!existing || existing.partnerId !== partnerId) throw new AppError("not_found");
      await draftIn(tx, territory, existing.versionId);
      versionId = existing.versionId;
      [before] = await tx.select().from(charterCommitments).where(eq(charterCommitments.id, commitmentId));
    } else {
      versionId = (await currentDraftOf(tx, territory, ref.charterId)).id;
    }
    await checkLinks(tx, territory.id, input);
    const values = { text: input.text, moneyEuros: input.moneyEuros ?? null, inKindDays: input.inKindDays ?? null, inKindText: input.inKindText, updatedBy: by(principal), updatedAt: new Date() };
    let row: { id: string; lineageId: string } | undefined;
    if (commitmentId) {
      [row] = await tx.update(charterCommitments).set(values).where(eq(charterCommitments.id, commitmentId)).returning({ id: charterCommitments.id, lineageId: charterCommitments.lineageId });
    } else {
      const [pos] = await tx.select({ n: max(charterCommitments.position) }).from(charterCommitments).where(and(eq(charterCommitments.versionId, versionId), eq(charterCommitments.partnerId, partnerId)));
      [row] = await tx
        .insert(charterCommitments)
        .values({ versionId, partnerId, position: (pos?.n ?? -1) + 1, ...values })
        .returning({ id: charterCommitments.id, lineageId: charterCommitments.lineageId });
    }
    if (!row) throw new Error("write returned nothing");
    await writeLinks(tx, row.id, input);
    await bump(tx, versionId);
    const onBehalf = principal.kind === "user" && !ref.speakerIds.includes(principal.userId) ? { onBehalfOf: ref.actorId } : {};
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_commitment", entityId: row.id, action: commitmentId ? "update" : "create", before, after: { partnerId, ...input, ...onBehalf } });
    return row;
  });
}

export async function removeCommitment(db: Db, principal: Principal, territory: TerritoryRef, commitmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await findCommitment(tx, territory.id, commitmentId);
    if (!existing) throw new AppError("not_found");
    const ref = await partnerRefOf(tx, territory, existing.partnerId);
    if (!ref) throw new AppError("not_found");
    authorize(commitmentPolicy.write(principal, ref));
    await draftIn(tx, territory, existing.versionId);
    const [before] = await tx.select().from(charterCommitments).where(eq(charterCommitments.id, commitmentId));
    await tx.delete(charterCommitments).where(eq(charterCommitments.id, commitmentId));
    await bump(tx, existing.versionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_commitment", entityId: commitmentId, action: "delete", before });
  });
}

/** A comment on one part of a draft (a common part, or a partner's section). */
export async function commentSection(db: Db, principal: Principal, territory: TerritoryRef, versionId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(commentSchema, raw);
  return db.transaction(async (tx) => {
    authorize(charterPolicy.comment(principal, territory));
    await draftIn(tx, territory, versionId);
    const [row] = await tx
      .insert(charterComments)
      .values({ versionId, section: input.section, body: input.body, authorId: principal.kind === "user" ? principal.userId : null, authorName: principalLabel(principal, { show: "nameOrEmail" }) })
      .returning({ id: charterComments.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_comment", entityId: row.id, action: "create", after: { versionId, ...input } });
    return row;
  });
}

/** Composes a version's canonical content (src/composition/charter/canonical.ts, passed in: the module cannot read the others). */
export type ComposeContent = (tx: Executor, territory: TerritoryRef, versionId: string) => Promise<unknown>;

/**
 * « Soumettre à signature »: the draft's canonical content and its SHA-256 are written once and the version is frozen
 * (soumise). The previous submitted or signed version becomes « remplacée ». Refused when the page was read at an
 * older revision (someone changed the draft meanwhile: the coordinator must see what they submit), when there is no
 * partner, or when a partner has no signatory account or no commitment.
 */
export async function submitVersion(db: Db, principal: Principal, territory: TerritoryRef, versionId: string, raw: unknown, compose: ComposeContent): Promise<{ contentSha256: string }> {
  const { revision } = parseOrThrow(submitSchema, raw);
  return db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    const version = await draftIn(tx, territory, versionId);
    const [fresh] = await tx.select({ revision: charterVersions.revision }).from(charterVersions).where(eq(charterVersions.id, versionId));
    if (revision !== undefined && fresh?.revision !== revision) throw new AppError("edit_conflict");
    const partners = await tx.select({ id: charterPartners.id, actorId: charterPartners.actorId, signatory: charterPartners.signatoryUserId, name: actors.name }).from(charterPartners).innerJoin(actors, eq(actors.id, charterPartners.actorId)).where(eq(charterPartners.charterId, version.charterId));
    const committed = new Set((await tx.selectDistinct({ p: charterCommitments.partnerId }).from(charterCommitments).where(eq(charterCommitments.versionId, versionId))).map((r) => r.p));
    const missing: string[] = [];
    if (partners.length === 0) missing.push("aucune structure partenaire n'est encore nommée");
    for (const p of partners) {
      if (!p.signatory) missing.push(`${p.name} n'a pas de signataire nommé`);
      if (!committed.has(p.id)) missing.push(`${p.name} n'a écrit aucun engagement`);
    }
    if (missing.length > 0) throw new AppError("charter_incomplete", { message: `La charte ne peut pas encore être soumise à signature : ${missing.join(" ; ")}.` });
    const content = await compose(tx, territory, versionId);
    const sha = contentSha256(content);
    await tx
      .update(charterVersions)
      .set({ status: "remplacee", updatedAt: new Date() })
      .where(and(eq(charterVersions.charterId, version.charterId), inArray(charterVersions.status, ["soumise", "signee"]), ne(charterVersions.id, versionId)));
    await tx
      .update(charterVersions)
      .set({ status: "soumise", content, contentSha256: sha, submittedAt: new Date(), submittedBy: by(principal), revision: (fresh?.revision ?? 0) + 1, updatedAt: new Date() })
      .where(eq(charterVersions.id, versionId));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_version", entityId: versionId, action: "submit", after: { number: version.number, contentSha256: sha } });
    return { contentSha256: sha };
  });
}

/**
 * Starts the next version from the last one (submitted, signed or replaced): its common parts and every commitment
 * are copied, commitments keeping their lineage (so the two versions compare commitment by commitment and health
 * follows them). Refused while a draft is open.
 */
export async function startNewVersion(db: Db, principal: Principal, territory: TerritoryRef): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    authorize(charterPolicy.manage(principal, territory));
    const charter = await findCharter(tx, territory.id);
    if (!charter) throw new AppError("not_found");
    const versions = await tx.select({ id: charterVersions.id, number: charterVersions.number, status: charterVersions.status }).from(charterVersions).where(eq(charterVersions.charterId, charter.id)).for("update");
    const last = versions.sort((a, b) => b.number - a.number)[0];
    if (!last) throw new AppError("not_found");
    if (last.status === "brouillon") throw new AppError("charter_draft_open");
    const [version] = await tx
      .insert(charterVersions)
      .values({ charterId: charter.id, territoryId: territory.id, number: last.number + 1, createdBy: by(principal) })
      .returning({ id: charterVersions.id, number: charterVersions.number });
    if (!version) throw new Error("insert returned nothing");
    const sections = await tx.select().from(charterSections).where(eq(charterSections.versionId, last.id));
    if (sections.length) await tx.insert(charterSections).values(sections.map((s) => ({ versionId: version.id, kind: s.kind, title: s.title, body: s.body, updatedBy: s.updatedBy })));
    const commitments = await tx.select().from(charterCommitments).where(eq(charterCommitments.versionId, last.id));
    for (const c of commitments) {
      const [copy] = await tx
        .insert(charterCommitments)
        .values({ versionId: version.id, partnerId: c.partnerId, lineageId: c.lineageId, text: c.text, moneyEuros: c.moneyEuros, inKindDays: c.inKindDays, inKindText: c.inKindText, position: c.position, updatedBy: c.updatedBy })
        .returning({ id: charterCommitments.id });
      if (!copy) throw new Error("insert returned nothing");
      const acts = await tx.select().from(charterCommitmentActions).where(eq(charterCommitmentActions.commitmentId, c.id));
      if (acts.length) await tx.insert(charterCommitmentActions).values(acts.map((a) => ({ commitmentId: copy.id, actionLineageId: a.actionLineageId, role: a.role })));
      const inds = await tx.select().from(charterCommitmentIndicators).where(eq(charterCommitmentIndicators.commitmentId, c.id));
      if (inds.length) await tx.insert(charterCommitmentIndicators).values(inds.map((i) => ({ commitmentId: copy.id, indicatorId: i.indicatorId })));
    }
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "charter_version", entityId: version.id, action: "create", after: { number: version.number, from: last.number } });
    return version;
  });
}

/**
 * For the signatures module, inside its transaction: the last named signatory signed, the version becomes « signée ».
 * Status soumise → signee and nothing else; true when it changed (false: the version was not submitted).
 */
export async function markSignedIn(tx: Executor, versionId: string): Promise<boolean> {
  const rows = await tx.update(charterVersions).set({ status: "signee" }).where(and(eq(charterVersions.id, versionId), eq(charterVersions.status, "soumise"))).returning({ id: charterVersions.id });
  return rows.length === 1;
}
