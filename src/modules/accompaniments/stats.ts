import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { places } from "@/modules/places";
import { communes } from "@/modules/geo";
import { actors } from "@/modules/actors";
import { inPerimeterOf } from "@/modules/territories";
import { accompanimentFlows, accompanimentStats, accompanimentTerritoryStats } from "./schema";
import { blocksOf, monthIndex } from "./flows";
import { REVISION } from "./aggregate";
import { monthLabel, valueLabel } from "./stats-labels";

/**
 * The statistics of accompaniments, read from the pre-aggregated tables only (never from the records):
 * `accompaniment_territory_stats` for the whole territory, `accompaniment_stats` when a place or a commune is
 * chosen, or to count per place, per commune and the orientation flows (decision 029). Every query is scoped by
 * the territory id.
 */

export const statsDimensions = ["theme", "month", "place", "commune", "actor", "age", "status", "kind", "setting", "autonomy"] as const;
export type StatsDimension = (typeof statsDimensions)[number];
export function isStatsDimension(s: string): s is StatsDimension {
  return (statsDimensions as readonly string[]).includes(s);
}

export const dimensionTitles: Record<StatsDimension, string> = {
  theme: "Thème",
  month: "Mois",
  place: "Lieu",
  commune: "Commune",
  actor: "Structure",
  age: "Tranche d'âge",
  status: "Statut",
  kind: "Type d'accompagnement",
  setting: "Où",
  autonomy: "Autonomie atteinte",
};

/** Months are "YYYY-MM", both included; a place or a commune narrows to its places. */
export type StatsFilter = { from?: string; to?: string; placeId?: string; communeCode?: string };

export type StatsRow = { key: string; label: string; records: number; people: number; minutes: number };
export type FlowRow = { fromPlaceId: string; fromName: string; toPlaceId: string; toName: string; records: number; people: number };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMUNE = /^[0-9][0-9AB][0-9]{3}$/;

/**
 * The filter of a page's or a command's parameters, with a French message for each value it could not read
 * (that value is then left out: the rest of the filter still applies, nothing is lost).
 */
export function readStatsFilter(params: { from?: string; to?: string; place?: string; commune?: string }): { filter: StatsFilter; errors: string[] } {
  const filter: StatsFilter = {};
  const errors: string[] = [];
  const from = params.from?.trim();
  const to = params.to?.trim();
  if (from) {
    if (MONTH.test(from)) filter.from = from;
    else errors.push(`Le mois de début « ${from} » n'est pas un mois (AAAA-MM).`);
  }
  if (to) {
    if (MONTH.test(to)) filter.to = to;
    else errors.push(`Le mois de fin « ${to} » n'est pas un mois (AAAA-MM).`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.push("Le mois de début est après le mois de fin : la période a été inversée.");
    [filter.from, filter.to] = [filter.to, filter.from];
  }
  const place = params.place?.trim();
  if (place) {
    if (UUID.test(place)) filter.placeId = place;
    else errors.push("Le lieu choisi est inconnu.");
  }
  const commune = params.commune?.trim();
  if (commune) {
    if (COMMUNE.test(commune)) filter.communeCode = commune;
    else errors.push(`« ${commune} » n'est pas un code de commune.`);
  }
  return { filter, errors };
}

const num = (v: unknown) => Number(v ?? 0);
const sumOf = (column: SQL | unknown) => sql<string>`coalesce(sum(${column}), 0)::bigint`;

function placeScope(filter: StatsFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.placeId) conditions.push(eq(accompanimentStats.placeId, filter.placeId));
  if (filter.communeCode) conditions.push(inArray(accompanimentStats.placeId, sql`(select ${places.id} from ${places} where ${places.communeCode} = ${filter.communeCode})`));
  return conditions.length ? and(...conditions) : undefined;
}

function placeWhere(territoryId: string, dimension: string, filter: StatsFilter): SQL | undefined {
  return and(
    eq(accompanimentStats.territoryId, territoryId),
    eq(accompanimentStats.dimension, dimension),
    filter.from ? gte(accompanimentStats.month, `${filter.from}-01`) : undefined,
    filter.to ? lte(accompanimentStats.month, `${filter.to}-01`) : undefined,
    placeScope(filter),
  );
}

