CREATE TABLE "custom_indicator_values" (
	"indicator_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "custom_indicator_values_indicator_id_commune_code_pk" PRIMARY KEY("indicator_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "custom_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_settings" (
	"territory_id" uuid PRIMARY KEY NOT NULL,
	"distance_km" double precision DEFAULT 10 NOT NULL,
	"ifn_threshold" double precision DEFAULT 6.5 NOT NULL,
	"partners_record_findings" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_votes" (
	"finding_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_votes_finding_id_user_id_pk" PRIMARY KEY("finding_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"origin" text DEFAULT 'typed' NOT NULL,
	"origin_label" text DEFAULT '' NOT NULL,
	"origin_ref" text,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"group_id" uuid,
	"merged_into" uuid,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "custom_indicator_values" ADD CONSTRAINT "custom_indicator_values_indicator_id_custom_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."custom_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_indicator_values" ADD CONSTRAINT "custom_indicator_values_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_indicators" ADD CONSTRAINT "custom_indicators_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_reports" ADD CONSTRAINT "diagnostic_reports_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_settings" ADD CONSTRAINT "diagnostic_settings_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_groups" ADD CONSTRAINT "finding_groups_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_votes" ADD CONSTRAINT "finding_votes_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_votes" ADD CONSTRAINT "finding_votes_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_group_id_finding_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."finding_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_merged_into_findings_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_indicators_key_idx" ON "custom_indicators" USING btree ("territory_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostic_reports_version_idx" ON "diagnostic_reports" USING btree ("territory_id","version");--> statement-breakpoint
CREATE INDEX "findings_territory_idx" ON "findings" USING btree ("territory_id","kind");