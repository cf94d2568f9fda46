import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import type { TerritoryRef } from "@/modules/territories";
import { planPolicy } from "./policy";
import { planActions, planVersions } from "./schema";
import { bumpPlanRevision } from "./versions";

/** The version new actions go to: the latest one not frozen, created (pluriannuel, this year + 2) when there is none. */
export async function workingVersionIn(tx: Executor, principal: Principal, territoryId: string, now = new Date()): Promise<{ id: string; number: number }> {
  const [latest] = await tx
    .select({ id: planVersions.id, number: planVersions.number, frozenAt: planVersions.frozenAt })
    .from(planVersions)
    .where(eq(planVersions.territoryId, territoryId))
    .orderBy(desc(planVersions.number))
    .limit(1);
  if (latest) {
    // Only writers ask for the working version: its revision is bumped (row locked) before the frozen check.
    const locked = await bumpPlanRevision(tx, territoryId, latest.id);
    if (latest.frozenAt || !locked || locked.frozen) throw new AppError("plan_frozen");
    return { id: latest.id, number: latest.number };
  }
  const year = now.getFullYear();
  const [created] = await tx
    .insert(planVersions)
    .values({ territoryId, number: 1, title: `Plan d'action ${year}–${year + 2}`, kind: "pluriannuel", startYear: year, endYear: year + 2, contentRevision: 1, createdBy: principalLabel(principal, { show: "email" }) })
    .returning({ id: planVersions.id, number: planVersions.number });
  if (!created) throw new Error("insert returned nothing");
  return created;
}

export type ActionDraftInput = { title: string; description?: string; origin: "proposal" | "decision"; originId: string };

/**
 * Adds an action draft (status « idée ») to the working version, inside the caller's transaction: the groups
 * module turns a proposal into a draft and marks the proposal in the same transaction (one write, one audit
 * event each). The draft keeps the link to what it came from (origin, originId).
 */
export async function addActionDraftIn(tx: Executor, principal: Principal, territory: TerritoryRef, input: ActionDraftInput): Promise<{ id: string }> {
  authorize(planPolicy.draft(principal, territory));
  const version = await workingVersionIn(tx, principal, territory.id);
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${planActions.position}), -1)::int + 1` })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territory.id), eq(planActions.versionId, version.id), isNull(planActions.axisId)));
  const by = principalLabel(principal, { show: "email" });
  const [row] = await tx
    .insert(planActions)
    .values({ territoryId: territory.id, versionId: version.id, title: input.title, description: input.description ?? "", status: "idee", origin: input.origin, originId: input.originId, position: next, createdBy: by, updatedBy: by })
    .returning({ id: planActions.id });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, principal, { territoryId: territory.id, entityType: "plan_action", entityId: row.id, action: "create", after: input });
  return row;
}
