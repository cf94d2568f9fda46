/**
 * The budget synthesis of a plan, rolled up action → axis → plan, by funder and by year. Pure: it reads a
 * PlanView (src/modules/plan/read.ts) and computes, so that the page, the exports and the bench's baseline
 * are checked against the same figures.
 *
 * Words, as the page explains them:
 * - cost planned / actual: the sums of the budget lines (an actual left empty counts for nothing);
 * - secured (« acquis »): co-funding accordé or versé; requested (« demandé »): demandé; envisaged: envisagé;
 *   refused rows are listed by funder but cover nothing;
 * - missing (« reste à trouver »): what is neither secured nor requested, max(0, planned − secured − requested),
 *   computed for each action (per year for the by-year table) then summed: one action's surplus does not
 *   pay for another's gap;
 * - in-kind means count beside money, never inside it: in euros (value given, or days × the territory's value
 *   of a day) and in days (days given, or euros ÷ value of a day), shown in the unit the territory chose.
 * Sums are made in cents (hundredths of a day) so that 0.1 + 0.2 is 0.30, not 0.30000000000000004.
 */
import type { FundingStatus } from "./schema";
import type { InKindSettings, PlanActionView, PlanView } from "./read";

export type Money = {
  planned: number;
  actual: number;
  secured: number;
  requested: number;
  envisaged: number;
  refused: number;
  missing: number;
  inKindEuros: number;
  inKindDays: number;
};

export type ActionRollup = Money & { id: string; title: string; axisId: string | null; overfunded: boolean };
export type AxisRollup = Money & { id: string | null; title: string; actions: number };
export type FunderRollup = { funder: string; secured: number; requested: number; envisaged: number; refused: number; actions: number };
export type YearRollup = Money & { year: number };
export type PlanRollup = {
  totals: Money;
  actions: ActionRollup[];
  axes: AxisRollup[];
  byFunder: FunderRollup[];
  byYear: YearRollup[];
  /** Actions whose secured + requested co-funding exceeds their planned cost: warned, not refused. */
  overfunded: ActionRollup[];
  unit: InKindSettings["unit"];
};

export const NO_AXIS_TITLE = "Actions sans axe";

const cents = (euros: number | null | undefined) => (euros === null || euros === undefined || !Number.isFinite(euros) ? 0 : Math.round(euros * 100));
const euros = (c: number) => c / 100;

type Acc = { planned: number; actual: number; secured: number; requested: number; envisaged: number; refused: number; missing: number; inKindEuros: number; inKindDays: number };
const zero = (): Acc => ({ planned: 0, actual: 0, secured: 0, requested: 0, envisaged: 0, refused: 0, missing: 0, inKindEuros: 0, inKindDays: 0 });
const keys = Object.keys(zero()) as (keyof Acc)[];

function add(into: Acc, from: Acc): void {
  for (const k of keys) into[k] += from[k];
}

function toMoney(acc: Acc): Money {
  const out = {} as Money;
  for (const k of keys) out[k] = euros(acc[k]);
  return out;
}

const statusKey: Record<FundingStatus, "secured" | "requested" | "envisaged" | "refused"> = {
  accorde: "secured",
  verse: "secured",
  demande: "requested",
  envisage: "envisaged",
  refuse: "refused",
};

/** An in-kind row valued both ways, in cents of euros and hundredths of days. */
export function inKindValue(row: { days: number | null; valueEuros: number | null }, settings: InKindSettings): { euros: number; days: number } {
  const day = settings.dayValueEuros > 0 ? settings.dayValueEuros : 0;
  const e = row.valueEuros !== null ? cents(row.valueEuros) : row.days !== null ? Math.round(row.days * day * 100) : 0;
  const d = row.days !== null ? cents(row.days) : row.valueEuros !== null && day > 0 ? Math.round((row.valueEuros / day) * 100) : 0;
  return { euros: e, days: d };
}

