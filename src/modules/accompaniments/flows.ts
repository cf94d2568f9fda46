/**
 * The dyadic blocks of months of the orientation flows' pre-aggregate (`accompaniment_flows`, decision 029
 * amended). A month is an index counted from January of year 1; a block of grain k starts at a multiple of 2^k
 * and covers 2^k months. Each orientation is counted in the 17 blocks (grains 0–16) that contain its month, so:
 * - the whole history is one block (grain 16, start 0: 65,536 months, years 1 to 5462);
 * - any period [from, to] is the union of at most two blocks per grain, disjoint (`blocksOf`): 12 months
 *   are 2 to 6 blocks, 36 months at most 8, whatever the number of months of data.
 * The flows of a period are then read from about (number of blocks × number of distinct flows) rows instead of
 * (number of months × number of distinct flows): the 3 years of the page's default view read one block.
 */

export const FLOW_GRAINS = 17;
/** One past the last month index a block can hold (2^16). */
export const MONTH_END = 1 << (FLOW_GRAINS - 1);

export type FlowBlock = { grain: number; start: number };

/** "YYYY-MM" or "YYYY-MM-DD" → the month's index (January of year 1 is 0). */
export function monthIndex(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return (year - 1) * 12 + month - 1;
}

/** The block of each grain that contains a month: where one orientation is counted. */
export function blocksContaining(month: number): FlowBlock[] {
  const out: FlowBlock[] = [];
  for (let grain = 0; grain < FLOW_GRAINS; grain++) out.push({ grain, start: month - (month % (1 << grain)) });
  return out;
}

/**
 * Disjoint blocks whose union is exactly the months first … last (indexes, both included), the largest
 * first: from `first`, the largest block that starts there (aligned) and ends by `last`. A missing bound is
 * the edge of time (0, MONTH_END - 1), so an open period costs about as few blocks as a closed one.
 */
export function blocksOf(first = 0, last = MONTH_END - 1): FlowBlock[] {
  const out: FlowBlock[] = [];
  let at = Math.max(0, first);
  const end = Math.min(last, MONTH_END - 1);
  while (at <= end) {
    let grain = FLOW_GRAINS - 1;
    while (grain > 0 && (at % (1 << grain) !== 0 || at + (1 << grain) - 1 > end)) grain--;
    out.push({ grain, start: at });
    at += 1 << grain;
  }
  return out;
}
