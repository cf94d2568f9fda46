CREATE TYPE "public"."proposal_kind" AS ENUM('new', 'correction');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "place_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"place_id" uuid,
	"kind" "proposal_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "proposal_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"contact_email" text
);
--> statement-breakpoint
ALTER TABLE "place_proposals" ADD CONSTRAINT "place_proposals_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_proposals" ADD CONSTRAINT "place_proposals_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "place_proposals_queue_idx" ON "place_proposals" USING btree ("territory_id","status","created_at");--> statement-breakpoint
CREATE INDEX "place_proposals_place_idx" ON "place_proposals" USING btree ("place_id");