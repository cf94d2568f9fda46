import { describe, expect, it } from "vitest";
import { askedQuestions, buildStructure, choiceKey, conditionHolds, nextStep, parseFrenchNumber, publishProblems, readScreen, shownFieldName, stepNumbering, stepTitle, visibleSteps, type AnswerValue, type QuestionDef } from "./logic";
import { communeResolver } from "./queries";

const q = (over: Partial<QuestionDef> & Pick<QuestionDef, "id" | "sectionId" | "position">): QuestionDef => ({
  type: "single",
  label: over.id,
  help: "",
  required: false,
  personal: false,
  settings: { choices: [{ value: "oui", label: "Oui" }, { value: "non", label: "Non" }] },
  condition: null,
  ...over,
});

// Two screens: A (a1, a2 shown if a1 = non), B (b1 shown if a1 = oui, b2 personal).
const structure = buildStructure(
  [
    { id: "B", position: 2, title: "Deux", description: "" },
    { id: "A", position: 1, title: "Un", description: "" },
  ],
  [
    q({ id: "b1", sectionId: "B", position: 1, condition: { questionId: "a1", operator: "equals", value: "oui" } }),
    q({ id: "a2", sectionId: "A", position: 2, type: "long_text", settings: {}, condition: { questionId: "a1", operator: "equals", value: "non" } }),
    q({ id: "a1", sectionId: "A", position: 1 }),
    q({ id: "b2", sectionId: "B", position: 2, type: "short_text", settings: {}, personal: true }),
  ],
);

