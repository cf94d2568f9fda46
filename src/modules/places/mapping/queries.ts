import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { importMappings } from "./schema";

// Tenancy: every query here takes the territory id and puts it in its where (decision 002).

export type SavedMapping = typeof importMappings.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isMappingId = (id: string) => UUID.test(id);

/** The territory's saved mappings, by name. */
export async function listMappings(db: Executor, territoryId: string): Promise<SavedMapping[]> {
  return db.select().from(importMappings).where(eq(importMappings.territoryId, territoryId)).orderBy(asc(importMappings.name), asc(importMappings.id));
}

/** One saved mapping of the territory; undefined for another territory's (or an unknown id). */
export async function findMapping(db: Executor, territoryId: string, id: string): Promise<SavedMapping | undefined> {
  if (!isMappingId(id)) return undefined;
  const [row] = await db.select().from(importMappings).where(and(eq(importMappings.territoryId, territoryId), eq(importMappings.id, id)));
  return row;
}

export async function findMappingByName(db: Executor, territoryId: string, name: string): Promise<SavedMapping | undefined> {
  const [row] = await db.select().from(importMappings).where(and(eq(importMappings.territoryId, territoryId), eq(importMappings.name, name)));
  return row;
}