/** One action's figures per year (cents), with its missing part computed year by year. */
function actionYears(action: PlanActionView, settings: InKindSettings): Map<number, Acc> {
  const years = new Map<number, Acc>();
  const at = (year: number) => {
    let acc = years.get(year);
    if (!acc) years.set(year, (acc = zero()));
    return acc;
  };
  for (const line of action.budget) {
    const acc = at(line.year);
    acc.planned += cents(line.planned);
    acc.actual += cents(line.actual);
  }
  for (const f of action.fundings) at(f.year)[statusKey[f.status]] += cents(f.amount);
  for (const k of action.inKind) {
    const v = inKindValue(k, settings);
    const acc = at(k.year);
    acc.inKindEuros += v.euros;
    acc.inKindDays += v.days;
  }
  for (const acc of years.values()) acc.missing = Math.max(0, acc.planned - acc.secured - acc.requested);
  return years;
}

export function rollupPlan(view: Pick<PlanView, "actions" | "axes" | "settings">): PlanRollup {
  const total = zero();
  const axisAcc = new Map<string | null, { acc: Acc; actions: number }>();
  const yearAcc = new Map<number, Acc>();
  const funders = new Map<string, { secured: number; requested: number; envisaged: number; refused: number; actions: Set<string> }>();
  const actions: ActionRollup[] = [];

  for (const action of view.actions) {
    const acc = zero();
    for (const [year, y] of actionYears(action, view.settings)) {
      add(acc, y);
      const into = yearAcc.get(year) ?? zero();
      add(into, y);
      yearAcc.set(year, into);
    }
    // Over the whole action, a grant of one year may pay for the cost of another.
    acc.missing = Math.max(0, acc.planned - acc.secured - acc.requested);
    add(total, acc);
    const axis = axisAcc.get(action.axisId) ?? { acc: zero(), actions: 0 };
    add(axis.acc, acc);
    axis.actions++;
    axisAcc.set(action.axisId, axis);
    for (const f of action.fundings) {
      const entry = funders.get(f.funder) ?? { secured: 0, requested: 0, envisaged: 0, refused: 0, actions: new Set<string>() };
      entry[statusKey[f.status]] += cents(f.amount);
      entry.actions.add(action.id);
      funders.set(f.funder, entry);
    }
    actions.push({ ...toMoney(acc), id: action.id, title: action.title, axisId: action.axisId, overfunded: acc.secured + acc.requested > acc.planned });
  }

  const axes: AxisRollup[] = view.axes
    .filter((a) => axisAcc.has(a.id))
    .map((a) => {
      const entry = axisAcc.get(a.id) ?? { acc: zero(), actions: 0 };
      return { ...toMoney(entry.acc), id: a.id, title: a.title, actions: entry.actions };
    });
  // An action whose axis is not among the territory's axes (or has none) is rolled up under « sans axe ».
  const known = new Set(view.axes.map((a) => a.id));
  const orphan = zero();
  let orphanCount = 0;
  for (const [id, entry] of axisAcc) {
    if (id !== null && known.has(id)) continue;
    add(orphan, entry.acc);
    orphanCount += entry.actions;
  }
  if (orphanCount > 0) axes.push({ ...toMoney(orphan), id: null, title: NO_AXIS_TITLE, actions: orphanCount });

  const collator = new Intl.Collator("fr");
  const byFunder = [...funders]
    .map(([funder, e]) => ({ funder, secured: euros(e.secured), requested: euros(e.requested), envisaged: euros(e.envisaged), refused: euros(e.refused), actions: e.actions.size }))
    .sort((a, b) => b.secured - a.secured || b.requested - a.requested || collator.compare(a.funder, b.funder));
  const byYear = [...yearAcc].sort(([a], [b]) => a - b).map(([year, acc]) => ({ ...toMoney(acc), year }));

  return { totals: toMoney(total), actions, axes, byFunder, byYear, overfunded: actions.filter((a) => a.overfunded), unit: view.settings.unit };
}

// A PlanView is never mutated (read.ts shares one between simultaneous requests): its roll-up is computed once.
const rolledUp = new WeakMap<object, PlanRollup>();

/** rollupPlan, once per loaded view. */
export function rollupOf(view: Pick<PlanView, "actions" | "axes" | "settings">): PlanRollup {
  let r = rolledUp.get(view);
  if (!r) rolledUp.set(view, (r = rollupPlan(view)));
  return r;
}
