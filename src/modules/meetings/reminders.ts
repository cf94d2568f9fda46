import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import type { Db } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { defineJob, onCleanup, processQueue } from "@/platform/jobs/queue";
import { sendMail, type Mail } from "@/platform/mail/mailer";
import { formatDateTime } from "@/platform/text";
import { territories } from "@/modules/territories";
import { groupMembers, groups } from "@/modules/groups";
import { meetingNotices, meetingParticipants, meetingReminders, meetings } from "./schema";

/** How long before a meeting its invited members get the reminder. */
export const REMINDER_HOURS = 24;

/**
 * Sends the reminders now due: every invited member with an e-mail (theirs in the group, else their
 * account's), who has not said they will not come, of a meeting starting within REMINDER_HOURS and not
 * started yet, not cancelled. Each (meeting, member, start time) row of meeting_reminders is claimed before the mail goes: a second
 * run — or a second process — finds it taken, so a reminder is never sent twice (a mail that failed after
 * its claim is not retried: never twice wins over at least once). Returns how many were sent.
 */
export async function sendDueReminders(db: Db, now: Date, send: (mail: Mail) => Promise<void> = sendMail): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  const due = await db
    .select({
      meetingId: meetings.id,
      memberId: groupMembers.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      videoUrl: meetings.videoUrl,
      groupName: groups.name,
      slug: territories.slug,
      email: sql<string | null>`coalesce(nullif(${groupMembers.email}, ''), ${user.email})`,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
    .innerJoin(groupMembers, eq(groupMembers.id, meetingParticipants.memberId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(territories, eq(territories.id, meetings.territoryId))
    .leftJoin(user, eq(user.id, groupMembers.userId))
    // A reminder claimed for another time does not count: a meeting moved is reminded again before its new time.
    .leftJoin(meetingReminders, and(eq(meetingReminders.meetingId, meetings.id), eq(meetingReminders.memberId, groupMembers.id), eq(meetingReminders.forStartsAt, meetings.startsAt)))
    .where(and(gt(meetings.startsAt, now), lte(meetings.startsAt, until), isNull(meetings.cancelledAt), isNull(meetingReminders.meetingId), or(isNull(meetingParticipants.response), ne(meetingParticipants.response, "non"))));
  let sent = 0;
  for (const row of due) {
    if (!row.email) continue;
    const [claimed] = await db.insert(meetingReminders).values({ meetingId: row.meetingId, memberId: row.memberId, forStartsAt: row.startsAt, sentAt: now }).onConflictDoNothing().returning({ m: meetingReminders.meetingId });
    if (!claimed) continue;
    const where = [row.place, row.videoUrl ? `visioconférence : ${row.videoUrl}` : ""].filter(Boolean).join(" — ");
    await send({
      to: row.email,
      subject: `Rappel : ${row.title}, ${formatDateTime(row.startsAt)}`,
      text: [
        `Bonjour,`,
        ``,
        `La réunion « ${row.title} » du groupe « ${row.groupName} » a lieu le ${formatDateTime(row.startsAt)} (heure de Paris).`,
        where ? `Lieu : ${where}` : "",
        ``,
        `L'ordre du jour et votre réponse : ${getEnv().baseUrl}/espace/${row.slug}/reunions/${row.meetingId}`,
        ``,
        `Maillage`,
      ]
        .filter((l, i, all) => l !== "" || all[i - 1] !== "")
        .join("\n"),
    });
    sent++;
  }
  return sent;
}

export const meetingRemindersJob = defineJob<Record<string, never>>({
  name: "meeting-reminders",
  concurrency: () => 1,
  timeoutSeconds: 5 * 60,
  keepSeconds: 60 * 60,
  failedMessage: "L'envoi des rappels de réunion a échoué ; il sera retenté au prochain passage.",
  interruptedMessage: "L'envoi des rappels de réunion a été interrompu ; il reprendra au prochain passage.",
  async run({ db }) {
    return { output: { sent: await sendDueReminders(db, new Date()) } };
  },
});

/**
 * Sends the notices of changed and cancelled meetings written by the commands (meeting_notices, an outbox
 * filled in the change's transaction): each row is claimed (sent_at set) before its mail goes, so a notice
 * goes once even with two runs at a time. Members without an e-mail are skipped (their row is claimed: the
 * page shows the change to them). Returns how many mails were sent.
 */
export async function sendPendingNotices(db: Db, now: Date, send: (mail: Mail) => Promise<void> = sendMail): Promise<number> {
  const pending = await db
    .select({
      id: meetingNotices.id,
      kind: meetingNotices.kind,
      changes: meetingNotices.changes,
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      place: meetings.place,
      videoUrl: meetings.videoUrl,
      reason: meetings.cancelReason,
      groupName: groups.name,
      slug: territories.slug,
      email: sql<string | null>`coalesce(nullif(${groupMembers.email}, ''), ${user.email})`,
    })
    .from(meetingNotices)
    .innerJoin(meetings, eq(meetings.id, meetingNotices.meetingId))
    .innerJoin(groupMembers, eq(groupMembers.id, meetingNotices.memberId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(territories, eq(territories.id, meetings.territoryId))
    .leftJoin(user, eq(user.id, groupMembers.userId))
    .where(isNull(meetingNotices.sentAt))
    .orderBy(meetingNotices.createdAt)
    .limit(1000);
  let sent = 0;
  for (const row of pending) {
    const [claimed] = await db.update(meetingNotices).set({ sentAt: now }).where(and(eq(meetingNotices.id, row.id), isNull(meetingNotices.sentAt))).returning({ id: meetingNotices.id });
    if (!claimed || !row.email) continue;
    const page = `${getEnv().baseUrl}/espace/${row.slug}/reunions/${row.meetingId}`;
    const where = [row.place, row.videoUrl ? `visioconférence : ${row.videoUrl}` : ""].filter(Boolean).join(" — ");
    const lines =
      row.kind === "annulee"
        ? [`La réunion « ${row.title} » du groupe « ${row.groupName} », prévue le ${formatDateTime(row.startsAt)} (heure de Paris), est annulée.`, `Raison : ${row.reason}`]
        : [
            `La réunion « ${row.title} » du groupe « ${row.groupName} » a changé :`,
            row.changes,
            ``,
            `Elle a lieu le ${formatDateTime(row.startsAt)} (heure de Paris).`,
            where ? `Lieu : ${where}` : "",
            `Votre réponse reste enregistrée : changez-la sur la page de la réunion si besoin.`,
          ];
    await send({
      to: row.email,
      subject: row.kind === "annulee" ? `Annulée : ${row.title}, ${formatDateTime(row.startsAt)}` : `Modifiée : ${row.title}, ${formatDateTime(row.startsAt)}`,
      text: [`Bonjour,`, ``, ...lines, ``, `La page de la réunion : ${page}`, ``, `Maillage`].filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n"),
    });
    sent++;
  }
  return sent;
}

export const meetingNoticesJob = defineJob<Record<string, never>>({
  name: "meeting-notices",
  concurrency: () => 1,
  timeoutSeconds: 5 * 60,
  keepSeconds: 60 * 60,
  failedMessage: "L'envoi des avis de réunion modifiée ou annulée a échoué ; il sera retenté au prochain passage.",
  interruptedMessage: "L'envoi des avis de réunion modifiée ou annulée a été interrompu ; il reprendra au prochain passage.",
  async run({ db }) {
    return { output: { sent: await sendPendingNotices(db, new Date()) } };
  },
});

/** Queues the sending of pending notices now (after a change is committed); the periodic pass catches any left. */
export async function queueMeetingNotices(): Promise<void> {
  const queue = processQueue();
  if (!queue) return;
  await (await queue).enqueue(meetingNoticesJob, { label: "Avis de réunion modifiée ou annulée", input: {}, exclusiveKey: "meeting-notices" });
}

// The queue's periodic pass (every 5 minutes) queues one reminders run and one notices run; the exclusive keys keep each to one at a time.
onCleanup("meeting-reminders", async () => {
  const queue = processQueue();
  if (!queue) return;
  await (await queue).enqueue(meetingRemindersJob, { label: "Rappels de réunion", input: {}, exclusiveKey: "meeting-reminders" });
  await queueMeetingNotices();
});
