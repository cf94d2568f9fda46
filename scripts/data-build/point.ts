import type { AreaGeometry } from "./contours-2018";
import { COORD_DECIMALS, POLE_PRECISION_DEG } from "./settings";
import { round, type PolygonRings, type Position } from "./util";

// ---------------------------------------------------------------------------
// Representative point: pole of inaccessibility (after Mapbox's "polylabel")
// ---------------------------------------------------------------------------

export interface Cell {
  x: number;
  y: number;
  /** Half the cell size. */
  h: number;
  /** Signed distance from the cell centre to the polygon outline (> 0 inside). */
  d: number;
  /** Best distance any point of the cell could reach. */
  max: number;
}

/** Binary max-heap on `max`, enough for polylabel's queue. */
export class CellQueue {
  private readonly items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.max >= cell.max) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = cell;
  }
  pop(): Cell | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      let largestMax = last.max;
      if (left < items.length && items[left]!.max > largestMax) {
        largest = left;
        largestMax = items[left]!.max;
      }
      if (right < items.length && items[right]!.max > largestMax) largest = right;
      if (largest === i) break;
      items[i] = items[largest]!;
      i = largest;
    }
    items[i] = last;
    return top;
  }
}

// The three functions below run millions of times: plain indexing, no
// destructuring (array destructuring goes through the iterator protocol).

/** Even-odd point-in-polygon test over all rings (outer + holes). */
export function pointInRings(x: number, y: number, rings: PolygonRings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

export function segmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Distance from (x, y) to the outline, positive inside: one pass for both tests. */
export function signedDistance(x: number, y: number, rings: PolygonRings): number {
  let inside = false;
  let minSquared = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      const d = segmentDistanceSquared(x, y, a[0], a[1], b[0], b[1]);
      if (d < minSquared) minSquared = d;
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSquared);
}

export function makeCell(x: number, y: number, h: number, rings: PolygonRings): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Area centroid of the outer ring: a good first guess for convex-ish shapes. */
export function centroidCell(rings: PolygonRings): Cell {
  const outer = rings[0] ?? [];
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [ax, ay] = outer[i]!;
    const [bx, by] = outer[j]!;
    const f = ax * by - bx * ay;
    x += (ax + bx) * f;
    y += (ay + by) * f;
    area += f * 3;
  }
  const first = outer[0] ?? [0, 0];
  return area === 0 ? makeCell(first[0], first[1], 0, rings) : makeCell(x / area, y / area, 0, rings);
}

/** Pole of inaccessibility of one polygon, in the (projected) plane of its coordinates. */
export function poleOfInaccessibility(rings: PolygonRings, precision: number): Cell {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0] ?? []) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (!(cellSize > 0)) return makeCell(minX, minY, 0, rings);

  const queue = new CellQueue();
  const h = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) queue.push(makeCell(x + h, y + h, h, rings));
  }
  let best = centroidCell(rings);
  const bboxCell = makeCell(minX + width / 2, minY + height / 2, 0, rings);
  if (bboxCell.d > best.d) best = bboxCell;

  for (let cell = queue.pop(); cell; cell = queue.pop()) {
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue; // this cell cannot do better
    const half = cell.h / 2;
    queue.push(makeCell(cell.x - half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x - half, cell.y + half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y + half, half, rings));
  }
  return best;
}

export function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as PolygonRings[];
}

export function latitudeRange(polygons: PolygonRings[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const polygon of polygons) {
    for (const [, lat] of polygon[0] ?? []) {
      min = Math.min(min, lat);
      max = Math.max(max, lat);
    }
  }
  return [min, max];
}

/**
 * A point inside the geometry, as far as possible from its outline (the "pole of
 * inaccessibility" of its most inaccessible polygon), rounded to 5 decimals.
 * Longitudes are scaled by cos(latitude) first so that distances are isotropic.
 * Returns null if no polygon has a positive inside distance (degenerate shapes).
 */
export function representativePoint(geometry: AreaGeometry): { point: Position; inside: boolean } | null {
  const polygons = polygonsOf(geometry).filter((p) => (p[0]?.length ?? 0) >= 4);
  if (polygons.length === 0) return null;
  const [minLat, maxLat] = latitudeRange(polygons);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  let best: Cell | null = null;
  for (const polygon of polygons) {
    const projected = polygon.map((ring) => ring.map(([lon, lat]): Position => [lon * k, lat]));
    const pole = poleOfInaccessibility(projected, POLE_PRECISION_DEG);
    if (!best || pole.d > best.d) best = pole;
  }
  if (!best || !(best.d > 0)) return null;
  const point: Position = [round(best.x / k, COORD_DECIMALS), round(best.y, COORD_DECIMALS)];
  // Rounding moves the point by < 1 m: check it is still inside (thin slivers).
  const inside = polygons.some((polygon) => pointInRings(point[0], point[1], polygon));
  return { point, inside };
}
