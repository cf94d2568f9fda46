/**
 * The versions of a territory's plan: one reader for the write side (the plan page, the versions page,
 * the commands) and the read side (views, exports, CLI), and the content revision every plan write bumps.
 */
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { planVersions } from "./schema";

export type PlanVersionSummary = {
  id: string;
  number: number;
  title: string;
  kind: "annuel" | "pluriannuel";
  startYear: number;
  endYear: number;
  frozenAt: Date | null;
  publishedAt: Date | null;
  /** Bumped by every write of the version or its content (bumpPlanRevision): the read side's cache key. */
  contentRevision: number;
  /** Number of actions in the version. */
  actions: number;
};

export const versionColumns = {
  id: planVersions.id,
  number: planVersions.number,
  title: planVersions.title,
  kind: planVersions.kind,
  startYear: planVersions.startYear,
  endYear: planVersions.endYear,
  frozenAt: planVersions.frozenAt,
  publishedAt: planVersions.publishedAt,
  contentRevision: planVersions.contentRevision,
  // With the territory in the condition, the count is read from plan_actions_version_idx alone.
  actions: sql<number>`(select count(*)::int from plan_actions a where a.territory_id = "plan_versions"."territory_id" and a.version_id = "plan_versions"."id")`,
};

/** The territory's versions, newest first. */
export async function listPlanVersions(db: Executor, territoryId: string): Promise<PlanVersionSummary[]> {
  return db.select(versionColumns).from(planVersions).where(eq(planVersions.territoryId, territoryId)).orderBy(desc(planVersions.number));
}

/** Version `number`, or without it the working one (the latest: the one new actions go to, or the last frozen). */
export async function findPlanVersion(db: Executor, territoryId: string, number?: number): Promise<PlanVersionSummary | undefined> {
  const where = number === undefined ? eq(planVersions.territoryId, territoryId) : and(eq(planVersions.territoryId, territoryId), eq(planVersions.number, number));
  const [row] = await db.select(versionColumns).from(planVersions).where(where).orderBy(desc(planVersions.number)).limit(1);
  return row;
}

/** The version the territory shows to the public (the latest published one), if any. */
export async function publishedPlanVersion(db: Executor, territoryId: string): Promise<PlanVersionSummary | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(planVersions)
    .where(and(eq(planVersions.territoryId, territoryId), isNotNull(planVersions.publishedAt)))
    .orderBy(desc(planVersions.publishedAt), desc(planVersions.number))
    .limit(1);
  return row;
}

/**
 * Bumps the content revision of a version of the territory, inside the caller's transaction: every write of
 * the version or of what it holds calls it, so that the views computed from the version (read.ts) are
 * recomputed at the next request. It takes the version row's lock: writes to one version are ordered, and an
 * edit waits for a freeze running at the same moment (then sees it). Returns whether the version is frozen.
 */
export async function bumpPlanRevision(tx: Executor, territoryId: string, versionId: string): Promise<{ frozen: boolean } | undefined> {
  const [row] = await tx
    .update(planVersions)
    .set({ contentRevision: sql`${planVersions.contentRevision} + 1` })
    .where(and(eq(planVersions.id, versionId), eq(planVersions.territoryId, territoryId)))
    .returning({ frozenAt: planVersions.frozenAt });
  return row ? { frozen: row.frozenAt !== null } : undefined;
}

/** Every version of the territory: for what all of them show (the in-kind valuation). */
export async function bumpTerritoryPlanRevisions(tx: Executor, territoryId: string): Promise<void> {
  await tx
    .update(planVersions)
    .set({ contentRevision: sql`${planVersions.contentRevision} + 1` })
    .where(eq(planVersions.territoryId, territoryId));
}
