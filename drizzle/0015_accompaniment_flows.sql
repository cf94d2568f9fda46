CREATE TABLE "accompaniment_flows" (
	"territory_id" uuid NOT NULL,
	"grain" smallint NOT NULL,
	"start" integer NOT NULL,
	"from_place_id" uuid NOT NULL,
	"to_place_id" uuid NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accompaniment_flows" ADD CONSTRAINT "accompaniment_flows_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- INCLUDE written by hand (drizzle-kit cannot say it): a period's flows are read by an index-only scan, not one
-- heap page per flow (10,000 flows were 10,000 heap pages: bench/RESULTS.md, session 9).
CREATE UNIQUE INDEX "accompaniment_flows_key_idx" ON "accompaniment_flows" USING btree ("territory_id","grain","start","from_place_id","to_place_id") INCLUDE ("records","people");--> statement-breakpoint
CREATE INDEX "accompaniment_stats_total_idx" ON "accompaniment_stats" USING btree ("territory_id","month","place_id","records","people","minutes") WHERE dimension = 'total';--> statement-breakpoint
-- Backfill (decision 029 amended): every orientation already recorded, counted in the block of each of the 17
-- grains that contains its month — the sums aggregateIn would have added record by record (flows.ts).
INSERT INTO "accompaniment_flows" ("territory_id", "grain", "start", "from_place_id", "to_place_id", "records", "people")
SELECT a."territory_id", g.grain, m.idx - (m.idx % (1 << g.grain)), a."place_id", a."oriented_to_place_id", count(*), sum(a."people")
FROM "accompaniments" a
CROSS JOIN LATERAL (SELECT ((extract(year FROM a."occurred_on")::int - 1) * 12 + extract(month FROM a."occurred_on")::int - 1) AS idx) m
CROSS JOIN generate_series(0, 16) AS g(grain)
WHERE a."oriented_to_place_id" IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
-- The flows were read from the place level's "orientation" rows until now: they live in their own table.
DELETE FROM "accompaniment_stats" WHERE "dimension" = 'orientation';
