import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { formatDate } from "@/platform/text";
import { auditEvents } from "@/platform/audit/schema";
import { requireTerritoryId } from "@/modules/territories";
import { actors } from "@/modules/actors";
import { governanceKinds, groupMembers, groups, type GroupKind, type GroupRhythm } from "@/modules/groups";
import { decisions, meetings } from "@/modules/meetings";
import { planActions, type ActionStatus } from "@/modules/plan";
import { charterCommitments, charterPartners, charters, charterVersions, decisionCommitments } from "@/modules/charter";
import { actionStatusCitations, coordinationContacts } from "./schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/** How many days a rhythm allows between two meetings (a few days of grace included); « ponctuel » has none. */
export const rhythmDays: Readonly<Record<GroupRhythm, number | null>> = { mensuel: 35, bimestriel: 66, trimestriel: 97, semestriel: 190, annuel: 372, ponctuel: null };

/**
 * Whether a body has not met within its rhythm: no meeting (nor, when it never met, its creation) in the rhythm's
 * window before `now`, and none scheduled ahead (a meeting already planned answers the question).
 */
export function behindRhythm(b: { rhythm: GroupRhythm | null; createdAt: Date; lastMeeting: Date | null; nextMeeting: Date | null }, now: Date): boolean {
  const days = b.rhythm ? rhythmDays[b.rhythm] : null;
  if (days === null || b.nextMeeting) return false;
  const since = b.lastMeeting ?? b.createdAt;
  return now.getTime() - since.getTime() > days * 86_400_000;
}

export type BodySummary = {
  id: string;
  name: string;
  purpose: string;
  kind: GroupKind;
  rhythm: GroupRhythm | null;
  createdAt: Date;
  members: number;
  lastMeeting: Date | null;
  nextMeeting: Date | null;
  behind: boolean;
};

/** The territory's governance bodies (comité de pilotage first), with members, last and next meetings. */
export async function listBodies(db: Executor, territoryId: string, now: Date): Promise<BodySummary[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      purpose: groups.purpose,
      kind: groups.kind,
      rhythm: groups.rhythm,
      createdAt: groups.createdAt,
      members: sql<number>`(select count(*)::int from ${groupMembers} m where m.group_id = "groups"."id")`,
      lastMeeting: sql<string | null>`(select max(x.starts_at) from ${meetings} x where x.group_id = "groups"."id" and x.starts_at <= ${now.toISOString()})`,
      nextMeeting: sql<string | null>`(select min(x.starts_at) from ${meetings} x where x.group_id = "groups"."id" and x.starts_at > ${now.toISOString()})`,
    })
    .from(groups)
    .where(and(eq(groups.territoryId, territoryId), inArray(groups.kind, [...governanceKinds])))
    .orderBy(sql`array_position(array['comite_pilotage','comite_technique','coordination','autre_instance']::text[], ${groups.kind}::text)`, asc(groups.name));
  return rows.map((r) => {
    const b = { ...r, members: Number(r.members), lastMeeting: r.lastMeeting ? new Date(r.lastMeeting) : null, nextMeeting: r.nextMeeting ? new Date(r.nextMeeting) : null };
    return { ...b, behind: behindRhythm(b, now) };
  });
}

/** A governance body of the territory (a group of a governance kind), or undefined. */
export async function findBody(db: Executor, territoryId: string, bodyId: string) {
  requireTerritoryId(territoryId);
  if (!isUuid(bodyId)) return undefined;
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.id, bodyId), eq(groups.territoryId, territoryId), inArray(groups.kind, [...governanceKinds])));
  return row;
}

export type StatusChange = {
  at: Date;
  from: ActionStatus | null;
  to: ActionStatus;
  by: string;
  note: string;
  decision: { id: string; text: string; decidedOn: string; bodyName: string | null } | null;
};

/**
 * An action's status history across the plan's versions (by lineage): the changes that cite a decision (this
 * module's table) and the plain ones (the plan's audit events), newest first.
 */