function territoryWhere(territoryId: string, dimension: string, filter: StatsFilter): SQL | undefined {
  return and(
    eq(accompanimentTerritoryStats.territoryId, territoryId),
    eq(accompanimentTerritoryStats.dimension, dimension),
    filter.from ? gte(accompanimentTerritoryStats.month, `${filter.from}-01`) : undefined,
    filter.to ? lte(accompanimentTerritoryStats.month, `${filter.to}-01`) : undefined,
  );
}

function territoryValuesWhere(territoryId: string, dimensions: SQL, filter: StatsFilter): SQL | undefined {
  return and(
    eq(accompanimentTerritoryStats.territoryId, territoryId),
    sql`${accompanimentTerritoryStats.dimension} in (${dimensions})`,
    filter.from ? gte(accompanimentTerritoryStats.month, `${filter.from}-01`) : undefined,
    filter.to ? lte(accompanimentTerritoryStats.month, `${filter.to}-01`) : undefined,
  );
}

const narrowed = (filter: StatsFilter) => Boolean(filter.placeId || filter.communeCode);

/** Sums of one dimension's values (or of the months, for "month"), read from the right level. */
async function byValue(db: Executor, territoryId: string, dimension: string, filter: StatsFilter, perMonth: boolean) {
  if (narrowed(filter)) {
    const t = accompanimentStats;
    const key = perMonth ? sql<string>`to_char(${t.month}, 'YYYY-MM')` : sql<string>`${t.value}`;
    return db
      .select({ key, records: sumOf(t.records), people: sumOf(t.people), minutes: sumOf(t.minutes) })
      .from(t)
      .where(placeWhere(territoryId, dimension, filter))
      .groupBy(key)
      .having(sql`sum(${t.records}) > 0`);
  }
  const t = accompanimentTerritoryStats;
  const key = perMonth ? sql<string>`to_char(${t.month}, 'YYYY-MM')` : sql<string>`${t.value}`;
  return db
    .select({ key, records: sumOf(t.records), people: sumOf(t.people), minutes: sumOf(t.minutes) })
    .from(t)
    .where(territoryWhere(territoryId, dimension, filter))
    .groupBy(key)
    .having(sql`sum(${t.records}) > 0`);
}

/** One collator for every sort: `localeCompare(…, "fr")` looks the locale up on each of the ~130,000 comparisons of 10,000 flows. */
const collator = new Intl.Collator("fr");
const byRecordsThenLabel = (a: StatsRow, b: StatsRow) => b.records - a.records || collator.compare(a.label, b.label);

/**
 * One table of the statistics: a row per value of `by` with records, people and minutes. Months come in
 * order; other dimensions by decreasing number of records. Multi-valued dimensions (themes) count a record
 * once per value, so their rows add up to more than the total; age bands and statuses count people (their
 * `records` is the number of records that gave that band).
 */
export async function accompanimentStatsBy(db: Executor, territoryId: string, by: StatsDimension, filter: StatsFilter = {}): Promise<StatsRow[]> {
  if (by === "place" || by === "commune") return byPlaceOrCommune(db, territoryId, by, filter);
  const rows = await byValue(db, territoryId, by === "month" ? "total" : by, filter, by === "month");
  const out = rows.map((r) => ({ key: r.key, label: by === "month" ? monthLabel(r.key) : valueLabel(by, r.key), records: num(r.records), people: num(r.people), minutes: num(r.minutes) }));
  if (by === "actor" && out.length > 0) {
    const names = new Map((await db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, out.filter((r) => UUID.test(r.key)).map((r) => r.key)))).map((a) => [a.id, a.name]));
    for (const r of out) r.label = names.get(r.key) ?? "Structure supprimée";
  }
  return by === "month" ? out.sort((a, b) => a.key.localeCompare(b.key)) : out.sort(byRecordsThenLabel);
}

