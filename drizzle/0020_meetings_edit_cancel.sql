CREATE TYPE "public"."meeting_notice_kind" AS ENUM('modifiee', 'annulee');--> statement-breakpoint
CREATE TABLE "meeting_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" "meeting_notice_kind" NOT NULL,
	"changes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
-- Reminders already sent were sent for the meeting's current time: the column is filled from it before it is required.
ALTER TABLE "meeting_reminders" ADD COLUMN "for_starts_at" timestamp with time zone;--> statement-breakpoint
UPDATE "meeting_reminders" SET "for_starts_at" = "meetings"."starts_at" FROM "meetings" WHERE "meetings"."id" = "meeting_reminders"."meeting_id";--> statement-breakpoint
ALTER TABLE "meeting_reminders" ALTER COLUMN "for_starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_reminders" DROP CONSTRAINT "meeting_reminders_meeting_id_member_id_pk";--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_member_id_for_starts_at_pk" PRIMARY KEY("meeting_id","member_id","for_starts_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancel_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_notices" ADD CONSTRAINT "meeting_notices_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notices" ADD CONSTRAINT "meeting_notices_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_notices_pending_idx" ON "meeting_notices" USING btree ("sent_at","created_at");