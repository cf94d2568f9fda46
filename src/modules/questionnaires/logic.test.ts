import { describe, expect, it } from "vitest";
import { buildStructure, choiceKey, conditionHolds, parseFrenchNumber, publishProblems, visibleSteps, type QuestionDef } from "./logic";
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
    // a2 depends on a1 on the same screen: shown there with a hint; b1 waits for a1 = oui.
    expect(none.map((s) => s.questions.map((x) => x.id))).toEqual([["a1", "a2"]]);
    expect(none[0]?.questions.find((x) => x.id === "a2")?.sameScreenCondition).toBe(true);
    const yes = visibleSteps(structure, new Map([["a1", { key: "oui" }]]), true);
    expect(yes.map((s) => s.questions.map((x) => x.id))).toEqual([["a1", "a2"], ["b1"]]);
    const named = visibleSteps(structure, new Map([["a1", { key: "oui" }]]), false);
    expect(named.map((s) => s.questions.map((x) => x.id))).toEqual([["a1", "a2"], ["b1", "b2"]]);
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