async function byPlaceOrCommune(db: Executor, territoryId: string, by: "place" | "commune", filter: StatsFilter): Promise<StatsRow[]> {
  const t = accompanimentStats;
  const key = by === "place" ? sql<string>`${t.placeId}::text` : sql<string>`coalesce(${places.communeCode}, '')`;
  const label = by === "place" ? sql<string>`coalesce(min(${places.name}), 'Lieu supprimé')` : sql<string>`coalesce(min(${communes.name}), 'Commune inconnue')`;
  const rows = await db
    .select({ key, label, records: sumOf(t.records), people: sumOf(t.people), minutes: sumOf(t.minutes) })
    .from(t)
    .leftJoin(places, eq(places.id, t.placeId))
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .where(placeWhere(territoryId, "total", filter))
    .groupBy(key)
    .having(sql`sum(${t.records}) > 0`);
  return rows.map((r) => ({ key: r.key, label: r.label, records: num(r.records), people: num(r.people), minutes: num(r.minutes) })).sort(byRecordsThenLabel);
}

/** Records, people and minutes of the whole selection. */
export async function accompanimentTotals(db: Executor, territoryId: string, filter: StatsFilter = {}): Promise<{ records: number; people: number; minutes: number }> {
  const rows = await byValue(db, territoryId, "total", filter, false);
  const row = rows[0];
  return { records: num(row?.records), people: num(row?.people), minutes: num(row?.minutes) };
}

/**
 * Orientation flows: from the place of the accompaniment to the place of the registry the person was sent to,
 * by decreasing number of records. A place filter keeps the flows that leave it or reach it, a commune those
 * that leave or reach one of its places. Read from `accompaniment_flows`: the period is the union of a few
 * dyadic blocks of months (flows.ts), each read by the key index, and the places' names are joined in the same
 * query — one round trip, about one row per distinct flow and block.
 */
export async function orientationFlows(db: Executor, territoryId: string, filter: StatsFilter = {}): Promise<FlowRow[]> {
  return (await flowsQuery(db, territoryId, filter)).flows;
}

/** The flows a page shows: the `top` largest (same order as `orientationFlows`) and how many there are. */
export async function topOrientationFlows(db: Executor, territoryId: string, filter: StatsFilter, top: number): Promise<{ flows: FlowRow[]; count: number }> {
  return flowsQuery(db, territoryId, filter, top);
}

async function flowsQuery(db: Executor, territoryId: string, filter: StatsFilter, top?: number): Promise<{ flows: FlowRow[]; count: number }> {
  const f = accompanimentFlows;
  const blocks = blocksOf(filter.from ? monthIndex(filter.from) : undefined, filter.to ? monthIndex(filter.to) : undefined);
  if (blocks.length === 0) return { flows: [], count: 0 };
  const scope: SQL[] = [];
  if (filter.placeId) scope.push(sql`(${f.fromPlaceId} = ${filter.placeId} or ${f.toPlaceId} = ${filter.placeId})`);
  if (filter.communeCode) {
    const inCommune = sql`(select ${places.id} from ${places} where ${places.communeCode} = ${filter.communeCode})`;
    scope.push(sql`(${f.fromPlaceId} in ${inCommune} or ${f.toPlaceId} in ${inCommune})`);
  }
  const wanted = sql.join(
    blocks.map((b) => sql`(${b.grain}::smallint, ${b.start}::int)`),
    sql`, `,
  );
  // With `top`: only the flows ranked top or better by their number of records — ties at the edge included, so
  // the French order of names below picks exactly the rows `orientationFlows` would put first — and the count
  // of all: a page of 10,000 flows then carries a few dozen rows instead of 10,000 (bench/RESULTS.md, session 9).
  const ranked = top === undefined ? sql`` : sql`, rank() over (order by sums.records desc) as rank, count(*) over () as count`;
  const { rows } = (await db.execute(sql`
    with sums as (
      select ${f.fromPlaceId} as "from", ${f.toPlaceId} as "to", sum(${f.records})::bigint as records, sum(${f.people})::bigint as people
      from (values ${wanted}) as b(grain, start)
      join ${f} on ${f.territoryId} = ${territoryId} and ${f.grain} = b.grain and ${f.start} = b.start
      ${scope.length ? sql`where ${and(...scope)}` : sql``}
      group by 1, 2
      having sum(${f.records}) > 0
    ), kept as (select sums.*${ranked} from sums)
    select kept."from"::text as "from", kept."to"::text as "to", kept.records, kept.people, ${top === undefined ? sql`0` : sql`kept.count`} as count, fp.name as "fromName", tp.name as "toName"
    from kept left join ${places} fp on fp.id = kept."from" left join ${places} tp on tp.id = kept."to"
    ${top === undefined ? sql`` : sql`where kept.rank <= ${top}`}`)) as unknown as {
    rows: { from: string; to: string; records: string | number; people: string | number; count: string | number; fromName: string | null; toName: string | null }[];
  };
  const flows = rows
    .map((r) => ({ fromPlaceId: r.from, fromName: r.fromName ?? "Lieu supprimé", toPlaceId: r.to, toName: r.toName ?? "Lieu supprimé", records: num(r.records), people: num(r.people) }))
    .sort((a, b) => b.records - a.records || collator.compare(a.fromName, b.fromName) || collator.compare(a.toName, b.toName));
  if (top === undefined) return { flows, count: flows.length };
  return { flows: flows.slice(0, top), count: num(rows[0]?.count) };
}

