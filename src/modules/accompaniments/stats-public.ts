import type { Executor } from "@/platform/db/client";
import { accompanimentStatsBy, accompanimentTotals, orientationFlows, type StatsDimension } from "./stats";
import { suppressTable, SUPPRESSION_THRESHOLD, type CountCell, type PublishedTable } from "./suppression";

/**
 * The public figures of a territory's accompaniments (decision 029): ONE fixed selection — every record of the
 * territory, no period, place or commune filter — so that no one can subtract two selections to find a small
 * one; only margins (one dimension at a time, never a cross table but the flows); each table through
 * `suppressTable`. Places are not a public table: a commune of one place would give the place's figure.
 */
export const publicTables = ["month", "commune", "kind", "setting", "autonomy", "theme", "age", "status", "flows"] as const;
export type PublicTableKey = (typeof publicTables)[number];

export type PublicStats = {
  /** null: fewer than 5 records or people in all: nothing is published. */
  total: { records: number; people: number } | null;
  tables: Record<PublicTableKey, PublishedTable>;
};

const cellsOf = (rows: { key: string; label: string; records: number; people: number }[]): CountCell[] => rows.map((r) => ({ key: r.key, label: r.label, records: r.records, people: r.people }));

/**
 * Age bands and statuses count people: the published cell is that count (as records and people), plus
 * « Non renseigné » for the people without one, so that the table is a partition of the people helped.
 */
function peopleCells(rows: { key: string; label: string; people: number }[], totalPeople: number): CountCell[] {
  const given = rows.reduce((s, r) => s + r.people, 0);
  const cells = rows.map((r) => ({ key: r.key, label: r.label, records: r.people, people: r.people }));
  if (totalPeople > given) cells.push({ key: "", label: "Non renseigné", records: totalPeople - given, people: totalPeople - given });
  return cells;
}

export async function publicAccompanimentStats(db: Executor, territoryId: string): Promise<PublicStats> {
  const totals = await accompanimentTotals(db, territoryId);
  const withheld: PublishedTable = { cells: null, total: null, hidden: 0 };
  const empty = Object.fromEntries(publicTables.map((k) => [k, withheld])) as Record<PublicTableKey, PublishedTable>;
  if (totals.records < SUPPRESSION_THRESHOLD || totals.people < SUPPRESSION_THRESHOLD) return { total: null, tables: empty };
  const by = (d: StatsDimension) => accompanimentStatsBy(db, territoryId, d);
  const [month, commune, kind, setting, autonomy, theme, age, status, flows] = await Promise.all([
    by("month"),
    by("commune"),
    by("kind"),
    by("setting"),
    by("autonomy"),
    by("theme"),
    by("age"),
    by("status"),
    orientationFlows(db, territoryId),
  ]);
  const autonomyGiven = autonomy.reduce((s, r) => ({ records: s.records + r.records, people: s.people + r.people }), { records: 0, people: 0 });
  const autonomyCells = cellsOf(autonomy);
  if (totals.records > autonomyGiven.records) autonomyCells.push({ key: "", label: "Non renseigné", records: totals.records - autonomyGiven.records, people: totals.people - autonomyGiven.people });
  return {
    total: { records: totals.records, people: totals.people },
    tables: {
      month: suppressTable(cellsOf(month), { partition: true }),
      commune: suppressTable(cellsOf(commune), { partition: true }),
      kind: suppressTable(cellsOf(kind), { partition: true }),
      setting: suppressTable(cellsOf(setting), { partition: true }),
      autonomy: suppressTable(autonomyCells, { partition: true }),
      // A record counts once per theme: not a partition of anything published.
      theme: suppressTable(cellsOf(theme), { partition: false }),
      age: suppressTable(peopleCells(age, totals.people), { partition: true }),
      status: suppressTable(peopleCells(status, totals.people), { partition: true }),
      // The flows partition the orientations (their total is published with them).
      flows: suppressTable(
        flows.map((f) => ({ key: `${f.fromPlaceId}>${f.toPlaceId}`, label: `${f.fromName} → ${f.toName}`, records: f.records, people: f.people })),
        { partition: true },
      ),
    },
  };
}