export async function statusHistoryOf(db: Executor, territoryId: string, lineageId: string): Promise<StatusChange[]> {
  requireTerritoryId(territoryId);
  const cited = await db
    .select({
      at: actionStatusCitations.changedAt,
      from: actionStatusCitations.fromStatus,
      to: actionStatusCitations.toStatus,
      by: actionStatusCitations.changedBy,
      note: actionStatusCitations.note,
      decisionId: decisions.id,
      text: decisions.text,
      decidedOn: decisions.decidedOn,
      bodyName: groups.name,
    })
    .from(actionStatusCitations)
    .leftJoin(decisions, eq(decisions.id, actionStatusCitations.decisionId))
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(actionStatusCitations.territoryId, territoryId), eq(actionStatusCitations.actionLineageId, lineageId)));
  const versions = await db.select({ id: planActions.id }).from(planActions).where(and(eq(planActions.territoryId, territoryId), eq(planActions.lineageId, lineageId)));
  const plain = versions.length
    ? await db
        .select({ at: auditEvents.at, by: auditEvents.actorLabel, before: auditEvents.before, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.territoryId, territoryId), eq(auditEvents.entityType, "plan_action"), eq(auditEvents.action, "status"), inArray(auditEvents.entityId, versions.map((v) => v.id))))
    : [];
  const statusOf = (v: unknown) => ((v as { status?: ActionStatus } | null)?.status ?? null);
  return [
    ...cited.map((c) => ({ at: c.at, from: c.from, to: c.to, by: c.by, note: c.note, decision: c.decisionId ? { id: c.decisionId, text: c.text ?? "", decidedOn: c.decidedOn ?? "", bodyName: c.bodyName } : null })),
    ...plain.flatMap((p) => {
      const to = statusOf(p.after);
      return to ? [{ at: p.at, from: statusOf(p.before), to, by: p.by, note: "", decision: null }] : [];
    }),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Decisions a status change may cite: the territory's, newest first, with the body or group that took them. */
export async function decisionChoices(db: Executor, territoryId: string): Promise<{ id: string; label: string }[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select({ id: decisions.id, text: decisions.text, decidedOn: decisions.decidedOn, bodyName: groups.name })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(groups, eq(groups.id, meetings.groupId))
    .where(eq(decisions.territoryId, territoryId))
    .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt))
    .limit(300);
  const day = (d: string) => d.split("-").reverse().join("/");
  return rows.map((r) => {
    const text = r.text.length > 90 ? `${r.text.slice(0, 89)}…` : r.text;
    return { id: r.id, label: `${day(r.decidedOn)}${r.bodyName ? ` — ${r.bodyName}` : ""} — ${text}` };
  });
}

export type CommitmentChoice = { lineageId: string; text: string; partner: string };

/**
 * Commitments a decision may link to: those of the latest version of the territory's charter (read from the
 * charter's tables; a decision links a commitment by lineage, so it follows it into later versions).
 */
export async function commitmentChoices(db: Executor, territoryId: string): Promise<CommitmentChoice[]> {
  requireTerritoryId(territoryId);
  const [latest] = await db
    .select({ id: charterVersions.id })
    .from(charterVersions)
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(eq(charters.territoryId, territoryId))
    .orderBy(desc(charters.createdAt), desc(charterVersions.number))
    .limit(1);
  if (!latest) return [];
  return db
    .select({ lineageId: charterCommitments.lineageId, text: charterCommitments.text, partner: actors.name })
    .from(charterCommitments)
    .innerJoin(charterPartners, eq(charterPartners.id, charterCommitments.partnerId))
    .innerJoin(actors, eq(actors.id, charterPartners.actorId))
    .where(eq(charterCommitments.versionId, latest.id))
    .orderBy(asc(actors.name), asc(charterCommitments.position));
}

