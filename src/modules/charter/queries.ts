import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import type { Executor } from "@/platform/db/client";
import { actors, speakerIdsOf, visibleIn } from "@/modules/actors";
import { indicators } from "@/modules/indicators";
import { memberships, requireTerritoryId, type TerritoryRef } from "@/modules/territories";
import type { CharterPartnerRef } from "./policy";
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
  type CharterSectionKind,
  type CharterVersionStatus,
  type CommitmentActionRole,
} from "./schema";
import { isUuid } from "./validation";

// Every read takes the territory id (tenancy): a charter, a version, a partner or a commitment of another territory
// is simply not found.

export type Charter = typeof charters.$inferSelect;
export type CharterVersion = Omit<typeof charterVersions.$inferSelect, "content">;

export const isFrozen = (status: CharterVersionStatus) => status !== "brouillon";

const versionColumns = {
  id: charterVersions.id,
  charterId: charterVersions.charterId,
  territoryId: charterVersions.territoryId,
  number: charterVersions.number,
  status: charterVersions.status,
  contentSha256: charterVersions.contentSha256,
  submittedAt: charterVersions.submittedAt,
  submittedBy: charterVersions.submittedBy,
  publishedAt: charterVersions.publishedAt,
  revision: charterVersions.revision,
  createdBy: charterVersions.createdBy,
  createdAt: charterVersions.createdAt,
  updatedAt: charterVersions.updatedAt,
};

/** The territory's charter (one per territory), if it has one. */
export async function findCharter(db: Executor, territoryId: string): Promise<Charter | undefined> {
  requireTerritoryId(territoryId);
  const [row] = await db.select().from(charters).where(eq(charters.territoryId, territoryId)).orderBy(asc(charters.createdAt)).limit(1);
  return row;
}

/** Versions, newest first. */
export async function listCharterVersions(db: Executor, territoryId: string, charterId: string): Promise<CharterVersion[]> {
  requireTerritoryId(territoryId);
  return db.select(versionColumns).from(charterVersions).where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.charterId, charterId))).orderBy(desc(charterVersions.number));
}

export async function findCharterVersion(db: Executor, territoryId: string, number: number): Promise<CharterVersion | undefined> {
  requireTerritoryId(territoryId);
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charters.territoryId, territoryId), eq(charterVersions.number, number)))
    .orderBy(asc(charters.createdAt))
    .limit(1);
  return row;
}

export async function versionById(db: Executor, territoryId: string, versionId: string): Promise<CharterVersion | undefined> {
  requireTerritoryId(territoryId);
  if (!isUuid(versionId)) return undefined;
  const [row] = await db.select(versionColumns).from(charterVersions).where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.id, versionId)));
  return row;
}

/** The stored canonical content of a submitted (or signed) version; null for a draft. */
export async function storedContentOf(db: Executor, territoryId: string, versionId: string): Promise<unknown> {
  requireTerritoryId(territoryId);
  const [row] = await db.select({ content: charterVersions.content }).from(charterVersions).where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.id, versionId)));
  return row?.content ?? null;
}

/** The latest version whose status is one of `statuses` (the public page: the latest signed one). */
export async function latestVersionWith(db: Executor, territoryId: string, statuses: readonly CharterVersionStatus[]): Promise<CharterVersion | undefined> {
  requireTerritoryId(territoryId);
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .where(and(eq(charterVersions.territoryId, territoryId), inArray(charterVersions.status, [...statuses])))
    .orderBy(desc(charterVersions.number))
    .limit(1);
  return row;
}

export type CharterSection = { kind: CharterSectionKind; title: string; body: string; updatedBy: string; updatedAt: Date };

/** The common parts of a version, in the document's order. */
export async function sectionsOf(db: Executor, versionId: string): Promise<CharterSection[]> {
  const rows = await db
    .select({ kind: charterSections.kind, title: charterSections.title, body: charterSections.body, updatedBy: charterSections.updatedBy, updatedAt: charterSections.updatedAt })
    .from(charterSections)
    .where(eq(charterSections.versionId, versionId));
  return [...rows].sort((a, b) => charterSectionKinds.indexOf(a.kind) - charterSectionKinds.indexOf(b.kind));
}