describe("questionnaire logic", () => {
  it("numbers the questions in the order of the parts, then of the questions", () => {
    expect(structure.sections.flatMap((s) => s.questions.map((x) => `${x.id}=Q${x.number}`))).toEqual(["a1=Q1", "a2=Q2", "b1=Q3", "b2=Q4"]);
  });

  it("shows a screen's questions by the answers already given, and skips personal questions when anonymous", () => {
    const none = visibleSteps(structure, new Map(), true);
    // a2 depends on a1 on the same screen: carried there hidden (revealed by the page's script); b1 waits for a1 = oui.
    expect(none.map((s) => s.questions.map((x) => x.id))).toEqual([["a1", "a2"]]);
    expect(none[0]?.questions.find((x) => x.id === "a2")?.sameScreenCondition).toBe(true);
    const yes = visibleSteps(structure, new Map([["a1", { key: "oui" }]]), true);
    expect(yes.map((s) => [s.section.id, s.level, s.questions.map((x) => x.id)])).toEqual([
      ["A", 0, ["a1", "a2"]],
      ["B", 0, ["b1"]],
    ]);
    // a1 = non: a2 is also asked on a follow-up screen of part A (for a page without JavaScript); b1 is not.
    const no = visibleSteps(structure, new Map([["a1", { key: "non" }]]), true);
    expect(no.map((s) => [s.section.id, s.level, s.questions.map((x) => x.id)])).toEqual([
      ["A", 0, ["a1", "a2"]],
      ["A", 1, ["a2"]],
    ]);
    expect(no[1]?.questions[0]?.sameScreenCondition).toBe(false);
    expect(stepNumbering(no, 2)).toEqual({ number: 1, count: 1 });
    const named = visibleSteps(structure, new Map([["a1", { key: "oui" }]]), false);
    expect(named.map((s) => s.questions.map((x) => x.id))).toEqual([["a1", "a2"], ["b1", "b2"]]);
  });

  // One part: c1 (oui/non), c2 if c1 = oui (required), c3 if c2 = oui (a chain), c4 always; then part D with d1.
  const chain = buildStructure(
    [
      { id: "C", position: 1, title: "Chaîne", description: "" },
      { id: "D", position: 2, title: "Fin", description: "" },
    ],
    [
      q({ id: "c1", sectionId: "C", position: 1 }),
      q({ id: "c2", sectionId: "C", position: 2, required: true, condition: { questionId: "c1", operator: "equals", value: "oui" } }),
      q({ id: "c3", sectionId: "C", position: 3, type: "short_text", settings: {}, condition: { questionId: "c2", operator: "equals", value: "oui" } }),
      q({ id: "c4", sectionId: "C", position: 4 }),
      q({ id: "d1", sectionId: "D", position: 1 }),
    ],
  );
  const shape = (answers: [string, AnswerValue][]) => visibleSteps(chain, new Map(answers), true).map((s) => `${s.section.id}${s.level}:${s.questions.map((x) => (x.sameScreenCondition ? `(${x.id})` : x.id)).join(",")}`);

  it("asks a chain of same-screen conditions on one follow-up screen per link, each only when its condition holds", () => {
    expect(shape([])).toEqual(["C0:c1,(c2),(c3),c4", "D0:d1"]);
    expect(shape([["c1", { key: "non" }]])).toEqual(["C0:c1,(c2),(c3),c4", "D0:d1"]);
    expect(shape([["c1", { key: "oui" }]])).toEqual(["C0:c1,(c2),(c3),c4", "C1:c2,(c3)", "D0:d1"]);
    expect(shape([["c1", { key: "oui" }], ["c2", { key: "oui" }]])).toEqual(["C0:c1,(c2),(c3),c4", "C1:c2,(c3)", "C2:c3", "D0:d1"]);
    // c2 answered oui but c1 changed to non: neither c2 nor c3 is asked any more.
    expect(shape([["c1", { key: "non" }], ["c2", { key: "oui" }]])).toEqual(["C0:c1,(c2),(c3),c4", "D0:d1"]);
    expect([...askedQuestions(visibleSteps(chain, new Map([["c1", { key: "oui" }]]), true))].sort()).toEqual(["c1", "c2", "c4", "d1"]);
  });

  it("skips a follow-up screen whose questions were answered on the screen before, never a screen of another part", () => {
    const steps = visibleSteps(chain, new Map<string, AnswerValue>([["c1", { key: "oui" }], ["c2", { key: "oui" }]]), true);
    expect(nextStep(steps, 1, new Set())).toBe(2);
    expect(nextStep(steps, 1, new Set(["c2"]))).toBe(3);
    expect(nextStep(steps, 1, new Set(["c2", "c3"]))).toBe(4);
    expect(nextStep(steps, 3, new Set())).toBe(4);
    expect(nextStep(steps, 4, new Set(["d1"]))).toBe(5);
    expect(stepNumbering(steps, 4)).toEqual({ number: 2, count: 2 });
    expect(stepNumbering(steps, 3)).toEqual({ number: 1, count: 2 });
    expect(steps.map(stepTitle)).toEqual(["Chaîne", "Chaîne (suite)", "Chaîne (suite)", "Fin"]);
  });

  it("reads a revealed question only if the page showed it and its condition holds on the screen; never requires a hidden one", () => {
    const none = () => ({ error: "pas de commune" });
    const [first] = visibleSteps(chain, new Map(), true);
    if (!first) throw new Error("step");
    // With the script: c1 = oui reveals c2 (required) and c2 = oui reveals c3.
    const js = readScreen(first, { q_c1: "oui", q_c2: "oui", [shownFieldName("c2")]: "1", q_c3: "Le bus", [shownFieldName("c3")]: "1" }, none, new Map());
    expect(js.errors).toEqual({});
    expect(Object.fromEntries(js.answers)).toEqual({ c1: { key: "oui", text: null }, c2: { key: "oui", text: null }, c3: { text: "Le bus" }, c4: null });
    expect([...js.shownInline]).toEqual(["c2", "c3"]);
    // With the script, c2 revealed but left blank: it is required.
    expect(readScreen(first, { q_c1: "oui", [shownFieldName("c2")]: "1" }, none, new Map()).errors).toEqual({ q_c2: ["Choisissez une réponse : cette question est obligatoire."] });
    // Without the script: c2 is not read (the follow-up screen asks it), nor required; c3 has no answer to depend on and is cleared.
    const plain = readScreen(first, { q_c1: "oui", q_c2: "non" }, none, new Map());
    expect(plain.errors).toEqual({});
    expect(plain.answers.has("c2")).toBe(false);
    expect(plain.answers.get("c3")).toBeNull();
    // c1 = non: c2 and c3 are cleared whatever was sent, even marked as shown, and even if c2 was answered before.
    const cleared = readScreen(first, { q_c1: "non", q_c2: "oui", [shownFieldName("c2")]: "1", q_c3: "x", [shownFieldName("c3")]: "1" }, none, new Map([["c2", { key: "oui" }]]));
    expect(cleared.errors).toEqual({});
    expect(cleared.answers.get("c2")).toBeNull();
    expect(cleared.answers.get("c3")).toBeNull();
  });

  it("evaluates conditions: equals, contains for multiple choices and texts; no answer never matches", () => {
    expect(conditionHolds({ questionId: "x", operator: "equals", value: "oui" }, { key: "oui" })).toBe(true);
    expect(conditionHolds({ questionId: "x", operator: "equals", value: "oui" }, undefined)).toBe(false);
    expect(conditionHolds({ questionId: "x", operator: "contains", value: "b" }, { keys: ["a", "b"] })).toBe(true);
    expect(conditionHolds({ questionId: "x", operator: "contains", value: "c" }, { keys: ["a", "b"] })).toBe(false);
    expect(conditionHolds({ questionId: "x", operator: "equals", value: "4" }, { number: 4 })).toBe(true);
    expect(conditionHolds({ questionId: "x", operator: "contains", value: "CAF" }, { text: "mon dossier caf" })).toBe(true);
  });

  it("reads numbers written the French way", () => {
    expect(parseFrenchNumber("12,5")).toBe(12.5);
    expect(parseFrenchNumber("1 200")).toBe(1200);
    expect(parseFrenchNumber("-3")).toBe(-3);
    expect(parseFrenchNumber("douze")).toBeNaN();
    expect(parseFrenchNumber("1e9")).toBeNaN();
  });

  it("gives new choices stable, unique keys without accents", () => {
    expect(choiceKey("Très souvent", new Set())).toBe("tres-souvent");
    expect(choiceKey("Très souvent !", new Set(["tres-souvent"]))).toBe("tres-souvent-2");
    // "autre" is kept for "Autre, précisez".
    expect(choiceKey("Autre", new Set())).toBe("autre-choix");
  });

  it("lists what prevents publishing", () => {
    const broken = buildStructure(
      [
        { id: "A", position: 1, title: "Un", description: "" },
        { id: "B", position: 2, title: "Vide", description: "" },
      ],
      [q({ id: "a1", sectionId: "A", position: 1, settings: { choices: [] }, condition: { questionId: "zz", operator: "equals", value: "x" } })],
    );
    expect(publishProblems(broken)).toEqual([
      "La question Q1 « a1 » n'a aucun choix de réponse.",
      "Q1 « a1 » : La question dont dépend l'affichage n'existe pas dans ce questionnaire.",
      "La partie 2 « Vide » n'a aucune question : ajoutez-en ou supprimez la partie.",
    ]);
    expect(publishProblems(structure)).toEqual([]);
  });

  it("finds a commune by name, postcode or suggestion, and says what to do otherwise", () => {
    const resolve = communeResolver([
      { code: "16015", name: "Angoulême", postcodes: ["16000"] },
      { code: "16102", name: "Cognac", postcodes: ["16100"] },
      { code: "16097", name: "Châteaubernard", postcodes: ["16100"] },
    ]);
    expect(resolve("angouleme")).toEqual({ code: "16015" });
    expect(resolve("16000")).toEqual({ code: "16015" });
    expect(resolve("Cognac (16100)")).toEqual({ code: "16102" });
    expect(resolve("Château")).toEqual({ code: "16097" });
    expect(resolve("16100")).toEqual({ error: "Plusieurs communes correspondent à « 16100 » : Cognac (16100), Châteaubernard (16100). Écrivez le nom complet de votre commune." });
    expect("error" in resolve("Paris")).toBe(true);
  });
});