/** The commitments each decision is linked to (by lineage; the words of the latest version that has it). */
export async function commitmentsOfDecisions(db: Executor, territoryId: string, decisionIds: readonly string[]): Promise<Map<string, CommitmentChoice[]>> {
  requireTerritoryId(territoryId);
  const out = new Map<string, CommitmentChoice[]>();
  if (decisionIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([decisionCommitments.decisionId, decisionCommitments.commitmentLineageId], {
      decisionId: decisionCommitments.decisionId,
      lineageId: decisionCommitments.commitmentLineageId,
      text: charterCommitments.text,
      partner: actors.name,
    })
    .from(decisionCommitments)
    .innerJoin(decisions, and(eq(decisions.id, decisionCommitments.decisionId), eq(decisions.territoryId, territoryId)))
    .innerJoin(charterCommitments, eq(charterCommitments.lineageId, decisionCommitments.commitmentLineageId))
    .innerJoin(charterVersions, eq(charterVersions.id, charterCommitments.versionId))
    .innerJoin(charterPartners, eq(charterPartners.id, charterCommitments.partnerId))
    .innerJoin(actors, eq(actors.id, charterPartners.actorId))
    .where(inArray(decisionCommitments.decisionId, [...decisionIds]))
    .orderBy(decisionCommitments.decisionId, decisionCommitments.commitmentLineageId, desc(charterVersions.number));
  for (const r of rows) out.set(r.decisionId, [...(out.get(r.decisionId) ?? []), { lineageId: r.lineageId, text: r.text, partner: r.partner }]);
  return out;
}

export type ContactRow = typeof coordinationContacts.$inferSelect & { actorName: string | null };

/** The coordination's contacts, in their order (what the public page shows). */
export async function contactsOf(db: Executor, territoryId: string): Promise<ContactRow[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select({ c: coordinationContacts, actorName: actors.name })
    .from(coordinationContacts)
    .leftJoin(actors, eq(actors.id, coordinationContacts.actorId))
    .where(eq(coordinationContacts.territoryId, territoryId))
    .orderBy(asc(coordinationContacts.position), asc(coordinationContacts.createdAt));
  return rows.map((r) => ({ ...r.c, actorName: r.actorName }));
}

/** A meeting of a body, with what it recorded: what keeps the body from being deleted (decision 025). */
export type BodyMeetingUse = { id: string; title: string; startsAt: Date; cancelled: boolean; minutesApproved: boolean; minutes: boolean; decisions: number };

/** The meetings of a body (held, planned or cancelled), newest first, each with its number of decisions. */
export async function meetingsKeepingBody(db: Executor, territoryId: string, bodyId: string): Promise<BodyMeetingUse[]> {
  requireTerritoryId(territoryId);
  if (!isUuid(bodyId)) return [];
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      cancelled: sql<boolean>`${meetings.cancelledAt} is not null`,
      minutesApproved: sql<boolean>`${meetings.minutesApprovedAt} is not null`,
      minutes: sql<boolean>`${meetings.minutes} <> ''`,
      // Qualified by hand: in a select list drizzle writes a column of the main table unqualified.
      decisions: sql<number>`(select count(*)::int from ${decisions} d where d.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .where(and(eq(meetings.territoryId, territoryId), eq(meetings.groupId, bodyId)))
    .orderBy(desc(meetings.startsAt));
  return rows.map((r) => ({ ...r, decisions: Number(r.decisions) }));
}

/** « Comité du printemps » du 12 mars 2026 (annulée ; compte rendu approuvé ; 2 décisions). */
export function meetingUseLabel(u: BodyMeetingUse): string {
  const notes = [
    ...(u.cancelled ? ["annulée"] : []),
    ...(u.minutesApproved ? ["compte rendu approuvé"] : u.minutes ? ["compte rendu en cours"] : []),
    ...(u.decisions > 0 ? [`${u.decisions} décision${u.decisions > 1 ? "s" : ""}`] : []),
  ];
  return `« ${u.title} » du ${formatDate(u.startsAt)}${notes.length ? ` (${notes.join(" ; ")})` : ""}`;
}
