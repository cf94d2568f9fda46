import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { accompanimentFlows, accompanimentStats, accompanimentTerritoryStats } from "./schema";
import { blocksContaining, monthIndex } from "./flows";

/** The fields of a record the statistics count (a row of `accompaniments`, or the values about to be written). */
export type AggregateSource = {
  territoryId: string;
  placeId: string;
  /** The structure that recorded it (counted under the "actor" dimension); absent or null: none. */
  actorId?: string | null;
  /** YYYY-MM-DD */
  occurredOn: string;
  kind: string;
  people: number;
  durationMinutes: number;
  themes: readonly string[];
  setting: string;
  autonomy: string | null;
  orientedToPlaceId: string | null;
  ageBands: Readonly<Record<string, number>>;
  statuses: Readonly<Record<string, number>>;
};

type FlowDelta = { territoryId: string; grain: number; start: number; fromPlaceId: string; toPlaceId: string; records: number; people: number };
type Delta = { territoryId: string; month: string; placeId: string; shard: number; dimension: string; value: string; records: number; people: number; minutes: number };

/**
 * The (dimension, value) pairs one record counts in. Age bands and statuses count people, not records:
 * their `people` is the count given for that band, so the sum over bands is never more than the people accompanied.
 */
export function dimensionsOf(row: AggregateSource): { dimension: string; value: string; people: number }[] {
  const out = [
    { dimension: "total", value: "", people: row.people },
    { dimension: "kind", value: row.kind, people: row.people },
    { dimension: "setting", value: row.setting, people: row.people },
  ];
  if (row.autonomy) out.push({ dimension: "autonomy", value: row.autonomy, people: row.people });
  if (row.actorId) out.push({ dimension: "actor", value: row.actorId, people: row.people });
  for (const theme of new Set(row.themes)) out.push({ dimension: "theme", value: theme, people: row.people });
  for (const [band, n] of Object.entries(row.ageBands)) if (n > 0) out.push({ dimension: "age", value: band, people: n });
  for (const [status, n] of Object.entries(row.statuses)) if (n > 0) out.push({ dimension: "status", value: status, people: n });
  return out;
}

export const TERRITORY_SHARDS = 16;
/** The pseudo-dimension of the territory level that counts writes (stats.ts `statsRevision`), on a fixed month. */
export const REVISION = "revision";
const REVISION_MONTH = "0001-01-01";

/** The stripe of the territory-level counters a place writes to: stable (a hash of its id), spread over 16. */
export function shardOf(placeId: string): number {
  let h = 0;
  for (let i = 0; i < placeId.length; i++) h = (h * 31 + placeId.charCodeAt(i)) | 0;
  return Math.abs(h) % TERRITORY_SHARDS;
}

function add(map: Map<string, Delta>, key: string, base: Omit<Delta, "records" | "people" | "minutes">, sign: number, people: number, minutes: number) {
  const delta = map.get(key) ?? { ...base, records: 0, people: 0, minutes: 0 };
  delta.records += sign;
  delta.people += sign * people;
  delta.minutes += sign * minutes;
  map.set(key, delta);
}

/**
 * Rows in key order: concurrent recordings then lock the statistics rows they share in the same order, so two
 * mediators recording at once wait for each other instead of deadlocking (two records with themes [a, b] and
 * [b, a] would otherwise take a and b in opposite orders).
 */
function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/**
 * Adds (sign 1) or takes away (sign -1) records from the pre-aggregated statistics — per place
 * (`accompaniment_stats`), per territory (`accompaniment_territory_stats`) and the orientation flows
 * (`accompaniment_flows`, one row per grain: flows.ts) — inside the caller's transaction:
 * every write of `accompaniments` calls it (an edit = -1 for the old row, +1 for the new one), so the
 * statistics are always exactly the sum of the records.
 */
export async function aggregateIn(tx: Executor, rows: readonly AggregateSource[], sign: 1 | -1): Promise<void> {
  await applyDeltas(tx, rows.map((row) => ({ row, sign })));
}

/**
 * An edit in one statement per level: -1 for the record as it was, +1 as it is now. Same sums as two calls of
 * aggregateIn, but every row is locked in one key order — two edits moving records between the same two
 * places in opposite directions cannot deadlock, as they could with -1 then +1 taken separately.
 */
