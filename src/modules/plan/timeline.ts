/**
 * The plan's calendar as a grid of months (pure): one row per action, the months it runs marked, its steps
 * placed in their month. Annual (the twelve months of one year) or multi-year (every month of the version's
 * years). An action that starts before the grid or ends after it is cut at the edges and says so; an action
 * without dates is listed apart (« non datée »), never guessed.
 */
import type { ActionStatus } from "./schema";
import type { PlanActionView } from "./read";

export type TimelineMonth = { key: string; year: number; month: number; label: string; long: string };
export type TimelineStep = { title: string; dueDate: string; done: boolean };
export type TimelineRow = {
  id: string;
  title: string;
  axisId: string | null;
  status: ActionStatus;
  startMonth: string | null;
  endMonth: string | null;
  /** Index of the first and last month shown as running (null: not in this grid or not dated). */
  from: number | null;
  to: number | null;
  startsBefore: boolean;
  endsAfter: boolean;
  /** Steps by month index; steps outside the grid or without a date are in `otherSteps`. */
  steps: Map<number, TimelineStep[]>;
  otherSteps: { title: string; dueDate: string | null; done: boolean }[];
};
export type Timeline = { scope: "annuel" | "pluriannuel"; years: number[]; months: TimelineMonth[]; rows: TimelineRow[]; undated: TimelineRow[]; outside: TimelineRow[] };

const SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const LONG = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

export function monthLabel(isoMonth: string): string {
  const [y, m] = isoMonth.split("-").map(Number);
  return `${LONG[(m ?? 1) - 1] ?? ""} ${y}`;
}

export function monthsOf(years: readonly number[]): TimelineMonth[] {
  return years.flatMap((year) =>
    Array.from({ length: 12 }, (_, i) => ({ key: `${year}-${String(i + 1).padStart(2, "0")}`, year, month: i + 1, label: SHORT[i] ?? "", long: `${LONG[i] ?? ""} ${year}` })),
  );
}

/** Month index of a YYYY-MM(-DD) date from the grid's first year (may be negative or past the end). */
function indexOf(date: string, firstYear: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return (y - firstYear) * 12 + (m - 1);
}

/**
 * The grid for `years` (consecutive, ascending): the version's years for a multi-year view, one year for an
 * annual one. Rows keep the actions' order (the plan's order).
 */
export function buildTimeline(actions: readonly Pick<PlanActionView, "id" | "title" | "axisId" | "status" | "startMonth" | "endMonth" | "steps">[], years: readonly number[]): Timeline {
  const months = monthsOf(years);
  const first = years[0] ?? new Date().getFullYear();
  const last = months.length - 1;
  const rows: TimelineRow[] = [];
  const undated: TimelineRow[] = [];
  const outside: TimelineRow[] = [];
  for (const a of actions) {
    const steps = new Map<number, TimelineStep[]>();
    const otherSteps: TimelineRow["otherSteps"] = [];
    for (const s of a.steps) {
      const i = s.dueDate ? indexOf(s.dueDate, first) : -1;
      if (s.dueDate && i >= 0 && i <= last) steps.set(i, [...(steps.get(i) ?? []), { title: s.title, dueDate: s.dueDate, done: s.done }]);
      else otherSteps.push(s);
    }
    const base = { id: a.id, title: a.title, axisId: a.axisId, status: a.status, startMonth: a.startMonth, endMonth: a.endMonth, steps, otherSteps };
    // One known end stands for both: an action with only a start runs that month, as its sheet shows it.
    const start = a.startMonth ?? a.endMonth;
    const end = a.endMonth ?? a.startMonth;
    if (!start || !end) {
      undated.push({ ...base, from: null, to: null, startsBefore: false, endsAfter: false });
      continue;
    }
    const s = indexOf(start, first);
    const e = indexOf(end, first);
    if (e < 0 || s > last) {
      outside.push({ ...base, from: null, to: null, startsBefore: s < 0, endsAfter: e > last });
      continue;
    }
    rows.push({ ...base, from: Math.max(0, s), to: Math.min(last, e), startsBefore: s < 0, endsAfter: e > last });
  }
  return { scope: years.length === 1 ? "annuel" : "pluriannuel", years: [...years], months, rows, undated, outside };
}

/** The years of a version, first to last (a version ending before it starts gives its start year). */
export function versionYears(version: { startYear: number; endYear: number }): number[] {
  const end = Math.max(version.startYear, Math.min(version.endYear, version.startYear + 9));
  return Array.from({ length: end - version.startYear + 1 }, (_, i) => version.startYear + i);
}

// The same actions (a shared, never-mutated PlanView's list) over the same years give the same grid: built once.
const built = new WeakMap<object, Map<string, Timeline>>();

/** buildTimeline, once per loaded list of actions and years. */
export function timelineOf(actions: Parameters<typeof buildTimeline>[0], years: readonly number[]): Timeline {
  let byYears = built.get(actions);
  if (!byYears) built.set(actions, (byYears = new Map()));
  const key = years.join(",");
  let t = byYears.get(key);
  if (!t) byYears.set(key, (t = buildTimeline(actions, years)));
  return t;
}
