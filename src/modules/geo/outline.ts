import fs from "node:fs";
import { feature, merge, mesh } from "topojson-client";
import type { GeometryCollection, GeometryObject, Topology } from "topojson-specification";
import type { Geometry, Position } from "geojson";
import { dataPath } from "./reference-files";
import { checkPoint, type PointCheck } from "./point-in-polygon";

/** A map of a perimeter as SVG path data, drawn from our own contours (no tile server). */
export type Outline = { viewBox: string; communes: { code: string; d: string }[]; merged: string[]; neighbours: string[]; border: string };

type CommuneTopology = Topology<{ communes: GeometryCollection<{ name: string }> }>;

const topologies = new Map<string, CommuneTopology | null>();

export function departementOf(code: string): string {
  return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
}

function loadTopology(dep: string): CommuneTopology | null {
  if (!topologies.has(dep)) {
    const file = dataPath("contours", `${dep}.topo.json`);
    topologies.set(dep, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as CommuneTopology) : null);
  }
  return topologies.get(dep) ?? null;
}

/** Above this many communes, the inside is drawn as one merged shape per département (small SVG, fast page). */
const DETAILED_LIMIT = 800;
const WIDTH = 800;
const MIN_STEP = 2;

function ringsOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === "Polygon") return g.coordinates;
  if (g.type === "MultiPolygon") return g.coordinates.flat();
  if (g.type === "LineString") return [g.coordinates];
  if (g.type === "MultiLineString") return g.coordinates;
  return [];
}

/** `detailed`: one shape per commune whatever the size (a choropleth needs them; the outline image does not). */
export function buildOutline(communeCodes: string[], options: { detailed?: boolean } = {}): Outline | null {
  const wanted = new Set(communeCodes);
  const byDep = new Map<string, CommuneTopology>();
  for (const code of wanted) {
    const dep = departementOf(code);
    const topology = loadTopology(dep);
    if (topology) byDep.set(dep, topology);
  }
  if (byDep.size === 0) return null;
  const detailed = options.detailed ?? wanted.size <= DETAILED_LIMIT;

  const communeShapes: { code: string; geometry: Geometry }[] = [];
  const mergedShapes: Geometry[] = [];
  const borders: Geometry[] = [];
  const others: { geometry: Geometry }[] = [];
  for (const topology of byDep.values()) {
    const object = topology.objects.communes;
    const inside = (g: GeometryObject | undefined) => g !== undefined && wanted.has(String(g.id));
    const selected = object.geometries.filter(inside);
    if (selected.length === 0) continue;
    if (detailed) {
      for (const g of selected) communeShapes.push({ code: String(g.id), geometry: (feature(topology, g) as GeoJSON.Feature).geometry });
      for (const g of object.geometries) if (!inside(g)) others.push({ geometry: (feature(topology, g) as GeoJSON.Feature).geometry });
    } else {
      mergedShapes.push(merge(topology, selected as never));
    }
    // Merged shapes are stroked as the perimeter themselves; drawing the border again would double the bytes.
    if (detailed) borders.push(mesh(topology, object, (a, b) => (a === b ? inside(a) : inside(a) !== inside(b))));
  }

  const points = [...communeShapes.map((s) => s.geometry), ...mergedShapes].flatMap(ringsOf).flat();
  if (points.length === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points as [number, number][]) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // Equirectangular projection corrected by the cosine of the mean latitude: right for a département-sized area.
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const margin = 0.04 * Math.max((maxX - minX) * k, maxY - minY);
  const spanX = (maxX - minX) * k + 2 * margin;
  const spanY = maxY - minY + 2 * margin;
  const scale = WIDTH / spanX;
  const height = Math.max(1, Math.round(spanY * scale));
  const project = ([x, y]: Position): [number, number] => [(((x ?? 0) - minX) * k + margin) * scale, (maxY - (y ?? 0) + margin) * scale];
  const closed = (g: Geometry) => g.type === "Polygon" || g.type === "MultiPolygon";
  // Relative, integer coordinates, dropping points closer than MIN_STEP px to the last one kept:
  // the drawing is 800 px wide, finer detail only adds bytes.
  const path = (g: Geometry): string =>
    ringsOf(g)
      .map((ring) => {
        const points = ring.map(project);
        const first = points[0];
        if (!first) return "";
        let [px, py] = [Math.round(first[0]), Math.round(first[1])];
        let out = `M${px} ${py}`;
        let steps = 0;
        for (const [fx, fy] of points.slice(1)) {
          const [x, y] = [Math.round(fx), Math.round(fy)];
          if (Math.abs(x - px) + Math.abs(y - py) < MIN_STEP) continue;
          out += `${steps === 0 ? "l" : " "}${x - px} ${y - py}`;
          [px, py] = [x, y];
          steps++;
        }
        return steps > 0 ? `${out}${closed(g) ? "z" : ""}` : "";
      })
      .join("");
  const inView = (g: Geometry) =>
    ringsOf(g).some((ring) => ring.some(([x, y]) => (x ?? 0) >= minX - margin && (x ?? 0) <= maxX + margin && (y ?? 0) >= minY - margin && (y ?? 0) <= maxY + margin));

  return {
    viewBox: `0 0 ${WIDTH} ${height}`,
    communes: communeShapes.map((s) => ({ code: s.code, d: path(s.geometry) })),
    merged: mergedShapes.map(path),
    neighbours: others.filter((o) => inView(o.geometry)).map((o) => path(o.geometry)),
    border: borders.map(path).join(""),
  };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone SVG document (served as an image, cacheable, kept out of the page's HTML). */
export function outlineSvg(outline: Outline, title: string): string {
  const [, , width, height] = outline.viewBox.split(" ");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${outline.viewBox}" width="${width}" height="${height}" role="img" overflow="hidden">`,
    `<title>${escapeXml(title)}</title>`,
    `<clipPath id="cadre"><rect width="${width}" height="${height}"/></clipPath><g clip-path="url(#cadre)">`,
    // DSFR colours: grey background, blue-france perimeter.
    `<rect width="100%" height="100%" fill="#f6f6f6"/>`,
    `<g fill="#e5e5e5" stroke="#ddd" stroke-width="0.5">${outline.neighbours.map((d) => `<path d="${d}"/>`).join("")}</g>`,
    `<g fill="#e3e3fd" stroke="#b9b9d9" stroke-width="0.6">${outline.communes.map((c) => `<path d="${c.d}"/>`).join("")}</g>`,
    `<g fill="#e3e3fd" stroke="#000091" stroke-width="1.5">${outline.merged.map((d) => `<path d="${d}"/>`).join("")}</g>`,
    outline.border ? `<path d="${outline.border}" fill="none" stroke="#000091" stroke-width="2"/>` : "",
    "</g></svg>",
  ].join("");
}

const cache = new Map<string, Outline | null>();

/** Outlines are costly for large perimeters and rarely change: keep the last few in memory. */
export function cachedOutline(key: string, communeCodes: () => Promise<string[]>, options: { detailed?: boolean } = {}): Promise<Outline | null> {
  const fullKey = `${key}:${options.detailed ? "detailed" : "auto"}`;
  const hit = cache.get(fullKey);
  if (hit !== undefined) return Promise.resolve(hit);
  return communeCodes().then((codes) => {
    const outline = buildOutline(codes, options);
    cache.set(fullKey, outline);
    if (cache.size > 64) cache.delete(cache.keys().next().value as string);
    return outline;
  });
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

function roundGeometry(g: Geometry): Geometry {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(([x, y]) => [round(x ?? 0), round(y ?? 0)])) };
  if (g.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [round(x ?? 0), round(y ?? 0)]))) };
  return g;
}