export type CharterPartner = {
  id: string;
  actorId: string;
  name: string;
  signatoryUserId: string | null;
  signatoryName: string;
  signatoryTitle: string;
  /** The signatory's account name (when one is named), for the pages. */
  signatoryAccount: string | null;
  position: number;
};

export async function partnersOf(db: Executor, territoryId: string, charterId: string): Promise<CharterPartner[]> {
  requireTerritoryId(territoryId);
  return db
    .select({
      id: charterPartners.id,
      actorId: charterPartners.actorId,
      name: actors.name,
      signatoryUserId: charterPartners.signatoryUserId,
      signatoryName: charterPartners.signatoryName,
      signatoryTitle: charterPartners.signatoryTitle,
      signatoryAccount: user.name,
      position: charterPartners.position,
    })
    .from(charterPartners)
    .innerJoin(charters, eq(charters.id, charterPartners.charterId))
    .innerJoin(actors, eq(actors.id, charterPartners.actorId))
    .leftJoin(user, eq(user.id, charterPartners.signatoryUserId))
    .where(and(eq(charterPartners.charterId, charterId), eq(charters.territoryId, territoryId)))
    .orderBy(asc(charterPartners.position), asc(actors.name));
}

export async function findPartner(db: Executor, territoryId: string, partnerId: string): Promise<(CharterPartner & { charterId: string }) | undefined> {
  requireTerritoryId(territoryId);
  if (!isUuid(partnerId)) return undefined;
  const [row] = await db
    .select({
      id: charterPartners.id,
      charterId: charterPartners.charterId,
      actorId: charterPartners.actorId,
      name: actors.name,
      signatoryUserId: charterPartners.signatoryUserId,
      signatoryName: charterPartners.signatoryName,
      signatoryTitle: charterPartners.signatoryTitle,
      signatoryAccount: user.name,
      position: charterPartners.position,
    })
    .from(charterPartners)
    .innerJoin(charters, eq(charters.id, charterPartners.charterId))
    .innerJoin(actors, eq(actors.id, charterPartners.actorId))
    .leftJoin(user, eq(user.id, charterPartners.signatoryUserId))
    .where(and(eq(charterPartners.id, partnerId), eq(charters.territoryId, territoryId)));
  return row;
}

/** What the commitment rule needs about a partner: the accounts speaking for its structure. */
export async function partnerRefOf(db: Executor, territory: TerritoryRef, partnerId: string): Promise<(CharterPartnerRef & { partnerId: string; charterId: string; actorId: string }) | undefined> {
  const partner = await findPartner(db, territory.id, partnerId);
  if (!partner) return undefined;
  return { ...territory, partnerId: partner.id, charterId: partner.charterId, actorId: partner.actorId, speakerIds: await speakerIdsOf(db, partner.actorId) };
}

export type CharterCommitment = {
  id: string;
  partnerId: string;
  lineageId: string;
  text: string;
  moneyEuros: number | null;
  inKindDays: number | null;
  inKindText: string;
  position: number;
  updatedBy: string;
  actions: { lineageId: string; role: CommitmentActionRole }[];
  indicators: { id: string; name: string }[];
};

