import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { mayReadAnswers, questionnaireAbilities, questionnairePolicy, type QuestionnaireAction } from "./policy";

const territory = { id: "t-1" };
const other = { id: "t-2" };

const actors: Record<string, Principal> = { ...policyPrincipals(territory, other, "coordinator"), system: { kind: "system", label: "cli" } };

// The expected table, written by hand: one row per action, one column per principal.
//                                            anonymous stranger observer contributor partner coordinator admin system
const expected: Record<QuestionnaireAction, boolean[]> = {
  view: [false, false, true, true, true, true, true, false],
  edit: [false, false, false, true, false, true, true, false],
  publish: [false, false, false, false, false, true, true, false],
  enterPaper: [false, false, false, true, true, true, true, false],
  viewResults: [false, false, true, true, true, true, true, false],
  export: [false, false, false, true, false, true, true, false],
  viewPersonalAnswers: [false, false, false, true, false, true, true, false],
  moderate: [false, false, false, false, false, true, true, false],
  answer: [true, true, true, true, true, true, true, true],
};

describe("questionnaire policy (role × action)", () => {
  policyTable(actors, expected, (action, person) => questionnairePolicy[action](person, territory));

  it("answers to a personal question are read by those who export raw answers only; other answers by every member", () => {
    const read = (name: string, personal: boolean) => mayReadAnswers(actors[name] as Principal, territory, { personal });
    expect(["observer", "partner", "contributor", "coordinator"].map((n) => read(n, true))).toEqual([false, false, true, true]);
    expect(["observer", "partner", "contributor", "coordinator"].map((n) => read(n, false))).toEqual([true, true, true, true]);
  });

  it("a coordinator of another territory may publish there, not here", () => {
    expect(questionnairePolicy.publish(actors.stranger as Principal, territory)).toBe(false);
    expect(questionnairePolicy.publish(actors.stranger as Principal, other)).toBe(true);
  });

  it("gives pages the same answers as the policy", () => {
    expect(questionnaireAbilities(actors.partner as Principal, territory)).toEqual(Object.fromEntries(Object.entries(expected).map(([a, row]) => [a, row[4]])));
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(questionnairePolicy).sort()).toEqual(Object.keys(expected).sort());
  });
});
