import { describe, expect, it } from "vitest";
import type { MultiPolygon, Polygon } from "geojson";
import { checkPoint, distanceToEdgeM, inGeometry, inRing } from "./point-in-polygon";
import { pointInCommune } from "./outline";

// A 1° × 1° square around (0.5, 45.5), with a hole from 0.4 to 0.6 in both directions.
const outer = [[0, 45], [1, 45], [1, 46], [0, 46], [0, 45]];
const square: Polygon = { type: "Polygon", coordinates: [outer] };
const holed: Polygon = { type: "Polygon", coordinates: [outer, [[0.4, 45.4], [0.6, 45.4], [0.6, 45.6], [0.4, 45.6], [0.4, 45.4]]] };
// Two islands: the square and a small one to the east.
const islands: MultiPolygon = { type: "MultiPolygon", coordinates: [square.coordinates, [[[2, 45], [2.1, 45], [2.1, 45.1], [2, 45.1], [2, 45]]]] };

describe("point in polygon", () => {
  it("tells a point inside a ring from one outside", () => {
    expect(inRing([0.5, 45.5], outer)).toBe(true);
    expect(inRing([1.5, 45.5], outer)).toBe(false);
    expect(inRing([0.5, 46.2], outer)).toBe(false);
  });

  it("leaves out holes, and finds a point in any island of a multipolygon", () => {
    expect(inGeometry([0.5, 45.5], holed)).toBe(false);
    expect(inGeometry([0.2, 45.2], holed)).toBe(true);
    expect(inGeometry([2.05, 45.05], islands)).toBe(true);
    expect(inGeometry([1.5, 45.05], islands)).toBe(false);
  });

  it("measures the distance to the nearest edge in metres", () => {
    // 0.01° of latitude is 1,112 m; the square's northern edge is at 46°.
    expect(Math.round(distanceToEdgeM([0.5, 46.01], square))).toBe(1112);
  });

  it("does not flag a point just outside the simplified contour (under 200 m), and says how far one beyond is", () => {
    expect(checkPoint([0.5, 46.001], square)).toEqual({ inside: true }); // 111 m out
    const far = checkPoint([0.5, 46.01], square);
    expect(far.inside).toBe(false);
    expect(far.inside ? 0 : Math.round(far.distanceM)).toBe(1112);
  });
});

describe("a place's point in its commune, on the contours held by the application", () => {
  it("finds Angoulême's town hall in Angoulême, not Cognac's, and cannot tell for a commune without contour", () => {
    // Hôtel de ville d'Angoulême, and Cognac's town hall, some 40 km west.
    expect(pointInCommune("16015", 0.1561, 45.6484)).toEqual({ inside: true });
    const cognac = pointInCommune("16015", -0.3286, 45.6958);
    expect(cognac?.inside).toBe(false);
    expect(cognac && !cognac.inside && cognac.distanceM).toBeGreaterThan(30_000);
    expect(pointInCommune("99999", 0.1561, 45.6484)).toBeNull();
  });
});
