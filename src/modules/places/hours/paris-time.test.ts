import { describe, expect, it } from "vitest";

import { fromParisWallDate, parisWallClock, toParisWallDate } from "./paris-time";

/** Local fields of a wall-clock Date, as "YYYY-MM-DD HH:MM". */
function fields(wall: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())} ${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
}

describe("Paris wall clock", () => {
  it("reads Paris time whatever the server time zone", () => {
    expect(parisWallClock(new Date("2026-07-01T07:30:00Z"))).toEqual({
      year: 2026, month: 7, day: 1, hour: 9, minute: 30, second: 0,
    });
    expect(fields(toParisWallDate(new Date("2026-01-06T23:30:00Z")))).toBe("2026-01-07 00:30");
  });

  it("round-trips every quarter of an hour across both DST changes of 2026", () => {
    // 00:00–01:00 UTC on 25 October is 02:00–03:00 summer time, a wall-clock
    // hour that repeats: it can only come back as winter time (+1 h).
    const repeated = (ms: number) => ms >= Date.parse("2026-10-25T00:00:00Z") && ms < Date.parse("2026-10-25T01:00:00Z");
    for (const start of ["2026-03-28T12:00:00Z", "2026-10-24T12:00:00Z"]) {
      for (let quarter = 0; quarter < 4 * 36; quarter++) {
        const ms = Date.parse(start) + quarter * 15 * 60_000;
        const expected = repeated(ms) ? ms + 3_600_000 : ms;
        expect(fromParisWallDate(toParisWallDate(new Date(ms))).getTime()).toBe(expected);
      }
    }
  });

  it("spring forward (29 March 2026): 02:00 → 03:00, non-existent times move forward", () => {
    expect(fields(toParisWallDate(new Date("2026-03-29T00:59:00Z")))).toBe("2026-03-29 01:59");
    expect(fields(toParisWallDate(new Date("2026-03-29T01:00:00Z")))).toBe("2026-03-29 03:00");
    expect(fromParisWallDate(new Date(2026, 2, 29, 3, 0)).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(fromParisWallDate(new Date(2026, 2, 29, 2, 30)).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("fall back (25 October 2026): 03:00 → 02:00, ambiguous times resolve to winter time", () => {
    expect(fields(toParisWallDate(new Date("2026-10-25T00:30:00Z")))).toBe("2026-10-25 02:30");
    expect(fields(toParisWallDate(new Date("2026-10-25T01:30:00Z")))).toBe("2026-10-25 02:30");
    expect(fromParisWallDate(new Date(2026, 9, 25, 2, 30)).toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(fromParisWallDate(new Date(2026, 9, 25, 3, 0)).toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });
});
