import { dimensionIds, type DimensionId, type Level } from "./grid";
import type { AssessedActor } from "./stats";

// A hand-made fixture shared by the summary tests (pure) and the query tests (through the database).

export type Levels = [Level, Level, Level, Level, Level, Level];

export const levelsOf = (l: Levels) => Object.fromEntries(dimensionIds.map((id, i) => [id, l[i]])) as Record<DimensionId, Level>;

const actor = (name: string, l: Levels): AssessedActor => ({ actorId: name, name, submittedAt: new Date("2026-01-01T00:00:00Z"), levels: levelsOf(l) });

// The fixture, one column per dimension: support, skills, equipment, partnerships, accessibility, evaluation.
export const fixtureLevels: Record<string, Levels> = {
  A: [1, 2, 3, 4, 2, 1],
  B: [2, 2, 4, 3, 1, 2],
  C: [3, 3, 3, 2, 2, 1],
  D: [4, 1, 2, 3, 2, 3],
};
export const fixture: AssessedActor[] = Object.entries(fixtureLevels).map(([name, l]) => actor(name, l));
// Worked out by hand (sorted values → median; how many below level 3):
//   support        1 2 3 4 → 2.5, 2 of 4 below
//   skills         1 2 2 3 → 2,   3 of 4 below
//   equipment      2 3 3 4 → 3,   1 of 4 below
//   partnerships   2 3 3 4 → 3,   1 of 4 below
//   accessibility  1 2 2 2 → 2,   4 of 4 below
//   evaluation     1 1 2 3 → 1.5, 3 of 4 below
export const expectedMedians = { support: 2.5, skills: 2, equipment: 3, partnerships: 3, accessibility: 2, evaluation: 1.5 };
// Weakest first: evaluation (1.5); accessibility before skills (same median 2, but 4 of 4 below against 3 of 4,
// although skills comes first in the grid); support (2.5); equipment and partnerships tie on both, the grid's order decides.
export const expectedRanking = ["evaluation", "accessibility", "skills", "support", "equipment", "partnerships"];
