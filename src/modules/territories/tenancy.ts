import { and, eq, inArray, sql, type Column, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { territoryCommunes } from "./schema";

/**
 * Tenancy by perimeter, written once: every read that keeps a territory's data to the communes of its
 * perimeter goes through these builders. The territory id is required twice: by the types (the
 * parameter is a `string`, never optional, so `territory?.id` does not compile) and at run time (an
 * empty id throws `territory_required` instead of reading every territory's data, or none silently).
 */
export function requireTerritoryId(territoryId: string | null | undefined): string {
  if (typeof territoryId !== "string" || territoryId.trim() === "") throw new AppError("territory_required");
  return territoryId;
}

/** The perimeter's commune codes, as a subquery: `inArray(column, perimeterCodes(db, id))`. */
export function perimeterCodes(db: Executor, territoryId: string) {
  const id = requireTerritoryId(territoryId);
  return db.select({ c: territoryCommunes.communeCode }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, id));
}

/** The condition "the commune in `column` lies in the territory's perimeter". */
export function inPerimeterOf(db: Executor, territoryId: string, column: Column): SQL {
  return inArray(column, perimeterCodes(db, territoryId));
}

/**
 * The join onto the perimeter for the commune in `column`, to spread into `innerJoin`:
 * `.innerJoin(...perimeterJoin(id, communes.code))` keeps the rows whose commune is in the perimeter.
 */
export function perimeterJoin(territoryId: string, column: Column) {
  const id = requireTerritoryId(territoryId);
  // `and` of two conditions is never undefined; the fallback keeps the type honest and fails closed.
  return [territoryCommunes, and(eq(territoryCommunes.territoryId, id), eq(territoryCommunes.communeCode, column)) ?? sql`false`] as const;
}

/** Which of `codes` lie in the territory's perimeter (none asked, none read). */
export async function perimeterAmong(db: Executor, territoryId: string, codes: readonly string[]): Promise<string[]> {
  const id = requireTerritoryId(territoryId);
  if (codes.length === 0) return [];
  const rows = await db
    .select({ c: territoryCommunes.communeCode })
    .from(territoryCommunes)
    .where(and(eq(territoryCommunes.territoryId, id), inArray(territoryCommunes.communeCode, [...codes])));
  return rows.map((r) => r.c);
}
