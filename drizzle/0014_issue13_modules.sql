CREATE TYPE "public"."meeting_notice_kind" AS ENUM('modifiee', 'annulee');--> statement-breakpoint
CREATE TYPE "public"."signature_journal_kind" AS ENUM('en_ligne', 'manuscrite', 'pdf_signe');--> statement-breakpoint
CREATE TYPE "public"."governance_action_status" AS ENUM('idee', 'planifiee', 'en_cours', 'en_pause', 'bloquee', 'en_retard', 'terminee', 'abandonnee');--> statement-breakpoint
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
CREATE TABLE "evaluation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"author_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accompaniment_territory_stats" (
	"territory_id" uuid NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handwritten_signature_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signature_journal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" "signature_journal_kind" NOT NULL,
	"charter_id" uuid NOT NULL,
	"charter_title" text NOT NULL,
	"version_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"partner_id" uuid,
	"partner_name" text DEFAULT '' NOT NULL,
	"signatory_user_id" text,
	"signatory_name" text DEFAULT '' NOT NULL,
	"signatory_title" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"content_sha256" text NOT NULL,
	"consent_text" text DEFAULT '' NOT NULL,
	"consent_sha256" text DEFAULT '' NOT NULL,
	"document_sha256" text DEFAULT '' NOT NULL,
	"prev_hash" text NOT NULL,
	"entry_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signed_charter_pdfs" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_status_citations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"action_id" uuid,
	"action_lineage_id" uuid NOT NULL,
	"from_status" "governance_action_status" NOT NULL,
	"to_status" "governance_action_status" NOT NULL,
	"decision_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"changed_by_id" text,
	"changed_by" text DEFAULT '' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"structure" text DEFAULT '' NOT NULL,
	"public_email" text,
	"public_phone" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Hand-written (drizzle adds the key before the column): reminders already sent were sent for the meeting's current time,
-- so the column is filled from it before it is required.
ALTER TABLE "meeting_reminders" ADD COLUMN "for_starts_at" timestamp with time zone;--> statement-breakpoint
UPDATE "meeting_reminders" SET "for_starts_at" = "meetings"."starts_at" FROM "meetings" WHERE "meetings"."id" = "meeting_reminders"."meeting_id";--> statement-breakpoint
ALTER TABLE "meeting_reminders" ALTER COLUMN "for_starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_reminders" DROP CONSTRAINT "meeting_reminders_meeting_id_member_id_pk";--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_member_id_for_starts_at_pk" PRIMARY KEY("meeting_id","member_id","for_starts_at");--> statement-breakpoint
ALTER TABLE "plan_versions" ADD COLUMN "content_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancel_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_notices" ADD CONSTRAINT "meeting_notices_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notices" ADD CONSTRAINT "meeting_notices_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reports" ADD CONSTRAINT "evaluation_reports_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_version_id_charter_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."charter_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_territory_stats" ADD CONSTRAINT "accompaniment_territory_stats_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handwritten_signature_scans" ADD CONSTRAINT "handwritten_signature_scans_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_journal" ADD CONSTRAINT "signature_journal_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_charter_pdfs" ADD CONSTRAINT "signed_charter_pdfs_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_changed_by_id_user_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contacts" ADD CONSTRAINT "coordination_contacts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contacts" ADD CONSTRAINT "coordination_contacts_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_notices_pending_idx" ON "meeting_notices" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_reports_version_idx" ON "evaluation_reports" USING btree ("territory_id","version");--> statement-breakpoint
CREATE INDEX "charter_comments_version_idx" ON "charter_comments" USING btree ("version_id","section");--> statement-breakpoint
CREATE UNIQUE INDEX "accompaniment_territory_stats_key_idx" ON "accompaniment_territory_stats" USING btree ("territory_id","dimension","month","value","shard");--> statement-breakpoint
CREATE UNIQUE INDEX "handwritten_signature_scans_partner_idx" ON "handwritten_signature_scans" USING btree ("version_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signature_journal_seq_idx" ON "signature_journal" USING btree ("territory_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "signature_journal_partner_idx" ON "signature_journal" USING btree ("version_id","partner_id") WHERE kind <> 'pdf_signe';--> statement-breakpoint
CREATE UNIQUE INDEX "signature_journal_pdf_idx" ON "signature_journal" USING btree ("version_id") WHERE kind = 'pdf_signe';--> statement-breakpoint
CREATE INDEX "signature_journal_document_idx" ON "signature_journal" USING btree ("document_sha256");--> statement-breakpoint
CREATE INDEX "action_status_citations_lineage_idx" ON "action_status_citations" USING btree ("territory_id","action_lineage_id","changed_at");--> statement-breakpoint
CREATE INDEX "action_status_citations_decision_idx" ON "action_status_citations" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "coordination_contacts_territory_idx" ON "coordination_contacts" USING btree ("territory_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_measurements_computed_idx" ON "indicator_measurements" USING btree ("indicator_id","measured_on") WHERE "indicator_measurements"."computed";--> statement-breakpoint
CREATE INDEX "accompaniment_stats_place_idx" ON "accompaniment_stats" USING btree ("place_id","dimension","month");--> statement-breakpoint
-- Hand-written: the journal, the signed PDFs and the scans are append-only. UPDATE, DELETE and TRUNCATE are
-- refused by the database itself, whoever asks (the application has no path that changes them). A DELETE is
-- let through only as the cascade of erasing the whole territory (its row is already gone by then).
CREATE OR REPLACE FUNCTION signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM territories WHERE id = OLD.territory_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER signature_journal_append_only BEFORE UPDATE OR DELETE ON signature_journal FOR EACH ROW EXECUTE FUNCTION signatures_append_only();
--> statement-breakpoint
CREATE TRIGGER signature_journal_no_truncate BEFORE TRUNCATE ON signature_journal FOR EACH STATEMENT EXECUTE FUNCTION signatures_append_only();
--> statement-breakpoint
CREATE TRIGGER signed_charter_pdfs_append_only BEFORE UPDATE OR DELETE ON signed_charter_pdfs FOR EACH ROW EXECUTE FUNCTION signatures_append_only();
--> statement-breakpoint
CREATE TRIGGER handwritten_signature_scans_append_only BEFORE UPDATE OR DELETE ON handwritten_signature_scans FOR EACH ROW EXECUTE FUNCTION signatures_append_only();
--> statement-breakpoint
-- Records written before this migration: their structure (a new dimension) at the place level, then the territory level (shard 0) from the place level.
INSERT INTO "accompaniment_stats" ("territory_id", "month", "place_id", "dimension", "value", "records", "people", "minutes")
SELECT "territory_id", date_trunc('month', "occurred_on")::date, "place_id", 'actor', "actor_id"::text, count(*), sum("people"), sum("duration_minutes")
FROM "accompaniments" WHERE "actor_id" IS NOT NULL GROUP BY 1, 2, 3, 5
ON CONFLICT ("territory_id", "month", "place_id", "dimension", "value") DO NOTHING;--> statement-breakpoint
INSERT INTO "accompaniment_territory_stats" ("territory_id", "month", "dimension", "value", "records", "people", "minutes")
SELECT "territory_id", "month", "dimension", "value", sum("records"), sum("people"), sum("minutes")
FROM "accompaniment_stats" WHERE "dimension" <> 'orientation' GROUP BY 1, 2, 3, 4;
