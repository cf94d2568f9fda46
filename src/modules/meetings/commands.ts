import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { formatDate } from "@/platform/text";
import type { TerritoryRef } from "@/modules/territories";
import { groupMembers } from "@/modules/groups";
import { addActionDraftIn, planActions } from "@/modules/plan";
import { strategyObjectives } from "@/modules/strategy";
import { createFinding } from "@/modules/findings";
import { decisionPolicy, feedPolicy, meetingPolicy, type BodyRef, type MeetingAction } from "./policy";
import { findDecision, findMeeting, groupBody } from "./queries";
import { calendarFeeds, decisionActions, decisionObjectives, decisions, meetingNotices, meetingParticipants, meetings, type MeetingResponse, type NoticeKind } from "./schema";
import { meetingWhen } from "./ui/labels";
import { cancelSchema, decisionSchema, findingFromMinutesSchema, meetingSchema, minutesSchema, responseSchema, type MeetingInput } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/** The group and its members' roles, read in the command's transaction, then the policy's answer. */
async function authorizeOnGroup(tx: Executor, principal: Principal, territory: TerritoryRef, groupId: string, action: MeetingAction): Promise<BodyRef> {
  const found = await groupBody(tx, territory, groupId);
  if (!found) throw new AppError("not_found");
  authorize(meetingPolicy[action](principal, found.body));
  return found.body;
}

/** The meeting of the territory and the policy on its group (a meeting without a group: the coordination). */
async function meetingFor(tx: Executor, principal: Principal, territory: TerritoryRef, meetingId: string, action: MeetingAction) {
  const meeting = await findMeeting(tx, territory.id, meetingId);
  if (!meeting) throw new AppError("not_found");
  if (meeting.groupId) await authorizeOnGroup(tx, principal, territory, meeting.groupId, action);
  else authorize(decisionPolicy.manage(principal, territory));
  return meeting;
}

/** Invited members must be members of the group. */
async function checkInvited(tx: Executor, groupId: string, ids: string[]): Promise<string[]> {
  const rows = await tx.select({ id: groupMembers.id }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  const all = rows.map((r) => r.id);
  if (ids.length === 0) return all;
  if (ids.some((id) => !all.includes(id))) throw new AppError("validation", { fieldErrors: { invited: ["Choisissez les personnes invitées parmi les membres du groupe."] } });
  return ids;
}

/** Schedules a meeting of a group; invites the chosen members (all of them when none is chosen). */
export async function createMeeting(db: Db, principal: Principal, territory: TerritoryRef, groupId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(meetingSchema, raw);
  return db.transaction(async (tx) => {
    await authorizeOnGroup(tx, principal, territory, groupId, "organise");
    const invited = await checkInvited(tx, groupId, input.invited);
    const [row] = await tx
      .insert(meetings)
      .values({ territoryId: territory.id, groupId, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, place: input.place, videoUrl: input.videoUrl, agenda: input.agenda, createdBy: by(principal) })
      .returning({ id: meetings.id });
    if (!row) throw new Error("insert returned nothing");
    if (invited.length) await tx.insert(meetingParticipants).values(invited.map((memberId) => ({ meetingId: row.id, memberId })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: row.id, action: "create", after: { ...input, groupId, invited } });
    return row;
  });
}

/** A member says whether they come (their own row; a member not invited is added as invited). */
export async function respondToMeeting(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, raw: unknown): Promise<MeetingResponse> {
  const response = parseOrThrow(responseSchema, raw);
  return db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, principal, territory, meetingId, "respond");
    if (principal.kind !== "user" || !meeting.groupId) throw new AppError("forbidden");
    if (meeting.cancelledAt) throw new AppError("meeting_cancelled");
    const [member] = await tx
      .select({ id: groupMembers.id })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, meeting.groupId), eq(groupMembers.userId, principal.userId)))
      .limit(1);
    if (!member) throw new AppError("forbidden");
    await tx
      .insert(meetingParticipants)
      .values({ meetingId, memberId: member.id, response, respondedAt: new Date() })
      .onConflictDoUpdate({ target: [meetingParticipants.meetingId, meetingParticipants.memberId], set: { response, respondedAt: new Date() } });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meetingId, action: "respond", after: { memberId: member.id, response } });
    return response;
  });
}