/** How many flows the statistics page shows (table; the Sankey diagram draws the first 15 of them). */
export const FLOWS_SHOWN = 25;

/**
 * The statistics' revision of a territory: the number of record writes ever counted (aggregate.ts, the
 * "revision" rows of the territory level, one per shard). It changes in the transaction of every write of
 * `accompaniments`, so two reads that see the same revision see the same figures.
 */
export async function statsRevision(db: Executor, territoryId: string): Promise<number> {
  const [row] = await db
    .select({ n: sumOf(accompanimentTerritoryStats.records) })
    .from(accompanimentTerritoryStats)
    .where(and(eq(accompanimentTerritoryStats.territoryId, territoryId), eq(accompanimentTerritoryStats.dimension, REVISION)));
  return num(row?.n);
}

/**
 * The places and communes that have statistics in the territory, for the filters' lists: the places of the
 * perimeter, each probed for one statistics row through the place index (a thousand probes cost a few
 * milliseconds; a DISTINCT over the statistics of 3 years read 36,000 rows per page view — bench/RESULTS.md).
 */
export async function statsChoices(db: Executor, territoryId: string): Promise<{ places: { id: string; name: string }[]; communes: { code: string; name: string }[] }> {
  const rows = await db
    .select({ id: places.id, name: places.name, code: places.communeCode, commune: communes.name })
    .from(places)
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .where(
      and(
        inPerimeterOf(db, territoryId, places.communeCode),
        sql`exists (select 1 from ${accompanimentStats} s where s.place_id = ${places.id} and s.dimension = 'total' and s.territory_id = ${territoryId} and s.records > 0)`,
      ),
    );
  const byCode = new Map<string, string>();
  for (const r of rows) if (r.code) byCode.set(r.code, r.commune ?? r.code);
  return {
    places: rows.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => collator.compare(a.name, b.name)),
    communes: [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name)),
  };
}

/** `flows`: the FLOWS_SHOWN largest of `flowCount` flows (all of them: `orientationFlows`, the exports). */
export type StatsOverview = { totals: { records: number; people: number; minutes: number }; tables: Record<StatsDimension, StatsRow[]>; flows: FlowRow[]; flowCount: number };

const valueDimensions = ["total", "kind", "setting", "autonomy", "actor", "theme", "age", "status"] as const;

/**
 * Every table of the statistics page in four queries (values of every dimension; months; places, from which
 * the communes are summed; flows) instead of one per table: the same figures as `accompanimentStatsBy` and
 * `accompanimentTotals` (stats.test.ts compares them), fewer round trips on a busy pool (decision 029).
 */
