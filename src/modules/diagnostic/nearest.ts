import KDBush from "kdbush";
import { distance } from "geokdbush";

/**
 * Nearest point by great-circle distance, for many queries against one set of points.
 *
 * The points are sorted into a k-d tree by kdbush. geokdbush's `around` searches such a tree best first,
 * but it bounds each node by the half-planes of its ancestors' splits (a node holding a few places of
 * Charente "extends" over half of France), allocates an object per node it opens and calls several
 * trigonometric functions per point: 55–80 µs per query on the benchmark's clustered places, 1.9–2.8 s
 * for the communes of France (bench/RESULTS.md). Here, on the same kdbush layout:
 * - each node gets, once, the real bounding box of its points;
 * - the search goes depth first, nearer child first, and skips every node whose box cannot hold a point
 *   closer than the best found so far (the bound is geokdbush's `boxDist`, rewritten below with the
 *   sines and cosines of the box edges computed once, so that a search calls no trigonometric function
 *   but the four of the query point);
 * - points are compared by their squared chord to the query (between unit vectors: a monotonic function
 *   of the great-circle distance, precise even for points a few metres apart); the answer's distance is
 *   geokdbush's `distance` (haversine on a sphere of 6,371 km);
 * - each search starts from the previous answer (queries come commune after commune, neighbours in turn).
 * The result is exact, not approximate: checked against a scan of every point in nearest.test.ts (to
 * floating-point rounding, except within ~1,000 km of the antipode of every point, which no French commune is).
 */

const RAD = Math.PI / 180;
/** Few points per leaf: with tight boxes the search opens few leaves, and each costs all its points. */
const NODE_SIZE = 8;
// Per-node box data, 12 numbers: degrees, then sines and cosines of the edges.
const MIN_LON = 0, MAX_LON = 1, MIN_LAT = 2, MAX_LAT = 3;
const COS_MIN_LON = 4, SIN_MIN_LON = 5, COS_MAX_LON = 6, SIN_MAX_LON = 7;
const COS_MIN_LAT = 8, SIN_MIN_LAT = 9, COS_MAX_LAT = 10, SIN_MAX_LAT = 11;
const BOX = 12;
/**
 * Slack on the pruning test: a box bound is a cosine computed to ~1e-16, so a node is skipped only when
 * it is farther than the best point by more than that rounding (a few extra visits, never a wrong answer).
 */
const SLACK = 1e-14;

export class NearestIndex {
  readonly size: number;
  /** Position in the caller's list of each point, in tree order. */
  private readonly ids: Uint32Array;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  /** Unit vector of each point, x y z interleaved. */
  private readonly xyz: Float64Array;
  // Per node, in creation order (root = 0): range of points, children (-1 for a leaf), box.
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly box: Float64Array;
  private nodes = 0;
  /** Tree position of the last answer, the first candidate of the next search. */
  private previous = 0;
  // Reused by every search (searches are synchronous: one at a time).
  private readonly stack: Int32Array;
  private readonly stackBound: Float64Array;