/** Records who came: the ticked members are present, the other invited members absent. */
export async function recordAttendance(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, presentIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, principal, territory, meetingId, "organise");
    const invited = await tx.select({ memberId: meetingParticipants.memberId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, meeting.id));
    const known = new Set(invited.map((r) => r.memberId));
    if (presentIds.some((id) => !known.has(id))) throw new AppError("validation", { fieldErrors: { present: ["Cochez des personnes invitées à la réunion."] } });
    await tx.update(meetingParticipants).set({ attended: false }).where(eq(meetingParticipants.meetingId, meeting.id));
    if (presentIds.length) await tx.update(meetingParticipants).set({ attended: true }).where(and(eq(meetingParticipants.meetingId, meeting.id), inArray(meetingParticipants.memberId, presentIds)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meeting.id, action: "attendance", after: { present: presentIds } });
  });
}

/** Drafts (or rewrites) the minutes; approved minutes are frozen until reopened. */
export async function saveMinutes(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, raw: unknown): Promise<void> {
  const { minutes } = parseOrThrow(minutesSchema, raw);
  await db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, principal, territory, meetingId, "draftMinutes");
    if (meeting.minutesApprovedAt) throw new AppError("minutes_approved");
    const now = new Date();
    await tx.update(meetings).set({ minutes, minutesBy: by(principal), minutesUpdatedAt: now, updatedAt: now }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meeting.id, action: "minutes", before: { minutes: meeting.minutes }, after: { minutes } });
  });
}

export async function approveMinutes(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, principal, territory, meetingId, "approveMinutes");
    if (!meeting.minutes.trim()) throw new AppError("validation", { message: "Il n'y a pas encore de compte rendu à approuver.", fieldErrors: {} });
    if (meeting.minutesApprovedAt) throw new AppError("minutes_approved");
    const now = new Date();
    await tx.update(meetings).set({ minutesApprovedAt: now, minutesApprovedBy: by(principal), updatedAt: now }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meeting.id, action: "approve_minutes", after: { minutes: meeting.minutes } });
  });
}

/** Reopens approved minutes for a change: they must be approved again. */
export async function reopenMinutes(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await meetingFor(tx, principal, territory, meetingId, "approveMinutes");
    if (!meeting.minutesApprovedAt) return;
    await tx.update(meetings).set({ minutesApprovedAt: null, minutesApprovedBy: null, updatedAt: new Date() }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meeting.id, action: "reopen_minutes", before: { approvedAt: meeting.minutesApprovedAt, approvedBy: meeting.minutesApprovedBy } });
  });
}

async function checkLinks(tx: Executor, territoryId: string, objectiveIds: string[], actionIds: string[]) {
  if (objectiveIds.length) {
    const rows = await tx.select({ id: strategyObjectives.id }).from(strategyObjectives).where(and(eq(strategyObjectives.territoryId, territoryId), inArray(strategyObjectives.id, objectiveIds)));
    if (rows.length !== objectiveIds.length) throw new AppError("validation", { fieldErrors: { objectives: ["Choisissez des objectifs de la stratégie du territoire."] } });
  }
  if (actionIds.length) {
    const rows = await tx.select({ id: planActions.id }).from(planActions).where(and(eq(planActions.territoryId, territoryId), inArray(planActions.id, actionIds)));
    if (rows.length !== actionIds.length) throw new AppError("validation", { fieldErrors: { actions: ["Choisissez des actions du plan du territoire."] } });
  }
}

/**
 * Records a decision, in a meeting (its group's animateur or the coordination) or outside any meeting
 * (the coordination: governance bodies will record theirs the same way), with its links.
 */
export async function recordDecision(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string | null, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(decisionSchema, raw);
  return db.transaction(async (tx) => {
    if (meetingId) await meetingFor(tx, principal, territory, meetingId, "decide");
    else authorize(decisionPolicy.manage(principal, territory));
    await checkLinks(tx, territory.id, input.objectives, input.actions);
    const [row] = await tx
      .insert(decisions)
      .values({
        territoryId: territory.id,
        meetingId,
        text: input.text,
        decidedOn: input.decidedOn,
        mode: input.mode,
        votesFor: input.votesFor,
        votesAgainst: input.votesAgainst,
        votesAbstention: input.votesAbstention,
        followUpBy: input.followUpBy,
        dueOn: input.dueOn,
        createdBy: by(principal),
      })
      .returning({ id: decisions.id });
    if (!row) throw new Error("insert returned nothing");
    if (input.objectives.length) await tx.insert(decisionObjectives).values(input.objectives.map((objectiveId) => ({ decisionId: row.id, objectiveId })));
    if (input.actions.length) await tx.insert(decisionActions).values(input.actions.map((actionId) => ({ decisionId: row.id, actionId })));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "decision", entityId: row.id, action: "create", after: { ...input, meetingId } });
    return row;
  });
}

