import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { groupMembers, groups } from "@/modules/groups";
import { strategyObjectives } from "@/modules/strategy";
import { planActions } from "@/modules/plan";

/**
 * A meeting of the territory. Today it belongs to a working group (group_id); governance bodies (issue 13)
 * will own meetings through a column of their own, so the group is nullable and nothing else here assumes it.
 * Times are instants (timestamptz), shown and typed in Europe/Paris.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    videoUrl: text("video_url"),
    /** Markdown, rendered sanitised. */
    agenda: text("agenda").notNull().default(""),
    /** Minutes in Markdown (rendered sanitised); empty until someone drafts them. */
    minutes: text("minutes").notNull().default(""),
    minutesBy: text("minutes_by"),
    minutesUpdatedAt: timestamp("minutes_updated_at", { withTimezone: true }),
    /** Approved minutes are frozen: a change needs reopening, then approving again. */
    minutesApprovedAt: timestamp("minutes_approved_at", { withTimezone: true }),
    minutesApprovedBy: text("minutes_approved_by"),
    /** Cancelled meetings stay listed (« annulée ») with their reason; calendars say STATUS:CANCELLED. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: text("cancelled_by"),
    cancelReason: text("cancel_reason").notNull().default(""),
    /** iCalendar SEQUENCE: raised by every change members are told of, so subscribed calendars take it. */
    sequence: integer("sequence").notNull().default(0),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meetings_territory_starts_idx").on(t.territoryId, t.startsAt), index("meetings_group_idx").on(t.groupId)],
);

export const responses = ["oui", "non"] as const;
export type MeetingResponse = (typeof responses)[number];
export const meetingResponse = pgEnum("meeting_response", responses);

/** A member invited to a meeting: their answer (registration) and whether they came (attendance). */
export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => groupMembers.id, { onDelete: "cascade" }),
    response: meetingResponse("response"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    attended: boolean("attended").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index("meeting_participants_member_idx").on(t.memberId)],
);

/**
 * One row per reminder sent: the job claims the row before sending, so a reminder never goes twice. The claim
 * is for the time the meeting started at when it was sent (`forStartsAt`): a meeting moved to another time is
 * a new claim, reminded again before its new time (decision 032).
 */
export const meetingReminders = pgTable(
  "meeting_reminders",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => groupMembers.id, { onDelete: "cascade" }),
    forStartsAt: timestamp("for_starts_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId, t.forStartsAt] })],
);

export const noticeKinds = ["modifiee", "annulee"] as const;
export type NoticeKind = (typeof noticeKinds)[number];
export const meetingNoticeKind = pgEnum("meeting_notice_kind", noticeKinds);

/**
 * What invited members must be told of a change (moved, place changed) or a cancellation: written in the same
 * transaction as the change (an outbox), sent by the job queue, each row claimed before its mail goes.
 */
export const meetingNotices = pgTable(
  "meeting_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => groupMembers.id, { onDelete: "cascade" }),
    kind: meetingNoticeKind("kind").notNull(),
    /** What changed, in French, as the mail says it (one line per change). */
    changes: text("changes").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("meeting_notices_pending_idx").on(t.sentAt, t.createdAt)],
);

export const decisionModes = ["consensus", "vote"] as const;
export type DecisionMode = (typeof decisionModes)[number];
export const decisionMode = pgEnum("decision_mode", decisionModes);

/**
 * A decision: a first-class record of the territory, taken in a meeting or not (governance reuses it).
 * Vote counts only when mode = vote. The follow-up person is named in words (not always an account).
 */
export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    decidedOn: date("decided_on").notNull(),
    mode: decisionMode("mode").notNull().default("consensus"),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    votesAbstention: integer("votes_abstention"),
    followUpBy: text("follow_up_by").notNull().default(""),
    dueOn: date("due_on"),
    /** When the follow-up was done; an undone follow-up past its due date is overdue. */
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: text("created_by").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decisions_territory_idx").on(t.territoryId, t.decidedOn), index("decisions_meeting_idx").on(t.meetingId)],
);

export const decisionObjectives = pgTable(
  "decision_objectives",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => strategyObjectives.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.objectiveId] })],
);

export const decisionActions = pgTable(
  "decision_actions",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.actionId] }), index("decision_actions_action_idx").on(t.actionId)],
);

/**
 * A person's secret calendar subscription: only the SHA-256 of the token is kept (the URL is shown once);
 * regenerating replaces it, revoking deletes it.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash)],
);
