import type * as GeoJSON from "geojson";
import type * as TopoJSON from "topojson-specification";
import { topology } from "topojson-server";
import { presimplify, simplify, planarTriangleArea } from "topojson-simplify";
import { feature, quantize } from "topojson-client";
import type { AreaGeometry } from "./contours-2018";
import { KM_PER_DEGREE, MIN_AREA_PX2, QUANTIZATION, TARGET_MAP_PX } from "./settings";

// ---------------------------------------------------------------------------
// TopoJSON helpers
// ---------------------------------------------------------------------------

/**
 * The topology type that topojson-client/-simplify's typings accept (properties
 * typed `{}`); topojson-server's output is typed with nullable GeoJSON
 * properties, hence the one cast in `toTopology`.
 */
export type Topology = TopoJSON.Topology<TopoJSON.Objects>;
export type GeometryObject = TopoJSON.GeometryObject;
export type AreaObject = TopoJSON.Polygon | TopoJSON.MultiPolygon;

export function toTopology(objects: Record<string, GeoJSON.FeatureCollection>): Topology {
  return topology(objects) as Topology;
}
export interface NameProperties {
  name: string;
}
export type NamedAreaObject = (TopoJSON.Polygon<NameProperties> | TopoJSON.MultiPolygon<NameProperties>) & { id: string };

export function isAreaObject(object: GeometryObject): object is AreaObject {
  return object.type === "Polygon" || object.type === "MultiPolygon";
}

export function areaObjectToGeoJson(topo: Topology, object: AreaObject): AreaGeometry {
  return object.type === "Polygon" ? feature(topo, object).geometry : feature(topo, object).geometry;
}

/** Triangle area in km², scaling longitudes by cos(latitude): comparable across France. */
export function triangleAreaKm2(triangle: [[number, number], [number, number], [number, number]]): number {
  const lat = (triangle[0][1] + triangle[1][1] + triangle[2][1]) / 3;
  return planarTriangleArea(triangle) * Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE * KM_PER_DEGREE;
}

/** Every ring (as a list of arc indices) of every polygon of the topology. */
export function ringsOf(topo: Topology): number[][] {
  const rings: number[][] = [];
  const visit = (object: GeometryObject): void => {
    if (object.type === "GeometryCollection") object.geometries.forEach(visit);
    else if (object.type === "Polygon") rings.push(...object.arcs);
    else if (object.type === "MultiPolygon") for (const polygon of object.arcs) rings.push(...polygon);
  };
  Object.values(topo.objects).forEach(visit);
  return rings;
}

/**
 * Keeps small shapes alive ("keep-shapes"), after presimplify and before simplify.
 * Arc endpoints are always kept, so a ring made of 3 arcs or more keeps at least a
 * triangle; a ring of 2 arcs (a commune with a single neighbour and the coast, say)
 * or of 1 closed arc (an island, an enclave) could collapse to a line or a point.
 * For those, pin the most significant interior vertex of each arc (two for a
 * closed arc) by giving them an infinite weight.
 */
export function pinShapes(topo: Topology): void {
  for (const ring of ringsOf(topo)) {
    if (ring.length > 2) continue;
    for (const index of ring) {
      const arc = topo.arcs[index < 0 ? ~index : index] ?? [];
      const interior = arc.slice(1, -1).sort((a, b) => (b[2] ?? 0) - (a[2] ?? 0));
      for (const point of interior.slice(0, ring.length === 1 ? 2 : 1)) point[2] = Infinity;
    }
  }
}

/** Drops arcs no object refers to (internal borders dissolved by mergeArcs) and renumbers. */
export function pruneArcs(topo: Topology): Topology {
  const used = new Set<number>();
  const visit = (arcs: unknown): void => {
    if (typeof arcs === "number") used.add(arcs < 0 ? ~arcs : arcs);
    else if (Array.isArray(arcs)) for (const a of arcs) visit(a);
  };
  const geometries = (object: GeometryObject): GeometryObject[] =>
    object.type === "GeometryCollection" ? object.geometries.flatMap(geometries) : [object];
  for (const object of Object.values(topo.objects)) for (const g of geometries(object)) if ("arcs" in g) visit(g.arcs);

  const newIndex = new Map<number, number>();
  const arcs: TopoJSON.Arc[] = [];
  topo.arcs.forEach((arc, index) => {
    if (used.has(index)) {
      newIndex.set(index, arcs.length);
      arcs.push(arc);
    }
  });
  const remap = (value: unknown): unknown => {
    if (typeof value === "number") return value < 0 ? ~newIndex.get(~value)! : newIndex.get(value)!;
    return Array.isArray(value) ? value.map(remap) : value;
  };
  const rewrite = (object: GeometryObject): GeometryObject => {
    if (object.type === "GeometryCollection") return { ...object, geometries: object.geometries.map(rewrite) };
    return "arcs" in object ? ({ ...object, arcs: remap(object.arcs) } as GeometryObject) : object;
  };
  const objects = Object.fromEntries(Object.entries(topo.objects).map(([key, o]) => [key, rewrite(o)]));
  return { ...topo, objects, arcs };
}

/** Visvalingam threshold (km²) for a map of this extent fitted into TARGET_MAP_PX. */
export function minAreaKm2ForExtent([x0, y0, x1, y1]: GeoJSON.BBox): number {
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const pixelKm = (Math.max((x1 - x0) * k, y1 - y0) * KM_PER_DEGREE) / TARGET_MAP_PX;
  return MIN_AREA_PX2 * pixelKm * pixelKm;
}

/** presimplify → keep shapes → simplify → quantize (delta-encoded arcs): the compact output topology. */
export function simplifyAndQuantize(topo: Topology, minAreaKm2: number): Topology {
  const weighted = presimplify(topo, triangleAreaKm2);
  pinShapes(weighted);
  return quantize(simplify(weighted, minAreaKm2), QUANTIZATION);
}
