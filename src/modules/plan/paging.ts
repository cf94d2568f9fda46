/**
 * The long per-action lists of the plan's views (the timeline's grid and table, the synthesis by action) are
 * shown 100 actions at a time, in plan order, with a pager: a page of 2,000 rows (48,000 cells for the
 * timeline) cost seconds of rendering per view and tens of megabytes of HTML (bench/RESULTS.md, ADR 031). The
 * whole plan stays in the exports.
 */
export const VIEW_PAGE_SIZE = 100;

const pages = new WeakMap<readonly unknown[], Map<string, { page: number; pages: number; items: unknown[] }>>();

/**
 * Page `asked` (1-based, brought back within range) of a list kept with a version's view: the same array for
 * the same list and page, so what is computed from it (the months grid) is kept too.
 */
export function pageOf<T>(list: readonly T[], asked: number, size = VIEW_PAGE_SIZE): { page: number; pages: number; items: T[]; from: number; to: number } {
  const count = Math.max(1, Math.ceil(list.length / size));
  const page = Math.min(Math.max(1, Math.floor(asked) || 1), count);
  let byPage = pages.get(list);
  if (!byPage) pages.set(list, (byPage = new Map()));
  const key = `${page}:${size}`;
  let entry = byPage.get(key);
  if (!entry) byPage.set(key, (entry = { page, pages: count, items: list.slice((page - 1) * size, page * size) }));
  const from = list.length === 0 ? 0 : (page - 1) * size + 1;
  return { page, pages: count, items: entry.items as T[], from, to: from === 0 ? 0 : from + entry.items.length - 1 };
}
