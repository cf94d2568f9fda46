import fc from "fast-check";
import { distance } from "geokdbush";
import { describe, expect, it } from "vitest";
import { NearestIndex } from "./nearest";

type Point = { lon: number; lat: number };

function bruteForce(points: readonly Point[], q: Point): number {
  let best = Infinity;
  for (const p of points) best = Math.min(best, distance(q.lon, q.lat, p.lon, p.lat));
  return best;
}

const lon = fc.double({ min: -180, max: 180, noNaN: true });
const lat = fc.double({ min: -89.9, max: 89.9, noNaN: true });
const point = fc.record({ lon, lat });
/** Places come in clusters (a town, a département) with empty land between: the hard case for pruning. */
const cluster = fc
  .tuple(point, fc.double({ min: 0.001, max: 2, noNaN: true }), fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 1, maxLength: 60 }))
  .map(([centre, spread, offsets]) =>
    offsets.map(([dx, dy]) => ({ lon: Math.max(-180, Math.min(180, centre.lon + dx * spread)), lat: Math.max(-89.9, Math.min(89.9, centre.lat + dy * spread)) })),
  );

describe("nearest point by great-circle distance", () => {
  it("finds the same distance as a scan of every point, for scattered and clustered points anywhere on Earth", () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 300 }), fc.array(cluster, { maxLength: 8 }), fc.array(point, { minLength: 1, maxLength: 30 }), (scattered, clusters, queries) => {
        const points = [...scattered, ...clusters.flat()];
        const index = new NearestIndex(points);
        // Also from inside the clusters, where many points are nearly as near as the nearest.
        const inside = clusters.flat().slice(0, 10).map((p) => ({ lon: Math.min(180, p.lon + 1e-4), lat: p.lat }));
        for (const q of [...queries, ...inside]) {
          const found = index.nearest(q.lon, q.lat);
          if (points.length === 0) {
            expect(found).toBeNull();
            continue;
          }
          const expected = bruteForce(points, q);
          // Near the antipode of every point, all directions are nearly equally far and a squared chord
          // close to 4 cannot tell them apart to the micrometre. Not a case France has (the antipode of
          // the metropole is south of New Zealand, thousands of km from any French commune).
          if (expected > 19_000) continue;
          // Exact to floating-point rounding (5e-10 km = 0.5 µm), not to an approximation.
          expect(found?.km).toBeCloseTo(expected, 9);
          // The index given back is the point at that distance.
          const p = points[found?.index ?? -1];
          expect(p && distance(q.lon, q.lat, p.lon, p.lat)).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matches hand-computed distances along a meridian and the equator", () => {
    // 1° of latitude or of longitude on the equator = 6371 × π / 180 = 111.19493 km.
    const index = new NearestIndex([
      { lon: 1, lat: 46 },
      { lon: 1, lat: 47.5 },
      { lon: 10, lat: 0 },
    ]);
    expect(index.nearest(1, 46.5)).toEqual({ index: 0, km: expect.closeTo(55.59746, 4) }); // 0.5°
    expect(index.nearest(1, 47.2)).toEqual({ index: 1, km: expect.closeTo(33.35848, 4) }); // 0.3°
    expect(index.nearest(12, 0)).toEqual({ index: 2, km: expect.closeTo(222.38985, 4) }); // 2° on the equator
    // Across the antimeridian: 179.5° E to 10° E is far; 179.5° E to 179.9° W is 0.6° on the equator.
    const wrapped = new NearestIndex([{ lon: 10, lat: 0 }, { lon: -179.9, lat: 0 }]);
    expect(wrapped.nearest(179.5, 0)).toEqual({ index: 1, km: expect.closeTo(66.71696, 4) });
  });

  it("has nothing to find without points", () => {
    expect(new NearestIndex([]).nearest(0, 0)).toBeNull();
  });
});
