import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { memberships, requireTerritoryId, territories } from "@/modules/territories";
import { groupMembers, groupRoleRank, groups, type GroupKind, type GroupRole } from "@/modules/groups";
import { actors, worlds, type World } from "@/modules/actors";
import { strategyObjectives } from "@/modules/strategy";
import { planActions, planVersions } from "@/modules/plan";
import { findings } from "@/modules/findings";
import type { BodyRef } from "./policy";
import { calendarFeeds, decisionActions, decisionObjectives, decisions, meetingParticipants, meetings } from "./schema";

export type GroupSummary = { id: string; name: string; kind: string; territoryId: string };

/** A group of the territory with its members' roles by account: what the meetings policy reads. */
export async function groupBody(db: Executor, territory: { id: string; status?: BodyRef["status"] }, groupId: string): Promise<{ group: GroupSummary; body: BodyRef } | undefined> {
  const territoryId = requireTerritoryId(territory.id);
  if (!/^[0-9a-f-]{36}$/i.test(groupId)) return undefined;
  const [group] = await db
    .select({ id: groups.id, name: groups.name, kind: groups.kind, territoryId: groups.territoryId })
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.territoryId, territoryId)));
  if (!group) return undefined;
  const rows = await db.select({ userId: groupMembers.userId, role: groupMembers.role }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  const roles: Record<string, GroupRole> = {};
  for (const r of rows) if (r.userId && (roles[r.userId] === undefined || groupRoleRank[r.role] > groupRoleRank[roles[r.userId] as GroupRole])) roles[r.userId] = r.role;
  return { group, body: { id: territoryId, status: territory.status, roles } };
}

export type MemberRow = { id: string; name: string; email: string | null; userId: string | null; role: GroupRole; actorId: string | null; actorName: string | null; worlds: World[] };

export async function membersOf(db: Executor, groupId: string): Promise<MemberRow[]> {
  const rows = await db
    .select({ id: groupMembers.id, name: groupMembers.name, email: groupMembers.email, userId: groupMembers.userId, role: groupMembers.role, actorId: groupMembers.actorId, actorName: actors.name, worlds: actors.worlds })
    .from(groupMembers)
    .leftJoin(actors, eq(actors.id, groupMembers.actorId))
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(asc(groupMembers.name));
  return rows.map((r) => ({ ...r, worlds: ((r.worlds ?? []) as string[]).filter((w): w is World => (worlds as readonly string[]).includes(w)) }));
}

export type MeetingRow = typeof meetings.$inferSelect;

export async function meetingsOfGroup(db: Executor, territoryId: string, groupId: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.territoryId, requireTerritoryId(territoryId)), eq(meetings.groupId, groupId)))
    .orderBy(desc(meetings.startsAt));
}

export async function findMeeting(db: Executor, territoryId: string, meetingId: string): Promise<MeetingRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return undefined;
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.territoryId, requireTerritoryId(territoryId))));
  return row;
}

export type ParticipantRow = MemberRow & { response: "oui" | "non" | null; attended: boolean };

/** The invited members of a meeting, with their answer and whether they came. */
export async function participantsOf(db: Executor, meetingId: string): Promise<ParticipantRow[]> {
  const rows = await db
    .select({
      id: groupMembers.id,
      name: groupMembers.name,
      email: groupMembers.email,
      userId: groupMembers.userId,
      role: groupMembers.role,
      actorId: groupMembers.actorId,
      actorName: actors.name,
      worlds: actors.worlds,
      response: meetingParticipants.response,
      attended: meetingParticipants.attended,
    })
    .from(meetingParticipants)
    .innerJoin(groupMembers, eq(groupMembers.id, meetingParticipants.memberId))
    .leftJoin(actors, eq(actors.id, groupMembers.actorId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(groupMembers.name));
  return rows.map((r) => ({ ...r, worlds: ((r.worlds ?? []) as string[]).filter((w): w is World => (worlds as readonly string[]).includes(w)) }));
}

export type WorldAttendance = { world: World; present: number; share: number };

/**
 * Attendance by world: for each of the nine worlds, how many of the people who came belong (through their
 * structure) to that world, and that number over the people who came. A structure may belong to several
 * worlds, so the shares need not add up to 1; people without a structure count in `withoutActor`.
 */
export function attendanceByWorld(participants: readonly Pick<ParticipantRow, "attended" | "worlds" | "actorId">[]): { attended: number; withoutActor: number; byWorld: WorldAttendance[] } {
  const came = participants.filter((p) => p.attended);
  const byWorld = worlds.map((world) => {
    const present = came.filter((p) => p.worlds.includes(world)).length;
    return { world, present, share: came.length ? present / came.length : 0 };
  });
  return { attended: came.length, withoutActor: came.filter((p) => !p.actorId).length, byWorld };
}

export type DecisionRow = typeof decisions.$inferSelect & {
  meetingTitle: string | null;
  /** The group or governance body whose meeting took the decision (null for a decision outside any meeting). */
  groupId: string | null;
  groupName: string | null;
  groupKind: GroupKind | null;
  objectives: { id: string; title: string }[];
  actions: { id: string; title: string }[];
};

/** Decisions of the territory (all, one meeting's, or one group's or body's), newest first, with their links. */
export async function decisionsOf(db: Executor, territoryId: string, filter: { meetingId?: string; groupId?: string } = {}): Promise<DecisionRow[]> {
  const id = requireTerritoryId(territoryId);
  const rows = await db
    .select({ d: decisions, meetingTitle: meetings.title, groupId: groups.id, groupName: groups.name, groupKind: groups.kind })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(decisions.territoryId, id), filter.meetingId ? eq(decisions.meetingId, filter.meetingId) : undefined, filter.groupId ? eq(meetings.groupId, filter.groupId) : undefined))
    .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt));
  const ids = rows.map((r) => r.d.id);
  if (!ids.length) return [];
  const objs = await db
    .select({ decisionId: decisionObjectives.decisionId, id: strategyObjectives.id, title: strategyObjectives.title })
    .from(decisionObjectives)
    .innerJoin(strategyObjectives, eq(strategyObjectives.id, decisionObjectives.objectiveId))
    .where(inArray(decisionObjectives.decisionId, ids));
  const acts = await db
    .select({ decisionId: decisionActions.decisionId, id: planActions.id, title: planActions.title })
    .from(decisionActions)
    .innerJoin(planActions, eq(planActions.id, decisionActions.actionId))
    .where(inArray(decisionActions.decisionId, ids));
  return rows.map(({ d, meetingTitle, groupId, groupName, groupKind }) => ({
    ...d,
    meetingTitle,
    groupId,
    groupName,
    groupKind,
    objectives: objs.filter((o) => o.decisionId === d.id).map(({ id: oid, title }) => ({ id: oid, title })),
    actions: acts.filter((a) => a.decisionId === d.id).map(({ id: aid, title }) => ({ id: aid, title })),
  }));
}

