import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { accompanimentStats } from "./schema";

/** The fields of a record the statistics count (a row of `accompaniments`, or the values about to be written). */
export type AggregateSource = {
  territoryId: string;
  placeId: string;
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

type Delta = { territoryId: string; month: string; placeId: string; dimension: string; value: string; records: number; people: number; minutes: number };

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
  for (const theme of new Set(row.themes)) out.push({ dimension: "theme", value: theme, people: row.people });
  if (row.orientedToPlaceId) out.push({ dimension: "orientation", value: row.orientedToPlaceId, people: row.people });
  for (const [band, n] of Object.entries(row.ageBands)) if (n > 0) out.push({ dimension: "age", value: band, people: n });
  for (const [status, n] of Object.entries(row.statuses)) if (n > 0) out.push({ dimension: "status", value: status, people: n });
  return out;
}

/**
 * Adds (sign 1) or takes away (sign -1) records from the pre-aggregated statistics, inside the caller's
 * transaction: every write of `accompaniments` calls it (an edit = -1 for the old row, +1 for the new one),
 * so the statistics are always exactly the sum of the records.
 */
export async function aggregateIn(tx: Executor, rows: readonly AggregateSource[], sign: 1 | -1): Promise<void> {
  const deltas = new Map<string, Delta>();
  for (const row of rows) {
    const month = `${row.occurredOn.slice(0, 7)}-01`;
    for (const d of dimensionsOf(row)) {
      const key = [row.territoryId, month, row.placeId, d.dimension, d.value].join("\u0000");
      const delta = deltas.get(key) ?? { territoryId: row.territoryId, month, placeId: row.placeId, dimension: d.dimension, value: d.value, records: 0, people: 0, minutes: 0 };
      delta.records += sign;
      delta.people += sign * d.people;
      delta.minutes += sign * row.durationMinutes;
      deltas.set(key, delta);
    }
  }
  const all = [...deltas.values()];
  // 8 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 bound parameters.
  for (let i = 0; i < all.length; i += 1000) {
    await tx
      .insert(accompanimentStats)
      .values(all.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [accompanimentStats.territoryId, accompanimentStats.month, accompanimentStats.placeId, accompanimentStats.dimension, accompanimentStats.value],
        set: {
          records: sql`${accompanimentStats.records} + excluded.records`,
          people: sql`${accompanimentStats.people} + excluded.people`,
          minutes: sql`${accompanimentStats.minutes} + excluded.minutes`,
        },
      });
  }
}
