CREATE TYPE "public"."funding_resource_kind" AS ENUM('centre_ressources', 'reseau', 'projet', 'outil');--> statement-breakpoint
CREATE TABLE "funding_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid,
	"reference_key" text,
	"name" text NOT NULL,
	"kind" "funding_resource_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funding_resources" ADD CONSTRAINT "funding_resources_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_resources_territory_idx" ON "funding_resources" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_resources_reference_key" ON "funding_resources" USING btree ("reference_key");