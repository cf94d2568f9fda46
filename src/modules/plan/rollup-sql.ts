/**
 * The budget synthesis' sums as an analyst would write them: plain SQL `GROUP BY` (two queries), cost by axis
 * and year, co-funding by axis, funder and status. It is the benches' baseline (bench/plan-views.ts in
 * process, bench/plan-load.ts through HTTP), and rollup-sql.test.ts checks that its sums are the synthesis'
 * own. The page keeps rollup.ts: « reste à trouver » is computed action by action and year by year (one
 * action's surplus does not pay for another's gap), which a plain GROUP BY does not say; computed once per
 * content revision of the version (read.ts), it costs nothing per view.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";

export type SqlCostRow = { axisId: string | null; year: number | null; planned: number; actual: number; actions: number };
export type SqlFundingRow = { axisId: string | null; funder: string | null; status: string | null; amount: number };

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

/**
 * `rollup` rows: per (axis, year), per axis (year null) and the plan (both null); per (axis, funder, status),
 * per (axis, funder), per axis and the plan. Rows of an axis null and rows of the roll-up are told apart by
 * `grouping()`, read as `level`.
 */
export async function planRollupSql(db: Executor, territoryId: string, versionId: string): Promise<{ costs: (SqlCostRow & { level: number })[]; funding: (SqlFundingRow & { level: number })[] }> {
  const costs = await db.execute(sql`
    select a.axis_id as "axisId", b.year, sum(b.planned)::float8 as planned, coalesce(sum(b.actual), 0)::float8 as actual,
      count(distinct a.id)::int as actions, grouping(a.axis_id, b.year)::int as level
    from plan_actions a join plan_budget_lines b on b.action_id = a.id
    where a.territory_id = ${territoryId} and a.version_id = ${versionId}
    group by rollup (a.axis_id, b.year)`);
  // The funder as the synthesis names it (read.ts): the catalogue's funder, else the source's name, else the words typed.
  const funder = sql.raw(`case when f.source_id is not null then coalesce(nullif(s.funder, ''), nullif(s.name, ''), f.funder_label) else coalesce(nullif(f.funder_label, ''), 'Financeur non précisé') end`);
  const funding = await db.execute(sql`
    select a.axis_id as "axisId", ${funder} as funder, f.status::text as status, sum(f.amount)::float8 as amount,
      grouping(a.axis_id, ${funder}, f.status)::int as level
    from plan_actions a join plan_fundings f on f.action_id = a.id left join funding_sources s on s.id = f.source_id
    where a.territory_id = ${territoryId} and a.version_id = ${versionId}
    group by rollup (a.axis_id, ${funder}, f.status)`);
  return { costs: rowsOf(costs), funding: rowsOf(funding) };
}
