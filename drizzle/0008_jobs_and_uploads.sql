CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"scope_id" text,
	"owner_id" text,
	"label" text NOT NULL,
	"exclusive_key" text,
	"state" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"input" jsonb NOT NULL,
	"secret" text,
	"output" jsonb,
	"file" "bytea",
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kept_uploads" (
	"token" text PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kept_uploads" ADD CONSTRAINT "kept_uploads_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kept_uploads" ADD CONSTRAINT "kept_uploads_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_queue_state_idx" ON "job_runs" USING btree ("queue","state","created_at");--> statement-breakpoint
CREATE INDEX "job_runs_expires_idx" ON "job_runs" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_exclusive_idx" ON "job_runs" USING btree ("exclusive_key") WHERE state in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "kept_uploads_territory_idx" ON "kept_uploads" USING btree ("territory_id","expires_at");