export async function statsOverview(db: Executor, territoryId: string, filter: StatsFilter = {}): Promise<StatsOverview> {
  // Sums first, names after: joining the names before grouping made PostgreSQL carry a name through each of the
  // ~37,000 rows it sums (3 years, 5,000,000 records) instead of the ~1,000 groups (bench/RESULTS.md, session 9).
  type Values = { dimension: string; key: string; actor: string | null; records: string | number; people: string | number; minutes: string | number };
  type Places = { key: string; name: string | null; code: string | null; commune: string | null; records: string | number; people: string | number; minutes: string | number };
  const valueList = sql.join(
    valueDimensions.map((d) => sql`${d}`),
    sql`, `,
  );
  const values = narrowed(filter)
    ? sql`select ${accompanimentStats.dimension} as dimension, ${accompanimentStats.value} as value, sum(${accompanimentStats.records})::bigint as records, sum(${accompanimentStats.people})::bigint as people, sum(${accompanimentStats.minutes})::bigint as minutes
        from ${accompanimentStats}
        where ${and(
          eq(accompanimentStats.territoryId, territoryId),
          sql`${accompanimentStats.dimension} in (${valueList})`,
          filter.from ? gte(accompanimentStats.month, `${filter.from}-01`) : undefined,
          filter.to ? lte(accompanimentStats.month, `${filter.to}-01`) : undefined,
          placeScope(filter),
        )}
        group by 1, 2 having sum(${accompanimentStats.records}) > 0`
    : sql`select ${accompanimentTerritoryStats.dimension} as dimension, ${accompanimentTerritoryStats.value} as value, sum(${accompanimentTerritoryStats.records})::bigint as records, sum(${accompanimentTerritoryStats.people})::bigint as people, sum(${accompanimentTerritoryStats.minutes})::bigint as minutes
        from ${accompanimentTerritoryStats}
        where ${territoryValuesWhere(territoryId, valueList, filter)}
        group by 1, 2 having sum(${accompanimentTerritoryStats.records}) > 0`;
  const t = accompanimentStats;
  const [valueRows, months, placeRows, flows] = await Promise.all([
    db
      .execute(sql`select v.dimension, v.value as key, a.name as actor, v.records, v.people, v.minutes from (${values}) v left join ${actors} a on v.dimension = 'actor' and a.id::text = v.value`)
      .then((r) => (r as unknown as { rows: Values[] }).rows),
    byValue(db, territoryId, "total", filter, true),
    // The literal 'total' lets PostgreSQL read the partial index accompaniment_stats_total_idx only (index-only scan).
    db
      .execute(
        sql`select s.place_id::text as key, p.name, p.commune_code as code, c.name as commune, s.records, s.people, s.minutes
          from (select ${t.placeId} as place_id, sum(${t.records})::bigint as records, sum(${t.people})::bigint as people, sum(${t.minutes})::bigint as minutes
                from ${t}
                where ${and(
                  eq(t.territoryId, territoryId),
                  sql`${t.dimension} = 'total'`,
                  filter.from ? gte(t.month, `${filter.from}-01`) : undefined,
                  filter.to ? lte(t.month, `${filter.to}-01`) : undefined,
                  placeScope(filter),
                )}
                group by 1 having sum(${t.records}) > 0) s
          left join ${places} p on p.id = s.place_id
          left join ${communes} c on c.code = p.commune_code`,
      )
      .then((r) => (r as unknown as { rows: Places[] }).rows),
    topOrientationFlows(db, territoryId, filter, FLOWS_SHOWN),
  ]);
  const tables = Object.fromEntries(statsDimensions.map((d) => [d, [] as StatsRow[]])) as Record<StatsDimension, StatsRow[]>;
  let totals = { records: 0, people: 0, minutes: 0 };
  for (const v of valueRows) {
    const row = { key: v.key, label: "", records: num(v.records), people: num(v.people), minutes: num(v.minutes) };
    if (v.dimension === "total") totals = { records: row.records, people: row.people, minutes: row.minutes };
    else {
      row.label = v.dimension === "actor" ? (v.actor ?? "Structure supprimée") : valueLabel(v.dimension, v.key);
      tables[v.dimension as StatsDimension].push(row);
    }
  }
  tables.month = months.map((r) => ({ key: r.key, label: monthLabel(r.key), records: num(r.records), people: num(r.people), minutes: num(r.minutes) })).sort((a, b) => a.key.localeCompare(b.key));
  const byCommune = new Map<string, StatsRow>();
  for (const p of placeRows) {
    const row = { key: p.key, label: p.name ?? "Lieu supprimé", records: num(p.records), people: num(p.people), minutes: num(p.minutes) };
    tables.place.push(row);
    const code = p.code ?? "";
    const c = byCommune.get(code) ?? { key: code, label: p.commune ?? "Commune inconnue", records: 0, people: 0, minutes: 0 };
    c.records += row.records;
    c.people += row.people;
    c.minutes += row.minutes;
    byCommune.set(code, c);
  }
  tables.commune = [...byCommune.values()];
  for (const d of statsDimensions) if (d !== "month") tables[d].sort(byRecordsThenLabel);
  return { totals, tables, flows: flows.flows, flowCount: flows.count };
}