/**
 * The base layer of the maps (no tile server): the perimeter's communes (merged per département
 * for large perimeters) as GeoJSON in longitude/latitude, with `inside` telling them from neighbours.
 */
export function baseLayer(communeCodes: string[]): GeoJSON.FeatureCollection {
  const wanted = new Set(communeCodes);
  const detailed = wanted.size <= DETAILED_LIMIT;
  const features: GeoJSON.Feature[] = [];
  const deps = new Set([...wanted].map(departementOf));
  for (const dep of deps) {
    const topology = loadTopology(dep);
    if (!topology) continue;
    const geometries = topology.objects.communes.geometries;
    const selected = geometries.filter((g) => wanted.has(String(g.id)));
    if (detailed) {
      for (const g of geometries) {
        const f = feature(topology, g) as GeoJSON.Feature;
        features.push({ type: "Feature", geometry: roundGeometry(f.geometry), properties: { code: String(g.id), name: (g.properties as { name?: string } | undefined)?.name ?? "", inside: wanted.has(String(g.id)) } });
      }
    } else {
      features.push({ type: "Feature", geometry: roundGeometry(merge(topology, selected as never)), properties: { code: dep, name: `Département ${dep}`, inside: true } });
    }
  }
  return { type: "FeatureCollection", features };
}

/** A commune's contour in longitude/latitude, from data/contours; null when the file or the commune is not there. */
export function communeContour(code: string): Geometry | null {
  let contour = contours.get(code);
  if (contour === undefined) {
    const topology = loadTopology(departementOf(code));
    const g = topology?.objects.communes.geometries.find((c) => String(c.id) === code);
    contour = topology && g ? (feature(topology, g) as GeoJSON.Feature).geometry : null;
    contours.set(code, contour);
  }
  return contour;
}

/**
 * Contours already converted from their topology: an import checks every place's point against its
 * commune (places/standard/contour-check.ts), mostly the same few communes. At most every commune of
 * France (~35,000 small geometries), as the topologies themselves are kept.
 */
const contours = new Map<string, Geometry | null>();

/**
 * Whether a point lies in a commune (with the slack of simplified contours): `null` when it cannot be
 * told (no contour held for this commune, e.g. a département outside the instance's data).
 */
export function pointInCommune(code: string, lon: number, lat: number): PointCheck | null {
  const contour = communeContour(code);
  return contour ? checkPoint([lon, lat], contour) : null;
}
