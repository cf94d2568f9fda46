import { GOOD_PRACTICE_LEVEL, grid, type DimensionId, type Level } from "./grid";

/** The middle value; with an even count, the mean of the two middle values. Null when there is nothing to measure. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** One actor's current self-assessment (its latest submission), as the heat map shows it. */
export type AssessedActor = {
  actorId: string;
  name: string;
  submittedAt: Date;
  levels: Partial<Record<DimensionId, Level>>;
};

export type DimensionSummary = {
  dimension: DimensionId;
  /** Null when no actor answered this dimension. */
  median: number | null;
  /** How many actors answered it. */
  answered: number;
  /** How many of them are below the good-practice level. */
  below: number;
  belowShare: number | null;
};

export type TerritorySummary = {
  assessed: number;
  /** In the grid's order. */
  dimensions: DimensionSummary[];
  /** Every dimension, weakest first: lowest median, then the largest share below good practice, then the grid's order. */
  ranking: DimensionSummary[];
};

/** How many dimensions the territory page names as the weakest. */
export const WEAKEST_COUNT = 2;

export function summarize(rows: readonly AssessedActor[]): TerritorySummary {
  const dimensions = grid.map((d): DimensionSummary => {
    const values = rows.map((r) => r.levels[d.id]).filter((v): v is Level => v !== undefined);
    const below = values.filter((v) => v < GOOD_PRACTICE_LEVEL).length;
    return { dimension: d.id, median: median(values), answered: values.length, below, belowShare: values.length ? below / values.length : null };
  });
  const order = new Map(grid.map((d, i) => [d.id, i]));
  const ranking = [...dimensions].sort((a, b) => {
    // A dimension nobody answered says nothing: last.
    if (a.median === null || b.median === null) return (a.median === null ? 1 : 0) - (b.median === null ? 1 : 0) || (order.get(a.dimension) ?? 0) - (order.get(b.dimension) ?? 0);
    return a.median - b.median || (b.belowShare ?? 0) - (a.belowShare ?? 0) || (order.get(a.dimension) ?? 0) - (order.get(b.dimension) ?? 0);
  });
  return { assessed: rows.length, dimensions, ranking };
}

/** The weakest dimensions, among those at least one actor answered. */
export function weakest(summary: TerritorySummary, n = WEAKEST_COUNT): DimensionSummary[] {
  return summary.ranking.filter((d) => d.median !== null).slice(0, n);
}

/** How many dimensions the territory page names as strengths, at most. */
export const STRONGEST_COUNT = 2;

/**
 * The territory's strengths: the best-ranked dimensions whose median is at or above the good-practice
 * level, best first. A dimension below it is never called a strength, even when it is the least weak
 * (a territory where every median is 2 has no strength to show).
 */
export function strongest(summary: TerritorySummary, n = STRONGEST_COUNT): DimensionSummary[] {
  return summary.ranking
    .filter((d) => d.median !== null && d.median >= GOOD_PRACTICE_LEVEL)
    .reverse()
    .slice(0, n);
}

/** Per dimension, the territory's median (null when nobody answered). */
export function mediansOf(summary: TerritorySummary): Record<DimensionId, number | null> {
  return Object.fromEntries(summary.dimensions.map((d) => [d.dimension, d.median])) as Record<DimensionId, number | null>;
}
