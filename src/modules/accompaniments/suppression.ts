/**
 * Small-count suppression of the public statistics (decision 029). Published figures count people who were
 * helped: a cell under 5 could single one of them out (« the only person over 80 helped at that place in
 * March »), so:
 *
 * 1. primary suppression — a cell whose records OR people are under 5 is not published;
 * 2. secondary suppression — in a table whose cells add up to its published total (a partition: months,
 *    communes, kinds…), the hidden cells could be recovered by subtraction. So the smallest published cells
 *    are hidden too until the hidden cells are at least two AND add up to at least 5 records and 5 people:
 *    the subtraction then gives a sum of several cells, never one cell, and never a sum under 5;
 * 3. a table whose total is under 5 is not published at all.
 *
 * Every hidden cell reads the same (« secret statistique »), whether hidden first or second, so that no one
 * can tell which of them is the small one. Tables that are not partitions (themes: a record counts once per
 * theme) only need rule 1.
 */

export const SUPPRESSION_THRESHOLD = 5;

export type CountCell = { key: string; label: string; records: number; people: number };
export type PublishedCell = { key: string; label: string; records: number | null; people: number | null };
export type PublishedTable = {
  /** null: the whole table is withheld (its total is under the threshold). */
  cells: PublishedCell[] | null;
  /** The table's total, when it is a partition and published. */
  total: { records: number; people: number } | null;
  hidden: number;
};

const small = (c: { records: number; people: number }, threshold: number) => c.records < threshold || c.people < threshold;

export function suppressTable(cells: readonly CountCell[], options: { partition: boolean; threshold?: number }): PublishedTable {
  const threshold = options.threshold ?? SUPPRESSION_THRESHOLD;
  const listed = cells.filter((c) => c.records > 0 || c.people > 0);
  const total = { records: listed.reduce((s, c) => s + c.records, 0), people: listed.reduce((s, c) => s + c.people, 0) };
  if (options.partition && small(total, threshold)) return { cells: null, total: null, hidden: listed.length };
  const hidden = new Set(listed.filter((c) => small(c, threshold)).map((c) => c.key));
  if (options.partition && hidden.size > 0) {
    // Smallest first (people, then records, then key for a stable choice), among those still published.
    const candidates = listed.filter((c) => !hidden.has(c.key)).sort((a, b) => a.people - b.people || a.records - b.records || a.key.localeCompare(b.key));
    const hiddenSum = () => {
      const h = listed.filter((c) => hidden.has(c.key));
      return { records: h.reduce((s, c) => s + c.records, 0), people: h.reduce((s, c) => s + c.people, 0) };
    };
    while ((hidden.size < 2 || small(hiddenSum(), threshold)) && candidates.length > 0) hidden.add((candidates.shift() as CountCell).key);
    // Everything hidden and still a recoverable single cell or small sum: only the total can be published
    // if it is itself safe (rule 3 already checked it); the cells are all withheld.
  }
  return {
    cells: listed.map((c) => (hidden.has(c.key) ? { key: c.key, label: c.label, records: null, people: null } : { key: c.key, label: c.label, records: c.records, people: c.people })),
    total: options.partition ? total : null,
    hidden: hidden.size,
  };
}