export async function reaggregateIn(tx: Executor, before: readonly AggregateSource[], after: readonly AggregateSource[]): Promise<void> {
  await applyDeltas(tx, [...before.map((row) => ({ row, sign: -1 as const })), ...after.map((row) => ({ row, sign: 1 as const }))]);
}

async function applyDeltas(tx: Executor, changes: readonly { row: AggregateSource; sign: 1 | -1 }[]): Promise<void> {
  const byPlace = new Map<string, Delta>();
  const byTerritory = new Map<string, Delta>();
  const flows = new Map<string, FlowDelta>();
  for (const { row, sign } of changes) {
    const month = `${row.occurredOn.slice(0, 7)}-01`;
    const shard = shardOf(row.placeId);
    // The statistics' revision (decision 029, amended): +1 per record written, whatever the sign, on the row
    // of the record's shard — a counter that only grows, read as the sum of 16 rows, that the page's cache is
    // keyed on (stats-page.ts). Same statement as the other territory rows, no hot row of its own.
    add(byTerritory, [row.territoryId, REVISION, REVISION_MONTH, "", String(shard).padStart(2, "0")].join("\u0000"), { territoryId: row.territoryId, month: REVISION_MONTH, dimension: REVISION, value: "", placeId: "", shard }, 1, 0, 0);
    for (const d of dimensionsOf(row)) {
      const base = { territoryId: row.territoryId, month, dimension: d.dimension, value: d.value };
      add(byPlace, [row.territoryId, month, row.placeId, d.dimension, d.value].join("\u0000"), { ...base, placeId: row.placeId, shard: 0 }, sign, d.people, row.durationMinutes);
      add(byTerritory, [row.territoryId, d.dimension, month, d.value, String(shard).padStart(2, "0")].join("\u0000"), { ...base, placeId: "", shard }, sign, d.people, row.durationMinutes);
    }
    if (row.orientedToPlaceId) {
      for (const b of blocksContaining(monthIndex(row.occurredOn))) {
        // Padded numbers: the key order is the order of the unique index, so concurrent writers lock alike.
        const key = [row.territoryId, String(b.grain).padStart(2, "0"), String(b.start).padStart(6, "0"), row.placeId, row.orientedToPlaceId].join("\u0000");
        const flow = flows.get(key) ?? { territoryId: row.territoryId, grain: b.grain, start: b.start, fromPlaceId: row.placeId, toPlaceId: row.orientedToPlaceId, records: 0, people: 0 };
        flow.records += sign;
        flow.people += sign * row.people;
        flows.set(key, flow);
      }
    }
  }
  const places = sortedValues(byPlace).map(({ shard: _shard, ...d }) => d);
  // 8 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 bound parameters.
  for (let i = 0; i < places.length; i += 1000) {
    await tx
      .insert(accompanimentStats)
      .values(places.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [accompanimentStats.territoryId, accompanimentStats.month, accompanimentStats.placeId, accompanimentStats.dimension, accompanimentStats.value],
        set: {
          records: sql`${accompanimentStats.records} + excluded.records`,
          people: sql`${accompanimentStats.people} + excluded.people`,
          minutes: sql`${accompanimentStats.minutes} + excluded.minutes`,
        },
      });
  }
  const territory = sortedValues(byTerritory).map(({ placeId: _placeId, ...d }) => d);
  for (let i = 0; i < territory.length; i += 1000) {
    await tx
      .insert(accompanimentTerritoryStats)
      .values(territory.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [accompanimentTerritoryStats.territoryId, accompanimentTerritoryStats.dimension, accompanimentTerritoryStats.month, accompanimentTerritoryStats.value, accompanimentTerritoryStats.shard],
        set: {
          records: sql`${accompanimentTerritoryStats.records} + excluded.records`,
          people: sql`${accompanimentTerritoryStats.people} + excluded.people`,
          minutes: sql`${accompanimentTerritoryStats.minutes} + excluded.minutes`,
        },
      });
  }
  // 7 parameters a row: 17 rows per orientation, 1,000 rows a statement as above.
  const flowRows = sortedValues(flows);
  for (let i = 0; i < flowRows.length; i += 1000) {
    await tx
      .insert(accompanimentFlows)
      .values(flowRows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [accompanimentFlows.territoryId, accompanimentFlows.grain, accompanimentFlows.start, accompanimentFlows.fromPlaceId, accompanimentFlows.toPlaceId],
        set: { records: sql`${accompanimentFlows.records} + excluded.records`, people: sql`${accompanimentFlows.people} + excluded.people` },
      });
  }
}
