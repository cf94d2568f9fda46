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
ALTER TABLE "accompaniment_territory_stats" ADD CONSTRAINT "accompaniment_territory_stats_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accompaniment_territory_stats_key_idx" ON "accompaniment_territory_stats" USING btree ("territory_id","dimension","month","value","shard");--> statement-breakpoint
CREATE INDEX "accompaniment_stats_place_idx" ON "accompaniment_stats" USING btree ("place_id","dimension","month");--> statement-breakpoint
-- Records written before this migration: their structure (a new dimension) at the place level, then the territory level (shard 0) from the place level.
INSERT INTO "accompaniment_stats" ("territory_id", "month", "place_id", "dimension", "value", "records", "people", "minutes")
SELECT "territory_id", date_trunc('month', "occurred_on")::date, "place_id", 'actor', "actor_id"::text, count(*), sum("people"), sum("duration_minutes")
FROM "accompaniments" WHERE "actor_id" IS NOT NULL GROUP BY 1, 2, 3, 5
ON CONFLICT ("territory_id", "month", "place_id", "dimension", "value") DO NOTHING;--> statement-breakpoint
INSERT INTO "accompaniment_territory_stats" ("territory_id", "month", "dimension", "value", "records", "people", "minutes")
SELECT "territory_id", "month", "dimension", "value", sum("records"), sum("people"), sum("minutes")
FROM "accompaniment_stats" WHERE "dimension" <> 'orientation' GROUP BY 1, 2, 3, 4;
