/**
 * Europe/Paris "wall clock" helpers.
 *
 * The opening_hours library reads and writes dates through the JS *local*
 * time getters (getHours, getDay, setDate…), i.e. in the server's time zone.
 * To evaluate hours in Paris regardless of the server's TZ, we hand it a
 * "wall-clock Date": a Date whose local fields equal the Paris wall clock of
 * the real instant. Results coming back (next change, interval bounds) are
 * wall-clock Dates too and are converted back with `fromParisWallDate`.
 *
 * Exact when the server runs in a zone without DST (UTC, recommended).
 * In a zone with DST, a Paris wall-clock time falling into the server's own
 * spring-forward gap (one night-time hour per year) would be shifted by 1 h.
 */

export const PARIS_TIME_ZONE = "Europe/Paris";

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Paris calendar fields of an instant. */
export function parisWallClock(instant: Date): WallClock {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const get = (key: keyof WallClock): number => fields[key] ?? 0;
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of Paris from UTC at `instantMs`, in milliseconds (+1 h or +2 h). */
function parisOffsetMs(instantMs: number): number {
  const w = parisWallClock(new Date(instantMs));
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** A Date whose local-time fields show the Paris wall clock of `instant`. */
export function toParisWallDate(instant: Date): Date {
  const w = parisWallClock(instant);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getUTCMilliseconds());
}

/**
 * Real instant of a Paris wall-clock time given as local fields of `wall`.
 * Non-existent times (spring-forward gap) move forward by the gap; ambiguous
 * times (autumn fall-back) resolve to the second occurrence (winter time).
 */
export function fromParisWallDate(wall: Date): Date {
  const wallAsUtc = Date.UTC(
    wall.getFullYear(),
    wall.getMonth(),
    wall.getDate(),
    wall.getHours(),
    wall.getMinutes(),
    wall.getSeconds(),
    wall.getMilliseconds(),
  );
  const guess = wallAsUtc - parisOffsetMs(wallAsUtc);
  return new Date(wallAsUtc - parisOffsetMs(guess));
}
