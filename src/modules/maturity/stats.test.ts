import { describe, expect, it } from "vitest";
import { grid, GOOD_PRACTICE_LEVEL } from "./grid";
import { median, strongest, summarize, weakest, type AssessedActor } from "./stats";
import { expectedMedians, expectedRanking, fixture } from "./test-fixture";
import { assessmentSchema } from "./validation";

describe("median", () => {
  it("is the middle value of an odd count, whatever the order", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4])).toBe(4);
    expect(median([1, 4, 4, 2, 1])).toBe(2);
  });
  it("is the mean of the two middle values of an even count", () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([4, 1])).toBe(2.5);
    expect(median([3, 1, 2, 3])).toBe(2.5);
    expect(median([2, 2, 3, 1])).toBe(2);
  });
  it("is null when nobody answered", () => {
    expect(median([])).toBeNull();
  });
});

describe("territory summary", () => {
  it("gives the median of each dimension and how many actors are below good practice", () => {
    expect(GOOD_PRACTICE_LEVEL).toBe(3);
    const summary = summarize(fixture);
    expect(summary.assessed).toBe(4);
    expect(Object.fromEntries(summary.dimensions.map((d) => [d.dimension, d.median]))).toEqual(expectedMedians);
    expect(Object.fromEntries(summary.dimensions.map((d) => [d.dimension, d.below]))).toEqual({ support: 2, skills: 3, equipment: 1, partnerships: 1, accessibility: 4, evaluation: 3 });
    expect(summary.dimensions.find((d) => d.dimension === "skills")?.belowShare).toBe(0.75);
  });

  it("ranks the weakest dimensions by median, then by the share below good practice", () => {
    const summary = summarize(fixture);
    expect(summary.ranking.map((d) => d.dimension)).toEqual(expectedRanking);
    expect(weakest(summary).map((d) => d.dimension)).toEqual(["evaluation", "accessibility"]);
  });

  it("names as strengths only dimensions whose median reaches good practice, best first", () => {
    // equipment and partnerships have a median of 3 (good practice); support (2.5) is the next best but below it.
    expect(strongest(summarize(fixture)).map((d) => d.dimension)).toEqual(["partnerships", "equipment"]);
    expect(strongest(summarize(fixture), 6).map((d) => d.dimension)).toEqual(["partnerships", "equipment"]);
  });

  it("has no strength when every median is below good practice, even the least weak", () => {
    const low: AssessedActor = { actorId: "L", name: "L", submittedAt: new Date(), levels: { support: 2, skills: 2, equipment: 2, partnerships: 1, accessibility: 2, evaluation: 1 } };
    expect(strongest(summarize([low]))).toEqual([]);
    expect(strongest(summarize([]))).toEqual([]);
  });

  it("with nobody assessed, has no median and no weakest dimension", () => {
    const summary = summarize([]);
    expect(summary.assessed).toBe(0);
    expect(summary.dimensions.every((d) => d.median === null && d.belowShare === null)).toBe(true);
    expect(weakest(summary)).toEqual([]);
  });

  it("a dimension nobody answered comes last and is never called weakest", () => {
    const partial: AssessedActor = { actorId: "E", name: "E", submittedAt: new Date(), levels: { support: 4, skills: 4, equipment: 4, partnerships: 4, accessibility: 4 } };
    const summary = summarize([partial]);
    expect(summary.ranking.at(-1)?.dimension).toBe("evaluation");
    expect(weakest(summary, 6).map((d) => d.dimension)).not.toContain("evaluation");
  });
});

describe("the grid", () => {
  it("has six dimensions of four levels, each described", () => {
    expect(grid.map((d) => d.id)).toEqual(["support", "skills", "equipment", "partnerships", "accessibility", "evaluation"]);
    for (const d of grid) {
      expect(d.levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
      for (const l of d.levels) expect(l.description.length).toBeGreaterThan(40);
    }
  });
});

describe("self-assessment form", () => {
  const complete = { level_support: "2", level_skills: "3", level_equipment: "1", level_partnerships: "4", level_accessibility: "2", level_evaluation: "3" };

  it("gives one answer per dimension, in the grid's order, comments trimmed", () => {
    const parsed = assessmentSchema.parse({ ...complete, comment_support: "  Permanence le mardi.  " });
    expect(parsed.answers).toEqual([
      { dimension: "support", level: 2, comment: "Permanence le mardi." },
      { dimension: "skills", level: 3, comment: "" },
      { dimension: "equipment", level: 1, comment: "" },
      { dimension: "partnerships", level: 4, comment: "" },
      { dimension: "accessibility", level: 2, comment: "" },
      { dimension: "evaluation", level: 3, comment: "" },
    ]);
  });

  it("refuses a missing level, a level outside 1–4 and a comment over 2,000 characters, field by field, in French", () => {
    const result = assessmentSchema.safeParse({ ...complete, level_support: "", level_skills: "5", level_equipment: "2.5", comment_evaluation: "x".repeat(2001) });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      level_support: "Choisissez un niveau pour « Accueil et accompagnement des publics ».",
      level_skills: "Le niveau de « Compétences et formation de l'équipe » va de 1 à 4 : choisissez l'un des quatre niveaux proposés.",
      level_equipment: "Le niveau de « Équipement et accès » va de 1 à 4 : choisissez l'un des quatre niveaux proposés.",
      comment_evaluation: "Le commentaire sur « Évaluation et suivi d'activité » ne doit pas dépasser 2 000 caractères.",
    });
  });

  it("accepts a comment of exactly 2,000 characters", () => {
    expect(assessmentSchema.safeParse({ ...complete, comment_skills: "é".repeat(2000) }).success).toBe(true);
  });
});