/** The commitments of a version (of one partner when given), in order, with their links. */
export async function commitmentsOf(db: Executor, versionId: string, partnerId?: string): Promise<CharterCommitment[]> {
  const rows = await db
    .select({
      id: charterCommitments.id,
      partnerId: charterCommitments.partnerId,
      lineageId: charterCommitments.lineageId,
      text: charterCommitments.text,
      moneyEuros: charterCommitments.moneyEuros,
      inKindDays: charterCommitments.inKindDays,
      inKindText: charterCommitments.inKindText,
      position: charterCommitments.position,
      updatedBy: charterCommitments.updatedBy,
    })
    .from(charterCommitments)
    .where(partnerId ? and(eq(charterCommitments.versionId, versionId), eq(charterCommitments.partnerId, partnerId)) : eq(charterCommitments.versionId, versionId))
    .orderBy(asc(charterCommitments.position), asc(charterCommitments.updatedAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await db.select().from(charterCommitmentActions).where(inArray(charterCommitmentActions.commitmentId, ids));
  const ind = await db
    .select({ commitmentId: charterCommitmentIndicators.commitmentId, id: indicators.id, name: indicators.name })
    .from(charterCommitmentIndicators)
    .innerJoin(indicators, eq(indicators.id, charterCommitmentIndicators.indicatorId))
    .where(inArray(charterCommitmentIndicators.commitmentId, ids))
    .orderBy(asc(indicators.name));
  return rows.map((r) => ({
    ...r,
    actions: links
      .filter((l) => l.commitmentId === r.id)
      .map((l) => ({ lineageId: l.actionLineageId, role: l.role }))
      .sort((a, b) => (a.role === b.role ? a.lineageId.localeCompare(b.lineageId) : a.role === "pilote" ? -1 : 1)),
    indicators: ind.filter((i) => i.commitmentId === r.id).map((i) => ({ id: i.id, name: i.name })),
  }));
}

export async function findCommitment(db: Executor, territoryId: string, commitmentId: string) {
  requireTerritoryId(territoryId);
  if (!isUuid(commitmentId)) return undefined;
  const [row] = await db
    .select({ id: charterCommitments.id, versionId: charterCommitments.versionId, partnerId: charterCommitments.partnerId, lineageId: charterCommitments.lineageId, status: charterVersions.status })
    .from(charterCommitments)
    .innerJoin(charterVersions, eq(charterVersions.id, charterCommitments.versionId))
    .where(and(eq(charterCommitments.id, commitmentId), eq(charterVersions.territoryId, territoryId)));
  return row;
}

export type CharterComment = { id: string; section: string; body: string; authorName: string; createdAt: Date };

export async function commentsOf(db: Executor, versionId: string): Promise<CharterComment[]> {
  return db
    .select({ id: charterComments.id, section: charterComments.section, body: charterComments.body, authorName: charterComments.authorName, createdAt: charterComments.createdAt })
    .from(charterComments)
    .where(eq(charterComments.versionId, versionId))
    .orderBy(asc(charterComments.createdAt));
}

/** Accounts a coordinator may name as a partner's signatory: the structure's speakers who are members of the territory. */
export async function signatoryCandidates(db: Executor, territoryId: string, actorId: string): Promise<{ userId: string; name: string; email: string }[]> {
  requireTerritoryId(territoryId);
  const ids = await speakerIdsOf(db, actorId);
  if (ids.length === 0) return [];
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(user)
    .innerJoin(memberships, and(eq(memberships.userId, user.id), eq(memberships.territoryId, territoryId)))
    .where(inArray(user.id, ids))
    .orderBy(asc(user.name));
}

/** The partners (ids) a person speaks for in this charter, to show them « your section ». */
export async function partnersSpokenBy(db: Executor, territoryId: string, charterId: string, userId: string): Promise<string[]> {
  const partners = await partnersOf(db, territoryId, charterId);
  const out: string[] = [];
  for (const p of partners) if ((await speakerIdsOf(db, p.actorId)).includes(userId)) out.push(p.id);
  return out;
}

/** Structures the territory sees, for the « add a partner » list. */
export async function actorChoices(db: Executor, territoryId: string): Promise<{ id: string; name: string }[]> {
  requireTerritoryId(territoryId);
  return db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.name)).limit(2000);
}

/** The territory's indicators, for a commitment's « indicators that will show it ». */
export async function indicatorChoices(db: Executor, territoryId: string): Promise<{ id: string; name: string }[]> {
  requireTerritoryId(territoryId);
  return db.select({ id: indicators.id, name: indicators.name }).from(indicators).where(eq(indicators.territoryId, territoryId)).orderBy(asc(indicators.name));
}
