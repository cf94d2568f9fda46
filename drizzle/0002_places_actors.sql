CREATE TYPE "public"."actor_legal_type" AS ENUM('collectivite', 'etat', 'association', 'entreprise', 'enseignement', 'bailleur_social', 'autre');--> statement-breakpoint
CREATE TYPE "public"."actor_status" AS ENUM('engaged', 'to_mobilise');--> statement-breakpoint
CREATE TABLE "actor_communes" (
	"actor_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "actor_communes_actor_id_commune_code_pk" PRIMARY KEY("actor_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "actor_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "actor_members" (
	"actor_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "actor_members_actor_id_user_id_pk" PRIMARY KEY("actor_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"siret" text,
	"rna" text,
	"legal_type" "actor_legal_type" DEFAULT 'autre' NOT NULL,
	"worlds" text[] DEFAULT '{}' NOT NULL,
	"status" "actor_status" DEFAULT 'to_mobilise' NOT NULL,
	"commune_code" text,
	"public_email" text,
	"public_phone" text,
	"website" text,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'maillage' NOT NULL,
	"source_id" text,
	"search" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"actor_id" uuid,
	"commune_code" text,
	"name" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"services" text[] DEFAULT '{}' NOT NULL,
	"publics" text[] DEFAULT '{}' NOT NULL,
	"support" text[] DEFAULT '{}' NOT NULL,
	"fees" text[] DEFAULT '{}' NOT NULL,
	"access" text[] DEFAULT '{}' NOT NULL,
	"hours" text,
	"data" jsonb NOT NULL,
	"updated_on" date,
	"search" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_by" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actor_communes" ADD CONSTRAINT "actor_communes_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_communes" ADD CONSTRAINT "actor_communes_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_contacts" ADD CONSTRAINT "actor_contacts_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_members" ADD CONSTRAINT "actor_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_members" ADD CONSTRAINT "actor_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_communes_commune_idx" ON "actor_communes" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "actor_members_user_idx" ON "actor_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "actors_commune_idx" ON "actors" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "actors_source_idx" ON "actors" USING btree ("source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_source_idx" ON "places" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "places_commune_idx" ON "places" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "places_actor_idx" ON "places" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "places_services_idx" ON "places" USING gin ("services");