CREATE TYPE "public"."territory_status" AS ENUM('pending', 'verified', 'refused', 'suspended');--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "status" "territory_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "status_changed_by" text;--> statement-breakpoint
ALTER TABLE "territories" ADD COLUMN "status_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "territories" ADD CONSTRAINT "territories_status_changed_by_user_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Existing territories: the demo and those opened by the system (command line) are verified; the
-- others, opened by anyone before verification existed, go to the administrators' queue (decision 006).
UPDATE "territories" SET "status" = 'verified', "status_changed_at" = now(), "status_reason" = 'Vérifié lors de la mise à jour (démonstration ou ligne de commande).' WHERE "is_demo" OR "created_by" IS NULL;--> statement-breakpoint
CREATE TABLE "territory_actors" (
	"territory_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"status" "actor_status" DEFAULT 'to_mobilise' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territory_actors_territory_id_actor_id_pk" PRIMARY KEY("territory_id","actor_id")
);
--> statement-breakpoint
ALTER TABLE "territory_actors" ADD CONSTRAINT "territory_actors_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_actors" ADD CONSTRAINT "territory_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "territory_actors_actor_idx" ON "territory_actors" USING btree ("actor_id");--> statement-breakpoint
-- The territory that owns what was written about an actor before ownership existed: the territory
-- the write was made from (audit log), else the oldest verified territory that sees the actor.
CREATE TEMPORARY TABLE "legacy_owner" AS
SELECT a."id" AS "actor_id", coalesce(
  (SELECT e."territory_id" FROM "audit_events" e JOIN "territories" t ON t."id" = e."territory_id"
   WHERE e."entity_type" = 'actor' AND e."entity_id" = a."id"::text ORDER BY e."at" DESC, e."id" DESC LIMIT 1),
  (SELECT t."id" FROM "territories" t
   WHERE EXISTS (SELECT 1 FROM "territory_communes" tc WHERE tc."territory_id" = t."id"
     AND (tc."commune_code" = a."commune_code" OR tc."commune_code" IN (SELECT ac."commune_code" FROM "actor_communes" ac WHERE ac."actor_id" = a."id")))
   ORDER BY (t."status" = 'verified') DESC, t."created_at", t."id" LIMIT 1)
) AS "territory_id"
FROM "actors" a;--> statement-breakpoint
INSERT INTO "territory_actors" ("territory_id", "actor_id", "status")
SELECT o."territory_id", a."id", a."status" FROM "actors" a JOIN "legacy_owner" o ON o."actor_id" = a."id"
WHERE a."status" <> 'to_mobilise' AND o."territory_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "actor_contacts" ADD COLUMN "territory_id" uuid;--> statement-breakpoint
UPDATE "actor_contacts" c SET "territory_id" = coalesce(
  (SELECT e."territory_id" FROM "audit_events" e JOIN "territories" t ON t."id" = e."territory_id"
   WHERE e."entity_type" = 'actor_contact' AND e."entity_id" = c."id"::text AND e."action" = 'create' ORDER BY e."at" DESC LIMIT 1),
  (SELECT o."territory_id" FROM "legacy_owner" o WHERE o."actor_id" = c."actor_id"));--> statement-breakpoint
-- A contact of an actor that no territory sees could be read by nobody: it is not kept.
DELETE FROM "actor_contacts" WHERE "territory_id" IS NULL;--> statement-breakpoint
ALTER TABLE "actor_contacts" ALTER COLUMN "territory_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "actor_contacts" ADD CONSTRAINT "actor_contacts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_contacts_owner_idx" ON "actor_contacts" USING btree ("territory_id","actor_id");--> statement-breakpoint
-- Partners: an actor whose person (a partner or coordinator member of a territory) was named to speak
-- for it joined that territory; so did an actor whose self-assessment was recorded from a territory,
-- and the demo's actors (seeded or self-assessed for the demo), in the demo territory that sees them.
INSERT INTO "territory_actors" ("territory_id", "actor_id", "joined_at")
SELECT DISTINCT m."territory_id", am."actor_id", now()
FROM "actor_members" am JOIN "memberships" m ON m."user_id" = am."user_id" AND m."role" IN ('partner', 'coordinator')
ON CONFLICT ("territory_id", "actor_id") DO UPDATE SET "joined_at" = excluded."joined_at";--> statement-breakpoint
INSERT INTO "territory_actors" ("territory_id", "actor_id", "joined_at")
SELECT DISTINCT e."territory_id", ma."actor_id", now()
FROM "audit_events" e JOIN "maturity_assessments" ma ON ma."id"::text = e."entity_id" JOIN "territories" t ON t."id" = e."territory_id"
WHERE e."entity_type" = 'maturity_assessment' AND e."action" = 'create'
ON CONFLICT ("territory_id", "actor_id") DO UPDATE SET "joined_at" = coalesce("territory_actors"."joined_at", excluded."joined_at");--> statement-breakpoint
INSERT INTO "territory_actors" ("territory_id", "actor_id", "joined_at")
SELECT DISTINCT t."id", a."id", now()
FROM "actors" a JOIN "territories" t ON t."is_demo"
WHERE (a."source" = 'demo' OR EXISTS (SELECT 1 FROM "maturity_assessments" ma WHERE ma."actor_id" = a."id" AND ma."demo")) AND EXISTS (SELECT 1 FROM "territory_communes" tc WHERE tc."territory_id" = t."id"
  AND (tc."commune_code" = a."commune_code" OR tc."commune_code" IN (SELECT ac."commune_code" FROM "actor_communes" ac WHERE ac."actor_id" = a."id")))
ON CONFLICT ("territory_id", "actor_id") DO UPDATE SET "joined_at" = coalesce("territory_actors"."joined_at", excluded."joined_at");--> statement-breakpoint
DROP TABLE "legacy_owner";--> statement-breakpoint
ALTER TABLE "actors" DROP COLUMN "status";
