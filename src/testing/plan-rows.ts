/**
 * Plan rows written straight into the tables, for the read side's tests and the bench (the plan's own
 * commands are the write side's; these helpers only need rows to read). Inserts in batches so that a
 * 2,000-action plan with 20,000 budget lines loads in seconds.
 */
import type { Executor } from "@/platform/db/client";
import {
  planActionObjectives,
  planActionPartners,
  planActions,
  planActionSteps,
  planBudgetLines,
  planFundings,
  planInKind,
  planActionIndicators,
  planSettings,
  planVersions,
  type ActionStatus,
  type FundingStatus,
} from "@/modules/plan/schema";
import { bumpPlanRevision, bumpTerritoryPlanRevisions } from "@/modules/plan/versions";

export type ActionSpec = {
  title: string;
  axisId?: string | null;
  leadActorId?: string | null;
  status?: ActionStatus;
  startMonth?: string | null;
  endMonth?: string | null;
  communes?: string[];
  position?: number;
  objectives?: string[];
  partners?: { actorId: string; role: string }[];
  steps?: { title: string; dueDate: string | null; done?: boolean }[];
  budget?: { year: number; item: string; planned: number; actual?: number | null }[];
  fundings?: { sourceId?: string | null; funderLabel?: string; year: number; status: FundingStatus; amount: number }[];
  inKind?: { actorId?: string | null; kind: "temps_agent" | "salle" | "materiel" | "benevolat" | "autre"; description?: string; year: number; days?: number | null; valueEuros?: number | null }[];
  indicators?: { indicatorKey?: string | null; label: string }[];
};

export type VersionSpec = { number?: number; title?: string; kind?: "annuel" | "pluriannuel"; startYear: number; endYear: number; frozenAt?: Date | null; publishedAt?: Date | null };

async function chunked<T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function insertPlanVersion(db: Executor, territoryId: string, spec: VersionSpec): Promise<{ id: string; number: number }> {
  const [row] = await db
    .insert(planVersions)
    .values({
      territoryId,
      number: spec.number ?? 1,
      title: spec.title ?? `Plan d'action ${spec.startYear}–${spec.endYear}`,
      kind: spec.kind ?? (spec.startYear === spec.endYear ? "annuel" : "pluriannuel"),
      startYear: spec.startYear,
      endYear: spec.endYear,
      frozenAt: spec.frozenAt ?? null,
      publishedAt: spec.publishedAt ?? null,
    })
    .returning({ id: planVersions.id, number: planVersions.number });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function setInKindSettings(db: Executor, territoryId: string, unit: string, dayValueEuros: number): Promise<void> {
  await db.insert(planSettings).values({ territoryId, inKindUnit: unit, dayValueEuros }).onConflictDoUpdate({ target: planSettings.territoryId, set: { inKindUnit: unit, dayValueEuros } });
  // A plan write like any other: the views kept per revision are computed again.
  await bumpTerritoryPlanRevisions(db, territoryId);
}

/** Inserts the actions (in order, positions 0, 1, 2… unless given) and their rows; returns the action ids. */
export async function insertPlanActions(db: Executor, territoryId: string, versionId: string, specs: ActionSpec[]): Promise<string[]> {
  const ids: string[] = [];
  await chunked(
    specs.map((s, i) => ({
      territoryId,
      versionId,
      title: s.title,
      axisId: s.axisId ?? null,
      leadActorId: s.leadActorId ?? null,
      status: s.status ?? "planifiee",
      startMonth: s.startMonth ?? null,
      endMonth: s.endMonth ?? null,
      communes: s.communes ?? [],
      position: s.position ?? i,
    })),
    async (batch) => {
      const rows = await db.insert(planActions).values(batch).returning({ id: planActions.id });
      ids.push(...rows.map((r) => r.id));
    },
  );
  const each = <T>(pick: (s: ActionSpec) => T[] | undefined) => specs.flatMap((s, i) => (pick(s) ?? []).map((row) => ({ actionId: ids[i] as string, row })));
  await chunked(
    each((s) => s.objectives).map(({ actionId, row }) => ({ actionId, objectiveId: row })),
    (b) => db.insert(planActionObjectives).values(b),
  );
  await chunked(
    each((s) => s.partners).map(({ actionId, row }) => ({ actionId, ...row })),
    (b) => db.insert(planActionPartners).values(b),
  );
  await chunked(
    each((s) => s.steps).map(({ actionId, row }, position) => ({ actionId, title: row.title, dueDate: row.dueDate, done: row.done ?? false, position })),
    (b) => db.insert(planActionSteps).values(b),
  );
  await chunked(
    each((s) => s.budget).map(({ actionId, row }) => ({ actionId, year: row.year, item: row.item, planned: row.planned, actual: row.actual ?? null })),
    (b) => db.insert(planBudgetLines).values(b),
  );
  await chunked(
    each((s) => s.fundings).map(({ actionId, row }) => ({ actionId, sourceId: row.sourceId ?? null, funderLabel: row.funderLabel ?? "", year: row.year, status: row.status, amount: row.amount })),
    (b) => db.insert(planFundings).values(b),
  );
  await chunked(
    each((s) => s.inKind).map(({ actionId, row }) => ({ actionId, actorId: row.actorId ?? null, kind: row.kind, description: row.description ?? "", year: row.year, days: row.days ?? null, valueEuros: row.valueEuros ?? null })),
    (b) => db.insert(planInKind).values(b),
  );
  await chunked(
    each((s) => s.indicators).map(({ actionId, row }) => ({ actionId, indicatorKey: row.indicatorKey ?? null, label: row.label })),
    (b) => db.insert(planActionIndicators).values(b),
  );
  await bumpPlanRevision(db, territoryId, versionId);
  return ids;
}
