import { describe, expect, it } from "vitest";
import { pointInRings, poleOfInaccessibility, representativePoint } from "./point";
import type { PolygonRings, Ring } from "./util";

/** Closed square ring, counter-clockwise. */
const square = (x: number, y: number, size: number): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe("data-build, representative point", () => {
  it("tells inside from outside, a hole being outside", () => {
    const withHole: PolygonRings = [square(0, 0, 4), square(1, 1, 2)];
    expect(pointInRings(0.5, 0.5, withHole)).toBe(true);
    expect(pointInRings(2, 2, withHole)).toBe(false);
    expect(pointInRings(5, 2, withHole)).toBe(false);
  });

  it("finds the centre of a square as its pole of inaccessibility, at its distance to the outline", () => {
    const pole = poleOfInaccessibility([square(0, 0, 2)], 1e-6);
    expect(pole.x).toBeCloseTo(1, 5);
    expect(pole.y).toBeCloseTo(1, 5);
    expect(pole.d).toBeCloseTo(1, 5);
  });

  it("puts the point inside the polygon, away from a hole, rounded to 5 decimals", () => {
    // A 0.04° square with a hole in its middle: the centre is not a valid answer.
    const result = representativePoint({ type: "Polygon", coordinates: [square(0, 0, 0.04), square(0.01, 0.01, 0.02)] });
    expect(result?.inside).toBe(true);
    const [lon, lat] = result?.point ?? [Number.NaN, Number.NaN];
    expect(pointInRings(lon, lat, [square(0, 0, 0.04), square(0.01, 0.01, 0.02)])).toBe(true);
    expect(lon * 1e5).toBeCloseTo(Math.round(lon * 1e5), 6);
    expect(lat * 1e5).toBeCloseTo(Math.round(lat * 1e5), 6);
  });

  it("takes the most inaccessible polygon of a multipolygon", () => {
    const result = representativePoint({ type: "MultiPolygon", coordinates: [[square(0, 0, 0.01)], [square(1, 0, 0.04)]] });
    expect(result).toEqual({ point: [1.02, 0.02], inside: true });
  });

  it("has no point for a degenerate shape", () => {
    expect(
      representativePoint({
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
  });
});
