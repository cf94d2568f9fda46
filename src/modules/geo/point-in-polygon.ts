/**
 * Is a point inside a commune's contour? Pure geometry on longitude/latitude (GeoJSON order), used to
 * warn when a place's coordinates fall outside its commune (a frequent import mistake: latitude and
 * longitude swapped, the town hall's commune instead of the place's, a geocoder's guess).
 *
 * The contours are simplified (IGN Admin Express, quantized in data/contours), so a point a few
 * dozen metres outside its commune may well be inside in reality: a point closer than `toleranceM`
 * to the contour counts as inside. The check only warns; it never blocks a save.
 */
import type { Geometry, Position } from "geojson";

export type Point = readonly [lon: number, lat: number];

/** Even-odd ray casting: true when the point is strictly inside the ring (a point on the edge may go either way). */
export function inRing([x, y]: Point, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Polygons of a geometry, each as [outer ring, ...holes]. */
function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === "Polygon") return [g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates;
  if (g.type === "GeometryCollection") return g.geometries.flatMap(polygonsOf);
  return [];
}

/** Inside one of the polygons: inside its outer ring and in none of its holes. */
export function inGeometry(point: Point, g: Geometry): boolean {
  return polygonsOf(g).some(([outer, ...holes]) => outer !== undefined && inRing(point, outer) && !holes.some((h) => inRing(point, h)));
}

const EARTH_M = 6_371_000;
const RAD = Math.PI / 180;

/**
 * Distance in metres from the point to the nearest edge of the geometry (equirectangular projection
 * around the point: exact enough at the scale of a commune).
 */
export function distanceToEdgeM([lon, lat]: Point, g: Geometry): number {
  const k = Math.cos(lat * RAD);
  const px = (x: number) => (x - lon) * RAD * k * EARTH_M;
  const py = (y: number) => (y - lat) * RAD * EARTH_M;
  let best = Infinity;
  for (const ring of polygonsOf(g).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i - 1] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      // The point is the origin: distance from (0, 0) to segment AB.
      const [x1, y1, x2, y2] = [px(ax), py(ay), px(bx), py(by)];
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / len2));
      best = Math.min(best, Math.hypot(x1 + t * dx, y1 + t * dy));
    }
  }
  return best;
}

/** Metres of slack for simplified contours: a point this close to its commune's edge is not flagged. */
export const CONTOUR_TOLERANCE_M = 200;

export type PointCheck = { inside: true } | { inside: false; distanceM: number };

/** Inside the geometry, or within `toleranceM` of its edge; else how far outside, in metres. */
export function checkPoint(point: Point, g: Geometry, toleranceM = CONTOUR_TOLERANCE_M): PointCheck {
  if (inGeometry(point, g)) return { inside: true };
  const distanceM = distanceToEdgeM(point, g);
  return distanceM <= toleranceM ? { inside: true } : { inside: false, distanceM };
}
