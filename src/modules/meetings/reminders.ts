import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import type { Db } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { defineJob, onCleanup, processQueue } from "@/platform/jobs/queue";
import { sendMail, type Mail } from "@/platform/mail/mailer";
import { formatDateTime } from "@/platform/text";
import { territories } from "@/modules/territories";
import { groupMembers, groups } from "@/modules/groups";
import { meetingParticipants, meetingReminders, meetings } from "./schema";

/** How long before a meeting its invited members get the reminder. */
export const REMINDER_HOURS = 24;

/**
 * Sends the reminders now due: every invited member with an e-mail (theirs in the group, else their
 * account's), who has not said they will not come, of a meeting starting within REMINDER_HOURS and not
 * started yet. Each (meeting, member) row of meeting_reminders is claimed before the mail goes: a second
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
    .leftJoin(meetingReminders, and(eq(meetingReminders.meetingId, meetings.id), eq(meetingReminders.memberId, groupMembers.id)))
    .where(and(gt(meetings.startsAt, now), lte(meetings.startsAt, until), isNull(meetingReminders.meetingId), or(isNull(meetingParticipants.response), ne(meetingParticipants.response, "non"))));
  let sent = 0;
  for (const row of due) {
    if (!row.email) continue;
    const [claimed] = await db.insert(meetingReminders).values({ meetingId: row.meetingId, memberId: row.memberId, sentAt: now }).onConflictDoNothing().returning({ m: meetingReminders.meetingId });
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

// The queue's periodic pass (every 5 minutes) queues one reminders run; the exclusive key keeps it to one at a time.
onCleanup("meeting-reminders", async () => {
  const queue = processQueue();
  if (!queue) return;
  await (await queue).enqueue(meetingRemindersJob, { label: "Rappels de réunion", input: {}, exclusiveKey: "meeting-reminders" });
});
