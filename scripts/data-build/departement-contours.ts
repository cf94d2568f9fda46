import type * as GeoJSON from "geojson";
import { bbox as topoBbox, merge, mergeArcs } from "topojson-client";
import type { CurrentCommune } from "./cog";
import { readFeatures, type AreaGeometry, type Contour2018 } from "./contours-2018";
import { representativePoint } from "./point";
import { DEPARTEMENTS_GEO_FILE, DEPARTEMENTS_MIN_AREA_KM2 } from "./settings";
import {
  areaObjectToGeoJson,
  isAreaObject,
  minAreaKm2ForExtent,
  pruneArcs,
  simplifyAndQuantize,
  toTopology,
  type AreaObject,
  type NameProperties,
  type NamedAreaObject,
  type Topology,
} from "./topo";
import { byCode, type Position } from "./util";

// ---------------------------------------------------------------------------
// Contours of current communes, per département
// ---------------------------------------------------------------------------

export interface CommuneGeo {
  point: Position | null;
  pointOutside: boolean;
  parts: number;
}

/**
 * One TopoJSON per current département. The 2018 contours of all the former
 * communes of each current commune go into one topology (so that shared
 * borders become shared arcs), then each current commune becomes one geometry:
 * its single 2018 contour, or the dissolved union (mergeArcs) of several.
 */
export function buildDepartementContours(
  communes: readonly CurrentCommune[],
  partsOf: ReadonlyMap<string, Contour2018[]>,
): { topo: Topology | null; geo: Map<string, CommuneGeo> } {
  const geo = new Map<string, CommuneGeo>();
  const withParts = communes.filter((c) => (partsOf.get(c.code)?.length ?? 0) > 0);
  if (withParts.length === 0) return { topo: null, geo };

  const collection: GeoJSON.FeatureCollection<AreaGeometry> = {
    type: "FeatureCollection",
    features: withParts.flatMap((c) =>
      (partsOf.get(c.code) ?? []).map((part) => ({ type: "Feature" as const, id: part.code, properties: {}, geometry: part.geometry })),
    ),
  };
  // No quantization here: the representative points are computed on exact coordinates.
  const topo = toTopology({ parts: collection });
  const partsObject = topo.objects["parts"];
  if (partsObject?.type !== "GeometryCollection") throw new Error("topology without parts");
  const partObjects = new Map<string, AreaObject>();
  for (const g of partsObject.geometries) if (isAreaObject(g)) partObjects.set(String(g.id), g);

  const geometries: NamedAreaObject[] = [];
  for (const commune of withParts) {
    const objects = (partsOf.get(commune.code) ?? []).flatMap((p) => partObjects.get(p.code) ?? []);
    if (objects.length === 0) continue;
    const single = objects.length === 1 ? objects[0] : undefined;
    const arcsGeometry: AreaObject = single
      ? single.type === "Polygon"
        ? { type: "Polygon", arcs: single.arcs }
        : { type: "MultiPolygon", arcs: single.arcs }
      : mergeArcs(topo, objects);
    const shape = single ? areaObjectToGeoJson(topo, single) : merge(topo, objects);
    const representative = representativePoint(shape);
    geo.set(commune.code, {
      point: representative?.point ?? null,
      pointOutside: representative ? !representative.inside : false,
      parts: objects.length,
    });
    geometries.push({ ...arcsGeometry, id: commune.code, properties: { name: commune.name } } as NamedAreaObject);
  }

  const communesTopo: Topology = {
    type: "Topology",
    ...(topo.bbox ? { bbox: topo.bbox } : {}),
    arcs: topo.arcs,
    objects: { communes: { type: "GeometryCollection", geometries } },
  };
  const pruned = pruneArcs(communesTopo);
  return { topo: simplifyAndQuantize(pruned, minAreaKm2ForExtent(topoBbox(pruned))), geo };
}

export function buildDepartementsTopology(names: ReadonlyMap<string, string>, file: string = DEPARTEMENTS_GEO_FILE): Topology {
  const features = readFeatures(file)
    .sort(byCode)
    .map(
      (d): GeoJSON.Feature<AreaGeometry, NameProperties> => ({
        type: "Feature",
        id: d.code,
        properties: { name: names.get(d.code) ?? d.name },
        geometry: d.geometry,
      }),
    );
  const topo = toTopology({ departements: { type: "FeatureCollection", features } });
  return simplifyAndQuantize(topo, DEPARTEMENTS_MIN_AREA_KM2);
}
