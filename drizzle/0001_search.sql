-- Accent- and case-insensitive search (communes, EPCI, départements, régions; later actors and places).
-- Both extensions are "trusted" since PostgreSQL 13: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "communes_search_trgm_idx" ON "communes" USING gin ("search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "epcis_search_trgm_idx" ON "epcis" USING gin ("search" gin_trgm_ops);
