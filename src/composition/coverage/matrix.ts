/**
 * The coverage matrix (issue 12): findings × objectives × actions × indicators. Pure: the loader
 * (load.ts) reads the modules, this core decides what is covered. Shown at a glance and as a table by
 * /espace/<slug>/strategie/couverture.
 */

/** A priority question: a « questionnement » of the diagnostic, in the findings module's order (most supported first). */
export type CoverageQuestion = { id: string; text: string; votes: number };
export type CoverageObjective = { id: string; title: string; horizon: string; findingIds: string[] };
export type CoverageAction = { id: string; title: string; objectiveIds: string[]; indicators: string[] };

export type QuestionRow = {
  question: CoverageQuestion;
  /** Rank among the priority questions, 1 = most supported. */
  rank: number;
  objectives: { id: string; title: string; actions: { id: string; title: string; indicators: string[] }[] }[];
  /** objective = answered by an objective; action = one of them has an action; indicator = one of those actions is measured. */
  level: "none" | "objective" | "action" | "indicator";
};

export type Coverage = {
  rows: QuestionRow[];
  uncoveredQuestions: QuestionRow[];
  objectivesWithoutAction: CoverageObjective[];
  actionsWithoutIndicator: CoverageAction[];
  totals: {
    questions: number;
    questionsCovered: number;
    objectives: number;
    objectivesWithAction: number;
    actions: number;
    actionsWithIndicator: number;
  };
};

export function coverageMatrix(questions: CoverageQuestion[], objectives: CoverageObjective[], actions: CoverageAction[]): Coverage {
  const actionsOf = new Map<string, CoverageAction[]>();
  for (const a of actions) for (const o of a.objectiveIds) actionsOf.set(o, [...(actionsOf.get(o) ?? []), a]);
  const objectivesOf = new Map<string, CoverageObjective[]>();
  for (const o of objectives) for (const f of o.findingIds) objectivesOf.set(f, [...(objectivesOf.get(f) ?? []), o]);
  const rows: QuestionRow[] = questions.map((question, i) => {
    const answering = (objectivesOf.get(question.id) ?? []).map((o) => ({
      id: o.id,
      title: o.title,
      actions: (actionsOf.get(o.id) ?? []).map((a) => ({ id: a.id, title: a.title, indicators: a.indicators })),
    }));
    const withActions = answering.flatMap((o) => o.actions);
    const level = answering.length === 0 ? "none" : withActions.length === 0 ? "objective" : withActions.some((a) => a.indicators.length > 0) ? "indicator" : "action";
    return { question, rank: i + 1, objectives: answering, level };
  });
  const objectivesWithoutAction = objectives.filter((o) => !actionsOf.has(o.id));
  const actionsWithoutIndicator = actions.filter((a) => a.indicators.length === 0);
  return {
    rows,
    uncoveredQuestions: rows.filter((r) => r.level === "none"),
    objectivesWithoutAction,
    actionsWithoutIndicator,
    totals: {
      questions: questions.length,
      questionsCovered: rows.filter((r) => r.level !== "none").length,
      objectives: objectives.length,
      objectivesWithAction: objectives.length - objectivesWithoutAction.length,
      actions: actions.length,
      actionsWithIndicator: actions.length - actionsWithoutIndicator.length,
    },
  };
}