/**
 * The decision of the territory, and the rule that applies to it: its meeting's body decides (meetingPolicy.decide),
 * a decision outside any meeting is the coordination's. Exported so that governance links a decision under the same rule.
 */
export async function authorizeOnDecision(tx: Executor, principal: Principal, territory: TerritoryRef, decisionId: string) {
  const decision = await findDecision(tx, territory.id, decisionId);
  if (!decision) throw new AppError("not_found");
  if (decision.meetingId) await meetingFor(tx, principal, territory, decision.meetingId, "decide");
  else authorize(decisionPolicy.manage(principal, territory));
  return decision;
}

/**
 * « Créer une action à partir de cette décision »: an action draft (« idée », origin "decision") in the
 * plan's working version, linked to the decision, in one transaction (both or neither).
 */
export async function createActionFromDecision(db: Db, principal: Principal, territory: TerritoryRef, decisionId: string): Promise<{ actionId: string }> {
  return db.transaction(async (tx) => {
    const decision = await authorizeOnDecision(tx, principal, territory, decisionId);
    const title = decision.text.length > 150 ? `${decision.text.slice(0, 149)}…` : decision.text;
    const action = await addActionDraftIn(tx, principal, territory, { title, description: `Issue de la décision du ${formatDate(decision.decidedOn)} : ${decision.text}`, origin: "decision", originId: decision.id });
    await tx.insert(decisionActions).values({ decisionId: decision.id, actionId: action.id });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "decision", entityId: decision.id, action: "link_action", after: { actionId: action.id } });
    return { actionId: action.id };
  });
}

/** Marks a decision's follow-up done (or not done again). */
export async function setFollowUpDone(db: Db, principal: Principal, territory: TerritoryRef, decisionId: string, done: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const decision = await authorizeOnDecision(tx, principal, territory, decisionId);
    const doneAt = done ? new Date() : null;
    await tx.update(decisions).set({ doneAt }).where(eq(decisions.id, decision.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "decision", entityId: decision.id, action: "follow_up", before: { doneAt: decision.doneAt }, after: { doneAt } });
  });
}

/**
 * « En faire un constat »: a finding of the diagnostic taken from the minutes, through the findings module
 * (its own policy and transaction), its origin naming the meeting.
 */
export async function findingFromMinutes(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(findingFromMinutesSchema, raw);
  const meeting = await db.transaction((tx) => meetingFor(tx, principal, territory, meetingId, "view"));
  return createFinding(db, principal, territory, { kind: input.kind, text: input.text, origin: "meeting", originLabel: `Réunion « ${meeting.title} » du ${formatDate(meeting.startsAt)}`.slice(0, 200), originRef: meeting.id });
}

export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new secret for the person's calendar feed (the old URL stops working); the token is returned once. */
export async function regenerateFeed(db: Db, principal: Principal): Promise<string> {
  authorize(feedPolicy.manage(principal));
  if (principal.kind !== "user") throw new AppError("unauthenticated");
  const token = randomBytes(24).toString("base64url");
  const tokenHash = hashFeedToken(token);
  await db.transaction(async (tx) => {
    await tx.insert(calendarFeeds).values({ userId: principal.userId, tokenHash }).onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
    await recordAudit(tx, principal, { territoryId: null, entityType: "calendar_feed", entityId: principal.userId, action: "regenerate" });
  });
  return token;
}

export async function revokeFeed(db: Db, principal: Principal): Promise<void> {
  authorize(feedPolicy.manage(principal));
  if (principal.kind !== "user") throw new AppError("unauthenticated");
  await db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, principal.userId));
    await recordAudit(tx, principal, { territoryId: null, entityType: "calendar_feed", entityId: principal.userId, action: "revoke" });
  });
}

/** "(aucun)" for an empty place or link in the change lines. */
const orNone = (v: string | null) => (v ? v : "(aucun)");

/**
 * What changed in a meeting, one French line per change, as the notice says it (pure). `notify` is false when
 * only the agenda changed: a reworded agenda is read on the page, a mail for each would be noise.
 */
