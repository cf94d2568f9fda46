CREATE TYPE "public"."governance_action_status" AS ENUM('idee', 'planifiee', 'en_cours', 'en_pause', 'bloquee', 'en_retard', 'terminee', 'abandonnee');--> statement-breakpoint
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
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_status_citations" ADD CONSTRAINT "action_status_citations_changed_by_id_user_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contacts" ADD CONSTRAINT "coordination_contacts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contacts" ADD CONSTRAINT "coordination_contacts_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_status_citations_lineage_idx" ON "action_status_citations" USING btree ("territory_id","action_lineage_id","changed_at");--> statement-breakpoint
CREATE INDEX "action_status_citations_decision_idx" ON "action_status_citations" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "coordination_contacts_territory_idx" ON "coordination_contacts" USING btree ("territory_id","position");