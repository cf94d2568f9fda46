CREATE TYPE "public"."objective_horizon" AS ENUM('court', 'moyen', 'long');--> statement-breakpoint
CREATE TYPE "public"."funding_aid_kind" AS ENUM('subvention', 'pret', 'ingenierie', 'appel_a_projets', 'cheque', 'mecenat', 'budget_propre', 'autre');--> statement-breakpoint
CREATE TYPE "public"."funding_deadline_kind" AS ENUM('pre_depot', 'depot', 'decision', 'autre');--> statement-breakpoint
CREATE TYPE "public"."funding_scope_kind" AS ENUM('national', 'region', 'departement', 'epci', 'communes');--> statement-breakpoint
CREATE TYPE "public"."plan_action_status" AS ENUM('idee', 'planifiee', 'en_cours', 'en_pause', 'bloquee', 'en_retard', 'terminee', 'abandonnee');--> statement-breakpoint
CREATE TYPE "public"."plan_funding_status" AS ENUM('envisage', 'demande', 'accorde', 'verse', 'refuse');--> statement-breakpoint
CREATE TYPE "public"."plan_in_kind_kind" AS ENUM('temps_agent', 'salle', 'materiel', 'benevolat', 'autre');--> statement-breakpoint
CREATE TYPE "public"."plan_kind" AS ENUM('annuel', 'pluriannuel');--> statement-breakpoint
CREATE TYPE "public"."group_kind" AS ENUM('groupe_de_travail', 'commission', 'comite', 'atelier');--> statement-breakpoint
CREATE TYPE "public"."group_role" AS ENUM('animateur', 'membre', 'invite');--> statement-breakpoint
CREATE TABLE "strategy_objective_findings" (
	"objective_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	CONSTRAINT "strategy_objective_findings_objective_id_finding_id_pk" PRIMARY KEY("objective_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_axes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"axis_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"horizon" "objective_horizon" NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_visions" (
	"territory_id" uuid PRIMARY KEY NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" "funding_deadline_kind" NOT NULL,
	"date" date NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid,
	"reference_key" text,
	"name" text NOT NULL,
	"funder" text DEFAULT '' NOT NULL,
	"aid_kind" "funding_aid_kind" NOT NULL,
	"finances" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"bearers" text[] DEFAULT '{}' NOT NULL,
	"publics" text[] DEFAULT '{}' NOT NULL,
	"scope_kind" "funding_scope_kind" DEFAULT 'national' NOT NULL,
	"scope_codes" text[] DEFAULT '{}' NOT NULL,
	"rate_min" numeric(5, 2),
	"rate_max" numeric(5, 2),
	"amount_min" numeric(14, 2),
	"amount_max" numeric(14, 2),
	"rhythm" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"indicator_key" text,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_action_objectives" (
	"action_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	CONSTRAINT "plan_action_objectives_action_id_objective_id_pk" PRIMARY KEY("action_id","objective_id")
);
--> statement-breakpoint
CREATE TABLE "plan_action_partners" (
	"action_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_action_partners_action_id_actor_id_pk" PRIMARY KEY("action_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "plan_action_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"lineage_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"axis_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_actor_id" uuid,
	"publics" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"communes" text[] DEFAULT '{}' NOT NULL,
	"start_month" date,
	"end_month" date,
	"status" "plan_action_status" DEFAULT 'idee' NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"origin" text DEFAULT 'typed' NOT NULL,
	"origin_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item" text NOT NULL,
	"planned" numeric(14, 2) DEFAULT 0 NOT NULL,
	"actual" numeric(14, 2)
);
--> statement-breakpoint
CREATE TABLE "plan_fundings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"source_id" uuid,
	"funder_label" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"status" "plan_funding_status" NOT NULL,
	"amount" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_in_kind" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" "plan_in_kind_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"days" numeric(10, 2),
	"value_euros" numeric(14, 2)
);
--> statement-breakpoint
CREATE TABLE "plan_settings" (
	"territory_id" uuid PRIMARY KEY NOT NULL,
	"in_kind_unit" text DEFAULT 'euros' NOT NULL,
	"day_value_euros" numeric(10, 2) DEFAULT 300 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"kind" "plan_kind" NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_by" text,
	"published_at" timestamp with time zone,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"email" text,
	"actor_id" uuid,
	"role" "group_role" DEFAULT 'membre' NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"kind" "group_kind" NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategy_objective_findings" ADD CONSTRAINT "strategy_objective_findings_objective_id_strategy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objective_findings" ADD CONSTRAINT "strategy_objective_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_axes" ADD CONSTRAINT "strategy_axes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_objectives" ADD CONSTRAINT "strategy_objectives_axis_id_strategy_axes_id_fk" FOREIGN KEY ("axis_id") REFERENCES "public"."strategy_axes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_visions" ADD CONSTRAINT "strategy_visions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_deadlines" ADD CONSTRAINT "funding_deadlines_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_deadlines" ADD CONSTRAINT "funding_deadlines_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_documents" ADD CONSTRAINT "plan_action_documents_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_indicators" ADD CONSTRAINT "plan_action_indicators_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_objectives" ADD CONSTRAINT "plan_action_objectives_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_objectives" ADD CONSTRAINT "plan_action_objectives_objective_id_strategy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_partners" ADD CONSTRAINT "plan_action_partners_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_partners" ADD CONSTRAINT "plan_action_partners_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_steps" ADD CONSTRAINT "plan_action_steps_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_axis_id_strategy_axes_id_fk" FOREIGN KEY ("axis_id") REFERENCES "public"."strategy_axes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_lead_actor_id_actors_id_fk" FOREIGN KEY ("lead_actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_budget_lines" ADD CONSTRAINT "plan_budget_lines_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_fundings" ADD CONSTRAINT "plan_fundings_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_fundings" ADD CONSTRAINT "plan_fundings_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_in_kind" ADD CONSTRAINT "plan_in_kind_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_in_kind" ADD CONSTRAINT "plan_in_kind_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_settings" ADD CONSTRAINT "plan_settings_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategy_objective_findings_finding_idx" ON "strategy_objective_findings" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "strategy_axes_territory_idx" ON "strategy_axes" USING btree ("territory_id","position");--> statement-breakpoint
CREATE INDEX "strategy_objectives_territory_idx" ON "strategy_objectives" USING btree ("territory_id","position");--> statement-breakpoint
CREATE INDEX "funding_deadlines_territory_idx" ON "funding_deadlines" USING btree ("territory_id","date");--> statement-breakpoint
CREATE INDEX "funding_sources_territory_idx" ON "funding_sources" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_sources_reference_key" ON "funding_sources" USING btree ("reference_key");--> statement-breakpoint
CREATE INDEX "plan_action_indicators_action_idx" ON "plan_action_indicators" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "plan_action_objectives_objective_idx" ON "plan_action_objectives" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "plan_action_steps_action_idx" ON "plan_action_steps" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "plan_actions_version_idx" ON "plan_actions" USING btree ("territory_id","version_id","axis_id","position");--> statement-breakpoint
CREATE INDEX "plan_actions_lead_idx" ON "plan_actions" USING btree ("lead_actor_id");--> statement-breakpoint
CREATE INDEX "plan_budget_lines_action_idx" ON "plan_budget_lines" USING btree ("action_id","year");--> statement-breakpoint
CREATE INDEX "plan_fundings_action_idx" ON "plan_fundings" USING btree ("action_id","year");--> statement-breakpoint
CREATE INDEX "plan_fundings_source_idx" ON "plan_fundings" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "plan_in_kind_action_idx" ON "plan_in_kind" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_territory_number" ON "plan_versions" USING btree ("territory_id","number");--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "group_members_user_idx" ON "group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "groups_territory_idx" ON "groups" USING btree ("territory_id");