export function meetingChanges(before: Pick<typeof meetings.$inferSelect, "title" | "startsAt" | "endsAt" | "place" | "videoUrl" | "agenda">, after: Pick<MeetingInput, "title" | "startsAt" | "endsAt" | "place" | "videoUrl" | "agenda">): { lines: string[]; notify: boolean; moved: boolean } {
  const lines: string[] = [];
  if (before.title !== after.title) lines.push(`Titre : « ${before.title} » → « ${after.title} »`);
  const moved = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  if (moved) lines.push(`Horaire : ${meetingWhen(before.startsAt, before.endsAt)} → ${meetingWhen(after.startsAt, after.endsAt)}`);
  if (before.place !== after.place) lines.push(`Lieu : ${orNone(before.place)} → ${orNone(after.place)}`);
  if ((before.videoUrl ?? null) !== (after.videoUrl ?? null)) lines.push(`Visioconférence : ${orNone(before.videoUrl)} → ${orNone(after.videoUrl)}`);
  const notify = lines.length > 0;
  if (before.agenda !== after.agenda) lines.push("Ordre du jour modifié");
  return { lines, notify, moved };
}

/** The meeting locked for a change, then the rules every change obeys: not cancelled, minutes not approved. */
async function meetingToChange(tx: Executor, principal: Principal, territory: TerritoryRef, meetingId: string, action: "edit" | "cancel") {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) throw new AppError("not_found");
  await tx.execute(sql`select 1 from ${meetings} where ${meetings.id} = ${meetingId} and ${meetings.territoryId} = ${territory.id} for update`);
  const meeting = await meetingFor(tx, principal, territory, meetingId, action);
  if (meeting.cancelledAt) throw new AppError("meeting_cancelled");
  // Approved minutes record what happened at that time and place: the meeting they describe no longer changes.
  if (meeting.minutesApprovedAt) throw new AppError("meeting_minutes_approved");
  return meeting;
}

/** Every invited member is told (those who said « non » too: they may come at the new time). */
async function queueNotices(tx: Executor, meetingId: string, kind: NoticeKind, changes: string): Promise<number> {
  const invited = await tx.select({ memberId: meetingParticipants.memberId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  if (invited.length) await tx.insert(meetingNotices).values(invited.map((r) => ({ meetingId, memberId: r.memberId, kind, changes })));
  return invited.length;
}

/**
 * Changes a meeting's title, time, place, video link or agenda (not the invited list), in one transaction with
 * its audit event. Invited members are told of a change of title, time, place or link (a notice per member,
 * sent by the job queue) when the meeting is still to come; a meeting moved is reminded again before its new
 * time (meeting_reminders is keyed by the time reminded for). Returns how many members will be told.
 */
export async function updateMeeting(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, raw: unknown, now = new Date()): Promise<{ changed: boolean; told: number }> {
  const input = parseOrThrow(meetingSchema, raw);
  return db.transaction(async (tx) => {
    const meeting = await meetingToChange(tx, principal, territory, meetingId, "edit");
    const { lines, notify } = meetingChanges(meeting, input);
    if (lines.length === 0) return { changed: false, told: 0 };
    await tx
      .update(meetings)
      .set({ title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, place: input.place, videoUrl: input.videoUrl, agenda: input.agenda, sequence: meeting.sequence + 1, updatedAt: now })
      .where(eq(meetings.id, meeting.id));
    const upcoming = input.startsAt > now || meeting.startsAt > now;
    const told = notify && upcoming ? await queueNotices(tx, meeting.id, "modifiee", lines.join("\n")) : 0;
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "meeting",
      entityId: meeting.id,
      action: "update",
      before: { title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, videoUrl: meeting.videoUrl, agenda: meeting.agenda },
      after: { title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, place: input.place, videoUrl: input.videoUrl, agenda: input.agenda, told },
    });
    return { changed: true, told };
  });
}

/**
 * Cancels a meeting with its reason (kept and shown; the meeting stays listed as « annulée », calendars say
 * STATUS:CANCELLED, no reminder goes). Invited members of a meeting still to come are told, through the queue.
 */
export async function cancelMeeting(db: Db, principal: Principal, territory: TerritoryRef, meetingId: string, raw: unknown, now = new Date()): Promise<{ told: number }> {
  const { reason } = parseOrThrow(cancelSchema, raw);
  return db.transaction(async (tx) => {
    const meeting = await meetingToChange(tx, principal, territory, meetingId, "cancel");
    await tx.update(meetings).set({ cancelledAt: now, cancelledBy: by(principal), cancelReason: reason, sequence: meeting.sequence + 1, updatedAt: now }).where(eq(meetings.id, meeting.id));
    const told = meeting.startsAt > now ? await queueNotices(tx, meeting.id, "annulee", "") : 0;
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "meeting", entityId: meeting.id, action: "cancel", after: { reason, told } });
    return { told };
  });
}
