/**
 * Composed fields (decision 014): a value made of several columns.
 * - concat: non-empty cells joined with a separator (« 8 » + « rue de la Paix » → « 8 rue de la Paix »);
 * - hours_by_day: one column per weekday (« horaires_lundi » … « horaires_dimanche ») read with the
 *   French hours parser, combined into one OSM opening_hours value, then checked with the
 *   opening_hours library: the value must open exactly when the columns say, day by day. Anything
 *   else (a cell that opens another day, a cell that says something but cannot be read, a value the
 *   library reads differently) is an error on that line: the meaning would change.
 */
import { parseFrenchHours, scheduleToOsm, type TimeRange, type Week } from "../hours/french";
import { validate, weeklyTable } from "../hours/opening-hours";
import type { Composition } from "./schema";

export const DAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;

export type Composed = { ok: true; value: string } | { ok: false; message: string };

export function concatCells(cells: string[], separator: string): string {
  return cells.filter((c) => c !== "").join(separator);
}

const CLOSED = /^(ferm[ée]e?s?|closed|off|non|-|néant|aucun|x)$/iu;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const slotsOf = (ranges: TimeRange[]) => ranges.map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`).join(",");

/** A week with no public holiday (checks compare days, not dates). */
const REFERENCE_MONDAY = new Date("2025-03-10T12:00:00Z");

// Many places of a file share their hours: each combination of cells is worked out once (bounded).
const composedHours = new Map<string, Composed>();

/** The cells of Monday … Sunday (empty = nothing said for that day: closed) → one OSM value. */
export function hoursFromDays(cells: readonly string[]): Composed {
  const key = cells.join("\u0000");
  const known = composedHours.get(key);
  if (known) return known;
  const composed = combineDays(cells);
  if (composedHours.size >= 5_000) composedHours.clear();
  composedHours.set(key, composed);
  return composed;
}

function combineDays(cells: readonly string[]): Composed {
  const week: Week = [[], [], [], [], [], [], []];
  for (let d = 0; d < 7; d++) {
    const cell = (cells[d] ?? "").trim();
    if (cell === "" || CLOSED.test(cell)) continue;
    const day = DAY_NAMES[d] as string;
    // « 9:00-12:00 | 14:00-17:00 »: a bar between two ranges of the same day.
    const parsed = parseFrenchHours(`${day} ${cell.replace(/\s*\|\s*/g, " et ")}`);
    if (!parsed.ok) return { ok: false, message: `Horaires du ${day} « ${cell} » illisibles : ${parsed.message}` };
    const other = parsed.schedule.week.findIndex((ranges, i) => i !== d && ranges.length > 0);
    if (other >= 0) {
      return { ok: false, message: `La colonne du ${day} (« ${cell} ») ouvrirait aussi le ${DAY_NAMES[other]} : le sens changerait, corrigez la cellule.` };
    }
    const ranges = parsed.schedule.week[d] ?? [];
    if (ranges.length === 0) return { ok: false, message: `Horaires du ${day} « ${cell} » : aucune heure d'ouverture comprise.` };
    week[d] = ranges;
  }
  if (week.every((r) => r.length === 0)) return { ok: true, value: "" };
  const osm = scheduleToOsm({ week, holidaysClosed: false });
  const checked = validate(osm);
  if (!checked.ok) return { ok: false, message: `Horaires composés « ${osm} » refusés : ${checked.message}` };
  // Read back by the library: each day must open exactly as its column says.
  const table = weeklyTable(checked.normalized, REFERENCE_MONDAY);
  for (let d = 0; d < 7; d++) {
    const expected = slotsOf(week[d] ?? []);
    const read = (table?.days[d]?.slots ?? []).map((s) => `${s.start}-${s.end}`).join(",");
    if (read !== expected) {
      return { ok: false, message: `Horaires composés « ${checked.normalized} » : le ${DAY_NAMES[d]} serait « ${read || "fermé"} » au lieu de « ${expected || "fermé"} » ; le sens changerait.` };
    }
  }
  return { ok: true, value: checked.normalized };
}

/** The composed value of one row (cells already read from the row, in the composition's order). */
export function composeValue(composition: Composition, cellOf: (column: string) => string): Composed {
  if (composition.kind === "concat") return { ok: true, value: concatCells(composition.columns.map(cellOf), composition.separator) };
  return hoursFromDays(composition.days.map((c) => (c === "" ? "" : cellOf(c))));
}

/** The columns a composition reads (to check they exist in a file). */
export function compositionColumns(composition: Composition): string[] {
  return composition.kind === "concat" ? composition.columns : composition.days.filter((c) => c !== "");
}