export async function findDecision(db: Executor, territoryId: string, decisionId: string): Promise<typeof decisions.$inferSelect | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(decisionId)) return undefined;
  const [row] = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, decisionId), eq(decisions.territoryId, requireTerritoryId(territoryId))));
  return row;
}

/** Objectives a decision may link to. */
export async function objectiveChoices(db: Executor, territoryId: string): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: strategyObjectives.id, title: strategyObjectives.title })
    .from(strategyObjectives)
    .where(eq(strategyObjectives.territoryId, requireTerritoryId(territoryId)))
    .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.title));
}

/** Actions a decision may link to: those of the latest plan version. */
export async function actionChoices(db: Executor, territoryId: string): Promise<{ id: string; title: string }[]> {
  const id = requireTerritoryId(territoryId);
  const [latest] = await db.select({ id: planVersions.id }).from(planVersions).where(eq(planVersions.territoryId, id)).orderBy(desc(planVersions.number)).limit(1);
  if (!latest) return [];
  return db
    .select({ id: planActions.id, title: planActions.title })
    .from(planActions)
    .where(and(eq(planActions.territoryId, id), eq(planActions.versionId, latest.id)))
    .orderBy(asc(planActions.title));
}

/** Findings recorded from a meeting's minutes (origin "meeting", origin_ref = the meeting). */
export async function findingsOfMeeting(db: Executor, territoryId: string, meetingId: string): Promise<{ id: string; kind: string; text: string }[]> {
  return db
    .select({ id: findings.id, kind: findings.kind, text: findings.text })
    .from(findings)
    .where(and(eq(findings.territoryId, requireTerritoryId(territoryId)), eq(findings.origin, "meeting"), eq(findings.originRef, meetingId), isNull(findings.mergedInto)))
    .orderBy(asc(findings.createdAt));
}

export type FeedMeeting = MeetingRow & { groupName: string; territorySlug: string };

/**
 * What a person's calendar feed lists: the meetings of the groups they belong to (by account), in the
 * territories they are still a member of, from 90 days back.
 */
export async function meetingsForPerson(db: Executor, userId: string, now: Date): Promise<FeedMeeting[]> {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const rows = await db
    .selectDistinct({ m: meetings, groupName: groups.name, territorySlug: territories.slug })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)))
    .innerJoin(memberships, and(eq(memberships.territoryId, meetings.territoryId), eq(memberships.userId, userId)))
    .innerJoin(territories, eq(territories.id, meetings.territoryId))
    .where(gte(meetings.startsAt, since))
    .orderBy(asc(meetings.startsAt));
  return rows.map((r) => ({ ...r.m, groupName: r.groupName, territorySlug: r.territorySlug }));
}

export async function feedOwner(db: Executor, tokenHash: string): Promise<string | undefined> {
  const [row] = await db.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash));
  return row?.userId;
}

export async function hasFeed(db: Executor, userId: string): Promise<{ createdAt: Date } | undefined> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

/** Counts for the journey: meetings, next one, minutes awaiting approval, overdue follow-ups. */
export async function meetingCounts(db: Executor, territoryId: string, now: Date) {
  const id = requireTerritoryId(territoryId);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
  const [c] = await db
    .select({
      total: sql<number>`count(*)::int`,
      toApprove: sql<number>`count(*) filter (where ${meetings.minutes} <> '' and ${meetings.minutesApprovedAt} is null)::int`,
      last: sql<Date | null>`max(${meetings.updatedAt})`,
    })
    .from(meetings)
    .where(eq(meetings.territoryId, id));
  const [next] = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, groupId: meetings.groupId })
    .from(meetings)
    // A cancelled meeting is not the next one.
    .where(and(eq(meetings.territoryId, id), gte(meetings.startsAt, now), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  const [firstToApprove] = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.territoryId, id), sql`${meetings.minutes} <> ''`, isNull(meetings.minutesApprovedAt)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  const [d] = await db
    .select({
      total: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${decisions.dueOn} < ${today} and ${decisions.doneAt} is null)::int`,
    })
    .from(decisions)
    .where(eq(decisions.territoryId, id));
  return { meetings: c?.total ?? 0, toApprove: c?.toApprove ?? 0, lastChange: c?.last ? new Date(c.last) : undefined, next, firstToApprove, decisions: d?.total ?? 0, overdue: d?.overdue ?? 0 };
}
