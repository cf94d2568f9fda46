import type { Executor } from "@/platform/db/client";
import { listFindings } from "@/modules/findings";
import { strategyOf, type Strategy } from "@/modules/strategy";
import { findPlanVersion, loadPlan, type PlanView } from "@/modules/plan";
import { indicatorNamesByActionLineage } from "@/modules/indicators";
import { coverageMatrix, type Coverage, type CoverageAction, type CoverageObjective, type CoverageQuestion } from "./matrix";

export type CoverageDocument = Coverage & { strategy: Strategy; version: { number: number; title: string; frozen: boolean } | null };

/**
 * The plan's side of the matrix: the actions of its latest version (the working one, or the last frozen one
 * when there is no working version), abandoned actions left out (they cover nothing), with their objectives
 * and indicators (picked on the sheet, or the evaluation's tied to the action's lineage), in plan order. The
 * actions come from the version's view, kept per content revision (ADR 031): no read of the 2,000 actions
 * per view; the evaluation's indicators are read each time (another module writes them).
 */
function planSide(view: PlanView | undefined, evaluation: Map<string, string[]>): CoverageAction[] {
  if (!view) return [];
  return view.actions
    .filter((a) => a.status !== "abandonnee")
    .map((a) => {
      const indicators = a.indicators.map((i) => i.label);
      // An action is measured either way: an indicator picked on its sheet, or an evaluation indicator tied to its lineage.
      for (const name of evaluation.get(a.lineageId) ?? []) if (!indicators.includes(name)) indicators.push(name);
      return { id: a.id, title: a.title, objectiveIds: a.objectives.map((o) => o.id), indicators };
    });
}

/**
 * Matrices kept per version's view (its identity changes with every plan write), then per the rest of what
 * they show, read at each view and compared by value: the priority questions (text, support), the
 * strategy (its objectives, their findings; the vision and axes the page names), the evaluation's indicators
 * by lineage. So a vote, a new objective or an indicator shows at the next view, and an unchanged page is
 * neither computed nor rendered again (its long parts are kept markup, coverage-view.tsx).
 */
const MATRICES_PER_VIEW = 4;
const kept = new WeakMap<PlanView, Map<string, CoverageDocument>>();

/** The matrix of a territory: its priority questions (findings module's ranking: most supported first), objectives, plan. */
export async function loadCoverage(db: Executor, territoryId: string): Promise<CoverageDocument> {
  const [found, strategy, latest, evaluation] = await Promise.all([
    listFindings(db, territoryId, { kind: "question" }),
    strategyOf(db, territoryId),
    findPlanVersion(db, territoryId),
    indicatorNamesByActionLineage(db, territoryId),
  ]);
  const view = latest ? await loadPlan(db, territoryId, latest) : undefined;
  const questions: CoverageQuestion[] = found.map((f) => ({ id: f.id, text: f.text, votes: f.votes }));
  const objectives: CoverageObjective[] = strategy.objectives.map((o) => ({ id: o.id, title: o.title, horizon: o.horizon, findingIds: o.findingIds }));
  const make = (): CoverageDocument => {
    const matrix = coverageMatrix(questions, objectives, planSide(view, evaluation));
    const version = view ? { number: view.version.number, title: view.version.title, frozen: view.version.frozenAt !== null } : null;
    return { ...matrix, strategy, version };
  };
  if (!view) return make();
  const key = JSON.stringify([questions, strategy, [...evaluation]]);
  let perView = kept.get(view);
  if (!perView) kept.set(view, (perView = new Map()));
  const known = perView.get(key);
  if (known) return known;
  const doc = make();
  const oldest = perView.keys().next();
  if (perView.size >= MATRICES_PER_VIEW && !oldest.done) perView.delete(oldest.value);
  perView.set(key, doc);
  return doc;
}
