import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { requireTerritoryId } from "@/modules/territories";
import { findings } from "@/modules/findings";
import { objectiveFindings, strategyAxes, strategyObjectives, strategyVisions, type Horizon } from "./schema";

export type Axis = { id: string; title: string; description: string; position: number };
export type Objective = {
  id: string;
  title: string;
  description: string;
  horizon: Horizon;
  axisId: string | null;
  themes: string[];
  position: number;
  /** The findings that justify it, in the order of the territory's findings list (ids). */
  findingIds: string[];
  updatedAt: Date;
};
export type Strategy = { vision: { text: string; updatedAt: Date; updatedBy: string } | null; axes: Axis[]; objectives: Objective[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The territory's whole strategy in three queries: vision, axes, objectives with their findings. */
export async function strategyOf(db: Executor, territoryId: string): Promise<Strategy> {
  requireTerritoryId(territoryId);
  const [vision] = await db
    .select({ text: strategyVisions.text, updatedAt: strategyVisions.updatedAt, updatedBy: strategyVisions.updatedBy })
    .from(strategyVisions)
    .where(eq(strategyVisions.territoryId, territoryId));
  const axes = await db
    .select({ id: strategyAxes.id, title: strategyAxes.title, description: strategyAxes.description, position: strategyAxes.position })
    .from(strategyAxes)
    .where(eq(strategyAxes.territoryId, territoryId))
    .orderBy(asc(strategyAxes.position), asc(strategyAxes.createdAt));
  const rows = await db
    .select({
      id: strategyObjectives.id,
      title: strategyObjectives.title,
      description: strategyObjectives.description,
      horizon: strategyObjectives.horizon,
      axisId: strategyObjectives.axisId,
      themes: strategyObjectives.themes,
      position: strategyObjectives.position,
      updatedAt: strategyObjectives.updatedAt,
      findingId: objectiveFindings.findingId,
    })
    .from(strategyObjectives)
    .leftJoin(objectiveFindings, eq(objectiveFindings.objectiveId, strategyObjectives.id))
    .where(eq(strategyObjectives.territoryId, territoryId))
    .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.createdAt), asc(objectiveFindings.findingId));
  const objectives = new Map<string, Objective>();
  for (const { findingId, ...o } of rows) {
    let objective = objectives.get(o.id);
    if (!objective) objectives.set(o.id, (objective = { ...o, findingIds: [] }));
    if (findingId) objective.findingIds.push(findingId);
  }
  return { vision: vision ?? null, axes, objectives: [...objectives.values()] };
}

export async function findObjective(db: Executor, territoryId: string, id: string) {
  requireTerritoryId(territoryId);
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(strategyObjectives).where(and(eq(strategyObjectives.id, id), eq(strategyObjectives.territoryId, territoryId)));
  return row;
}

export async function findAxis(db: Executor, territoryId: string, id: string) {
  requireTerritoryId(territoryId);
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(strategyAxes).where(and(eq(strategyAxes.id, id), eq(strategyAxes.territoryId, territoryId)));
  return row;
}

/** Which of these findings belong to the territory (the others are refused by the commands). */
export async function territoryFindingIds(db: Executor, territoryId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: findings.id }).from(findings).where(and(eq(findings.territoryId, territoryId), inArray(findings.id, ids)));
  return new Set(rows.map((r) => r.id));
}
