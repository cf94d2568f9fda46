CREATE TYPE "public"."group_rhythm" AS ENUM('mensuel', 'bimestriel', 'trimestriel', 'semestriel', 'annuel', 'ponctuel');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('hausse', 'baisse', 'maintien');--> statement-breakpoint
CREATE TYPE "public"."indicator_periodicity" AS ENUM('mensuelle', 'trimestrielle', 'semestrielle', 'annuelle');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('manuel', 'calcule');--> statement-breakpoint
CREATE TYPE "public"."indicator_unit" AS ENUM('nombre', 'pourcentage', 'euros', 'heures', 'jours', 'personnes', 'lieux', 'ratio');--> statement-breakpoint
CREATE TYPE "public"."charter_kind" AS ENUM('charte', 'contrat');--> statement-breakpoint
CREATE TYPE "public"."charter_section_kind" AS ENUM('preambule', 'diagnostic', 'vision', 'plan', 'gouvernance', 'dispositions');--> statement-breakpoint
CREATE TYPE "public"."charter_version_status" AS ENUM('brouillon', 'soumise', 'signee', 'remplacee');--> statement-breakpoint
CREATE TYPE "public"."commitment_action_role" AS ENUM('pilote', 'soutien');--> statement-breakpoint
CREATE TYPE "public"."accompaniment_kind" AS ENUM('individuel', 'collectif');--> statement-breakpoint
CREATE TYPE "public"."accompaniment_origin" AS ENUM('saisie', 'import', 'demo');--> statement-breakpoint
CREATE TYPE "public"."accompaniment_setting" AS ENUM('lieu', 'domicile', 'distance');--> statement-breakpoint
CREATE TYPE "public"."autonomy_level" AS ENUM('entierement', 'partiellement', 'pas_autonome');--> statement-breakpoint
ALTER TYPE "public"."group_kind" ADD VALUE 'comite_pilotage';--> statement-breakpoint
ALTER TYPE "public"."group_kind" ADD VALUE 'comite_technique';--> statement-breakpoint
ALTER TYPE "public"."group_kind" ADD VALUE 'coordination';--> statement-breakpoint
ALTER TYPE "public"."group_kind" ADD VALUE 'autre_instance';--> statement-breakpoint
ALTER TYPE "public"."group_role" ADD VALUE 'president';--> statement-breakpoint
ALTER TYPE "public"."group_role" ADD VALUE 'co_porteur';--> statement-breakpoint
CREATE TABLE "indicator_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"is_estimate" boolean DEFAULT false NOT NULL,
	"computed" boolean DEFAULT false NOT NULL,
	"entered_by" text,
	"entered_by_label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"objective_id" uuid,
	"action_lineage_id" uuid,
	"name" text NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"unit" "indicator_unit" NOT NULL,
	"direction" "indicator_direction" DEFAULT 'hausse' NOT NULL,
	"baseline_value" double precision,
	"baseline_on" date,
	"periodicity" "indicator_periodicity" DEFAULT 'annuelle' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"source" "indicator_source" DEFAULT 'manuel' NOT NULL,
	"computed_key" text,
	"computed_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"owner_actor_id" uuid,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_commitment_actions" (
	"commitment_id" uuid NOT NULL,
	"action_lineage_id" uuid NOT NULL,
	"role" "commitment_action_role" DEFAULT 'soutien' NOT NULL,
	CONSTRAINT "charter_commitment_actions_commitment_id_action_lineage_id_pk" PRIMARY KEY("commitment_id","action_lineage_id")
);
--> statement-breakpoint
CREATE TABLE "charter_commitment_indicators" (
	"commitment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "charter_commitment_indicators_commitment_id_indicator_id_pk" PRIMARY KEY("commitment_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "charter_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"lineage_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"money_euros" integer,
	"in_kind_days" double precision,
	"in_kind_text" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"signatory_user_id" text,
	"signatory_name" text DEFAULT '' NOT NULL,
	"signatory_title" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_sections" (
	"version_id" uuid NOT NULL,
	"kind" charter_section_kind NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_sections_version_id_kind_pk" PRIMARY KEY("version_id","kind")
);
--> statement-breakpoint
CREATE TABLE "charter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" charter_version_status DEFAULT 'brouillon' NOT NULL,
	"content" jsonb,
	"content_sha256" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"published_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" charter_kind DEFAULT 'charte' NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_commitments" (
	"decision_id" uuid NOT NULL,
	"commitment_lineage_id" uuid NOT NULL,
	CONSTRAINT "decision_commitments_decision_id_commitment_lineage_id_pk" PRIMARY KEY("decision_id","commitment_lineage_id")
);
--> statement-breakpoint
CREATE TABLE "accompaniment_stats" (
	"territory_id" uuid NOT NULL,
	"month" date NOT NULL,
	"place_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accompaniments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"actor_id" uuid,
	"occurred_on" date NOT NULL,
	"kind" "accompaniment_kind" NOT NULL,
	"people" integer NOT NULL,
	"duration_minutes" integer NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"equipment" text[] DEFAULT '{}' NOT NULL,
	"setting" "accompaniment_setting" DEFAULT 'lieu' NOT NULL,
	"autonomy" "autonomy_level",
	"oriented_to_place_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"level" text,
	"age_bands" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"statuses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" "accompaniment_origin" DEFAULT 'saisie' NOT NULL,
	"client_id" uuid,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "rhythm" "group_rhythm";--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_measurements" ADD CONSTRAINT "indicator_measurements_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_objective_id_strategy_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategy_objectives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_actor_id_actors_id_fk" FOREIGN KEY ("owner_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_commitment_actions" ADD CONSTRAINT "charter_commitment_actions_commitment_id_charter_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."charter_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_commitment_indicators" ADD CONSTRAINT "charter_commitment_indicators_commitment_id_charter_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."charter_commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_commitment_indicators" ADD CONSTRAINT "charter_commitment_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_commitments" ADD CONSTRAINT "charter_commitments_version_id_charter_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."charter_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_commitments" ADD CONSTRAINT "charter_commitments_partner_id_charter_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."charter_partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_partners" ADD CONSTRAINT "charter_partners_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_partners" ADD CONSTRAINT "charter_partners_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_partners" ADD CONSTRAINT "charter_partners_signatory_user_id_user_id_fk" FOREIGN KEY ("signatory_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_sections" ADD CONSTRAINT "charter_sections_version_id_charter_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."charter_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charters" ADD CONSTRAINT "charters_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_commitments" ADD CONSTRAINT "decision_commitments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniment_stats" ADD CONSTRAINT "accompaniment_stats_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_oriented_to_place_id_places_id_fk" FOREIGN KEY ("oriented_to_place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_measurements_indicator_idx" ON "indicator_measurements" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_period_idx" ON "indicator_targets" USING btree ("indicator_id","period_end");--> statement-breakpoint
CREATE INDEX "indicators_territory_idx" ON "indicators" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "indicators_objective_idx" ON "indicators" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "indicators_action_idx" ON "indicators" USING btree ("action_lineage_id");--> statement-breakpoint
CREATE INDEX "charter_commitment_actions_action_idx" ON "charter_commitment_actions" USING btree ("action_lineage_id");--> statement-breakpoint
CREATE INDEX "charter_commitment_indicators_indicator_idx" ON "charter_commitment_indicators" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "charter_commitments_version_idx" ON "charter_commitments" USING btree ("version_id","partner_id");--> statement-breakpoint
CREATE INDEX "charter_commitments_lineage_idx" ON "charter_commitments" USING btree ("lineage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_partners_actor_idx" ON "charter_partners" USING btree ("charter_id","actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_number_idx" ON "charter_versions" USING btree ("charter_id","number");--> statement-breakpoint
CREATE INDEX "charter_versions_territory_idx" ON "charter_versions" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "charters_territory_idx" ON "charters" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accompaniment_stats_key_idx" ON "accompaniment_stats" USING btree ("territory_id","month","place_id","dimension","value");--> statement-breakpoint
CREATE INDEX "accompaniment_stats_dimension_idx" ON "accompaniment_stats" USING btree ("territory_id","dimension","month");--> statement-breakpoint
CREATE INDEX "accompaniments_territory_day_idx" ON "accompaniments" USING btree ("territory_id","occurred_on");--> statement-breakpoint
CREATE INDEX "accompaniments_place_idx" ON "accompaniments" USING btree ("place_id","occurred_on");--> statement-breakpoint
CREATE INDEX "accompaniments_recorder_idx" ON "accompaniments" USING btree ("recorded_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accompaniments_client_idx" ON "accompaniments" USING btree ("territory_id","client_id");