import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { planActionObjectives, planActions, planVersions } from "@/modules/plan";
import type { StrategyUsage } from "@/modules/strategy";

/** "Titre (version 2)": the same action may exist in several versions of the plan, frozen ones included. */
const named = (rows: { title: string; version: number }[]) => rows.map((r) => `${r.title} (version ${r.version})`);

/**
 * What still points to an axis or an objective: the actions of the plan, any version (a frozen version keeps
 * its links, and the restrict foreign keys refuse the delete for them too). Plan is above strategy, so this
 * reader lives here and is handed to strategy's delete commands (decision 024).
 */
export const strategyUsage: StrategyUsage = {
  async actionsOfObjective(tx: Executor, territoryId: string, objectiveId: string) {
    const rows = await tx
      .select({ title: planActions.title, version: planVersions.number })
      .from(planActionObjectives)
      .innerJoin(planActions, eq(planActions.id, planActionObjectives.actionId))
      .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
      .where(and(eq(planActionObjectives.objectiveId, objectiveId), eq(planActions.territoryId, territoryId)))
      .orderBy(asc(planVersions.number), asc(planActions.position), asc(planActions.title));
    return named(rows);
  },
  async actionsOfAxis(tx: Executor, territoryId: string, axisId: string) {
    const rows = await tx
      .select({ title: planActions.title, version: planVersions.number })
      .from(planActions)
      .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
      .where(and(eq(planActions.axisId, axisId), eq(planActions.territoryId, territoryId)))
      .orderBy(asc(planVersions.number), asc(planActions.position), asc(planActions.title));
    return named(rows);
  },
};