  constructor(points: readonly { lon: number; lat: number }[]) {
    const n = points.length;
    this.size = n;
    const tree = new KDBush(Math.max(n, 1), NODE_SIZE);
    for (const p of points) tree.add(p.lon, p.lat);
    if (n === 0) tree.add(0, 0); // kdbush needs one item; never searched (size 0)
    tree.finish();
    this.ids = Uint32Array.from(tree.ids);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.xyz = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const lon = tree.coords[2 * i] ?? 0;
      const lat = tree.coords[2 * i + 1] ?? 0;
      this.lon[i] = lon;
      this.lat[i] = lat;
      this.xyz[3 * i] = Math.cos(lat * RAD) * Math.cos(lon * RAD);
      this.xyz[3 * i + 1] = Math.cos(lat * RAD) * Math.sin(lon * RAD);
      this.xyz[3 * i + 2] = Math.sin(lat * RAD);
    }
    // A binary tree whose leaves hold at least one point has fewer than 2n nodes.
    const capacity = Math.max(1, 2 * n);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.box = new Float64Array(capacity * BOX);
    this.stack = new Int32Array(capacity + 1);
    this.stackBound = new Float64Array(capacity + 1);
    if (n > 0) this.build(0, n - 1);
  }

  /** Same ranges as kdbush's sort (a node over [from, to] keeps its median point and splits the rest in two). */
  private build(from: number, to: number): number {
    const node = this.nodes++;
    this.from[node] = from;
    this.to[node] = to;
    const box = [Infinity, -Infinity, Infinity, -Infinity];
    const widen = (lon: number, lat: number) => {
      box[MIN_LON] = Math.min(box[MIN_LON] ?? 0, lon);
      box[MAX_LON] = Math.max(box[MAX_LON] ?? 0, lon);
      box[MIN_LAT] = Math.min(box[MIN_LAT] ?? 0, lat);
      box[MAX_LAT] = Math.max(box[MAX_LAT] ?? 0, lat);
    };
    if (to - from <= NODE_SIZE) {
      this.left[node] = -1;
      this.right[node] = -1;
      for (let i = from; i <= to; i++) widen(this.lon[i] ?? 0, this.lat[i] ?? 0);
    } else {
      const m = (from + to) >> 1;
      const a = this.build(from, m - 1);
      const b = this.build(m + 1, to);
      this.left[node] = a;
      this.right[node] = b;
      widen(this.lon[m] ?? 0, this.lat[m] ?? 0);
      for (const child of [a, b]) {
        widen(this.box[child * BOX + MIN_LON] ?? 0, this.box[child * BOX + MIN_LAT] ?? 0);
        widen(this.box[child * BOX + MAX_LON] ?? 0, this.box[child * BOX + MAX_LAT] ?? 0);
      }
    }
    const [minLon = 0, maxLon = 0, minLat = 0, maxLat = 0] = box;
    this.box.set(
      [
        minLon, maxLon, minLat, maxLat,
        Math.cos(minLon * RAD), Math.sin(minLon * RAD), Math.cos(maxLon * RAD), Math.sin(maxLon * RAD),
        Math.cos(minLat * RAD), Math.sin(minLat * RAD), Math.cos(maxLat * RAD), Math.sin(maxLat * RAD),
      ],
      node * BOX,
    );
    return node;
  }

  /**
   * Upper bound of the cosine of the angle between the query point and any point of the node's box
   * (geokdbush's boxDist: the box's nearest point is inside it, on a parallel edge, or on the nearer
   * meridian edge, at the latitude where that meridian comes closest to the query, or at a corner).
   */
  private boxBound(node: number, lon: number, lat: number, cosLat: number, sinLat: number, cosLon: number, sinLon: number): number {
    const b = this.box;
    const o = node * BOX;
    const minLat = b[o + MIN_LAT] ?? 0;
    const maxLat = b[o + MAX_LAT] ?? 0;
    if (lon >= (b[o + MIN_LON] ?? 0) && lon <= (b[o + MAX_LON] ?? 0)) {
      // cos(lat − edge) = cos lat cos edge + sin lat sin edge
      if (lat < minLat) return cosLat * (b[o + COS_MIN_LAT] ?? 0) + sinLat * (b[o + SIN_MIN_LAT] ?? 0);
      if (lat > maxLat) return cosLat * (b[o + COS_MAX_LAT] ?? 0) + sinLat * (b[o + SIN_MAX_LAT] ?? 0);
      return 1;
    }
    // The nearer meridian edge: the larger cos(Δlon).
    const cosDLon = Math.max(cosLon * (b[o + COS_MIN_LON] ?? 0) + sinLon * (b[o + SIN_MIN_LON] ?? 0), cosLon * (b[o + COS_MAX_LON] ?? 0) + sinLon * (b[o + SIN_MAX_LON] ?? 0));
    // Along that meridian, cos(angle) = A cos φ + B sin φ, largest at φ* = atan2(B, A) (a pole when A ≤ 0).
    const A = cosLat * cosDLon;
    const B = sinLat;
    const cosMin = b[o + COS_MIN_LAT] ?? 0;
    const sinMin = b[o + SIN_MIN_LAT] ?? 0;
    const cosMax = b[o + COS_MAX_LAT] ?? 0;
    const sinMax = b[o + SIN_MAX_LAT] ?? 0;
    // φ* strictly between the edges: sin(φ* − minLat) > 0 and sin(maxLat − φ*) > 0.
    if (A > 0 && B * cosMin - A * sinMin > 0 && A * sinMax - B * cosMax > 0) return Math.sqrt(A * A + B * B);
    return Math.max(A * cosMin + B * sinMin, A * cosMax + B * sinMax);
  }

  /** The nearest point (its position in the list given to the constructor) and its distance in km; null if there are no points. */
  nearest(lon: number, lat: number): { index: number; km: number } | null {
    if (this.size === 0) return null;
    const cosLat = Math.cos(lat * RAD);
    const sinLat = Math.sin(lat * RAD);
    const cosLon = Math.cos(lon * RAD);
    const sinLon = Math.sin(lon * RAD);
    const qx = cosLat * cosLon;
    const qy = cosLat * sinLon;
    const qz = sinLat;
    const xyz = this.xyz;
    // Squared chord to the best point so far (smaller is nearer), and the cosine a box must beat to hold
    // a nearer point: chord² = 2 − 2 cos(angle).
    // Start from the previous answer: queries come in batches of neighbouring communes, and a near first
    // candidate lets the search skip most of the tree from the start.
    let bestAt = this.previous;
    const px = qx - (xyz[3 * bestAt] ?? 0);
    const py = qy - (xyz[3 * bestAt + 1] ?? 0);
    const pz = qz - (xyz[3 * bestAt + 2] ?? 0);
    let best = px * px + py * py + pz * pz;
    let beat = 1 - best / 2 - SLACK;
    const stack = this.stack;
    const bounds = this.stackBound;
    stack[0] = 0;
    bounds[0] = 1;
    let top = 1;
    while (top > 0) {
      top--;
      if ((bounds[top] ?? 0) < beat) continue;
      const node = stack[top] ?? 0;
      const a = this.left[node] ?? -1;
      let from: number;
      let to: number;
      if (a < 0) {
        from = this.from[node] ?? 0;
        to = this.to[node] ?? -1;
      } else {
        from = to = ((this.from[node] ?? 0) + (this.to[node] ?? 0)) >> 1; // the node's own (median) point
      }
      for (let i = from; i <= to; i++) {
        const dx = qx - (xyz[3 * i] ?? 0);
        const dy = qy - (xyz[3 * i + 1] ?? 0);
        const dz = qz - (xyz[3 * i + 2] ?? 0);
        const chord2 = dx * dx + dy * dy + dz * dz;
        if (chord2 < best) {
          best = chord2;
          bestAt = i;
          beat = 1 - best / 2 - SLACK;
        }
      }
      if (a < 0) continue;
      const b = this.right[node] ?? -1;
      const boundA = this.boxBound(a, lon, lat, cosLat, sinLat, cosLon, sinLon);
      const boundB = this.boxBound(b, lon, lat, cosLat, sinLat, cosLon, sinLon);
      // Push the farther child first: the nearer one is searched first and raises `best` for the other.
      const nearFirst = boundA >= boundB;
      const far = nearFirst ? b : a;
      const farBound = nearFirst ? boundB : boundA;
      const near = nearFirst ? a : b;
      const nearBound = nearFirst ? boundA : boundB;
      if (farBound >= beat) {
        stack[top] = far;
        bounds[top++] = farBound;
      }
      if (nearBound >= beat) {
        stack[top] = near;
        bounds[top++] = nearBound;
      }
    }
    this.previous = bestAt;
    return { index: this.ids[bestAt] ?? 0, km: distance(lon, lat, this.lon[bestAt] ?? 0, this.lat[bestAt] ?? 0) };
  }
}
