// The plan of issue 12's benchmark, shared by bench/plan-views.ts (in process) and bench/plan-load.ts (HTTP):
// a département territory (Charente, 364 communes), 4 axes, 40 actors, 10 catalogue sources, 30 priority
// questions (findings « questionnement ») answered by 20 objectives, one version 2026–2027 with ACTIONS actions,
// each with 10 budget lines (5 per year), 5 co-funding rows (statuses in rotation), 2 steps, 1 in-kind row,
// 1 to 3 communes, 1 objective, and an indicator for every other action; VACUUM ANALYZE.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "@/platform/db/client";
import { actors } from "@/modules/actors/schema";
import { fundingSources } from "@/modules/funding/schema";
import { findings } from "@/modules/findings/schema";
import { objectiveFindings, strategyAxes, strategyObjectives } from "@/modules/strategy/schema";
import { territoryCommuneCodes } from "@/modules/territories/queries";
import { createTestTerritory } from "@/demo/factories";
import { insertPlanActions, insertPlanVersion, type ActionSpec } from "@/testing/plan-rows";

export type BenchTerritory = { id: string; slug: string; name: string };

export async function preparePlan(database: Database, actions: number, opts: { slug?: string; creatorId?: string } = {}): Promise<{ territory: BenchTerritory; versionId: string; prepareMs: number }> {
  const t0 = performance.now();
  const db = database.db;
  const territory = await createTestTerritory(db, { name: "Charente", slug: opts.slug ?? "charente-plan-bench", kind: "departement", code: "16", creatorId: opts.creatorId });
  const codes = await territoryCommuneCodes(db, territory.id);
  const axes = await db
    .insert(strategyAxes)
    .values([0, 1, 2, 3].map((i) => ({ territoryId: territory.id, title: `Axe ${i + 1}`, position: i })))
    .returning({ id: strategyAxes.id });
  const questions = await db
    .insert(findings)
    .values(Array.from({ length: 30 }, (_, i) => ({ territoryId: territory.id, kind: "question", text: `Question prioritaire ${i + 1}` })))
    .returning({ id: findings.id });
  const objectives = await db
    .insert(strategyObjectives)
    .values(Array.from({ length: 20 }, (_, i) => ({ territoryId: territory.id, axisId: axes[i % axes.length]?.id ?? null, title: `Objectif ${i + 1}`, horizon: "moyen" as const, position: i })))
    .returning({ id: strategyObjectives.id });
  // Questions 1–20 answered by one objective each, 21–30 by none (gaps the matrix shows).
  await db.insert(objectiveFindings).values(objectives.map((o, i) => ({ objectiveId: o.id, findingId: questions[i]?.id as string })));
  const actorIds = (await db.insert(actors).values(Array.from({ length: 40 }, (_, i) => ({ name: `Structure ${i + 1}` }))).returning({ id: actors.id })).map((a) => a.id);
  const sources = (
    await db
      .insert(fundingSources)
      .values(Array.from({ length: 10 }, (_, i) => ({ territoryId: territory.id, name: `Source ${i + 1}`, funder: `Financeur ${(i % 6) + 1}`, aidKind: "subvention" as const })))
      .returning({ id: fundingSources.id })
  ).map((s) => s.id);
  const version = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2027 });
  const statuses = ["envisage", "demande", "accorde", "verse", "refuse"] as const;
  const specs: ActionSpec[] = Array.from({ length: actions }, (_, i) => {
    const start = i % 18;
    return {
      title: `Action ${i + 1}`,
      axisId: axes[i % axes.length]?.id ?? null,
      leadActorId: actorIds[i % actorIds.length] ?? null,
      status: "planifiee",
      startMonth: `${2026 + Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}-01`,
      endMonth: `2027-${String((i % 12) + 1).padStart(2, "0")}-01`,
      communes: codes.slice(i % codes.length, (i % codes.length) + 1 + (i % 3)),
      objectives: [objectives[i % objectives.length]?.id as string],
      steps: [
        { title: "Lancement", dueDate: "2026-03-15", done: true },
        { title: "Bilan", dueDate: "2027-11-20" },
      ],
      budget: Array.from({ length: 10 }, (_, k) => ({ year: 2026 + (k % 2), item: `Poste ${k + 1}`, planned: 1000 + ((i * 7 + k * 13) % 50) * 100, actual: k % 3 === 0 ? 900 + k * 10 : null })),
      fundings: Array.from({ length: 5 }, (_, k) => ({ sourceId: k < 4 ? (sources[(i + k) % sources.length] ?? null) : null, funderLabel: k < 4 ? "" : "Commune", year: 2026 + (k % 2), status: statuses[(i + k) % 5] ?? "demande", amount: 500 + ((i + k) % 20) * 250 })),
      inKind: [{ actorId: actorIds[(i + 1) % actorIds.length] ?? null, kind: "temps_agent", year: 2026, days: (i % 5) + 1 }],
      indicators: i % 2 === 0 ? [{ label: `Personnes accompagnées (action ${i + 1})` }] : [],
    };
  });
  await insertPlanActions(db, territory.id, version.id, specs);
  await db.execute(sql`VACUUM ANALYZE`);
  return { territory, versionId: version.id, prepareMs: performance.now() - t0 };
}
