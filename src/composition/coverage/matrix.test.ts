import { describe, expect, it } from "vitest";
import { coverageMatrix } from "./matrix";

// A fixture small enough to check by hand:
//   q1 (3 votes) ← o1 ← a1 (1 indicator), a2 (none)     → measured
//   q2 (2 votes) ← o2 (no action)                        → objective only
//   q3 (1 vote)  ← nothing                               → uncovered
//   q4 (0 vote)  ← o1 (as q1)                            → measured
//   q5 (0 vote)  ← o3 ← a3 (none)                        → action, not measured
//   o4: no finding, no action
const questions = [
  { id: "q1", text: "Seniors sans aide", votes: 3 },
  { id: "q2", text: "Parents et ENT", votes: 2 },
  { id: "q3", text: "Langue des signes", votes: 1 },
  { id: "q4", text: "Agents non formés", votes: 0 },
  { id: "q5", text: "Foyers sans connexion", votes: 0 },
];
const objectives = [
  { id: "o1", title: "Permanences", horizon: "court", findingIds: ["q1", "q4"] },
  { id: "o2", title: "Parents", horizon: "moyen", findingIds: ["q2"] },
  { id: "o3", title: "Former les agents", horizon: "moyen", findingIds: ["q5"] },
  { id: "o4", title: "Observatoire", horizon: "long", findingIds: [] },
];
const actions = [
  { id: "a1", title: "Permanence à Confolens", objectiveIds: ["o1"], indicators: ["Personnes accompagnées"] },
  { id: "a2", title: "Permanence à Ruffec", objectiveIds: ["o1"], indicators: [] },
  { id: "a3", title: "Formation des secrétaires de mairie", objectiveIds: ["o3"], indicators: [] },
];

describe("the coverage matrix", () => {
  const c = coverageMatrix(questions, objectives, actions);

  it("says, question by question in the order of the votes, how far it is covered", () => {
    expect(c.rows.map((r) => [r.rank, r.question.id, r.level])).toEqual([
      [1, "q1", "indicator"],
      [2, "q2", "objective"],
      [3, "q3", "none"],
      [4, "q4", "indicator"],
      [5, "q5", "action"],
    ]);
    expect(c.rows[0]?.objectives).toEqual([
      {
        id: "o1",
        title: "Permanences",
        actions: [
          { id: "a1", title: "Permanence à Confolens", indicators: ["Personnes accompagnées"] },
          { id: "a2", title: "Permanence à Ruffec", indicators: [] },
        ],
      },
    ]);
  });

  it("lists the gaps: questions no objective answers, objectives without action, actions without indicator", () => {
    expect(c.uncoveredQuestions.map((r) => r.question.id)).toEqual(["q3"]);
    expect(c.objectivesWithoutAction.map((o) => o.id)).toEqual(["o2", "o4"]);
    expect(c.actionsWithoutIndicator.map((a) => a.id)).toEqual(["a2", "a3"]);
    expect(c.totals).toEqual({ questions: 5, questionsCovered: 4, objectives: 4, objectivesWithAction: 2, actions: 3, actionsWithIndicator: 1 });
  });

  it("an empty strategy leaves every question uncovered", () => {
    const empty = coverageMatrix(questions.slice(0, 2), [], []);
    expect(empty.uncoveredQuestions.map((r) => r.rank)).toEqual([1, 2]);
    expect(empty.totals).toEqual({ questions: 2, questionsCovered: 0, objectives: 0, objectivesWithAction: 0, actions: 0, actionsWithIndicator: 0 });
  });
});
