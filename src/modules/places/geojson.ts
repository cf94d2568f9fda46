import type { NormalizedPlace } from "./standard/schema";
import { standardRow } from "./standard/export";

/** Places as a GeoJSON FeatureCollection (places without coordinates are left out, and counted). */
export function exportGeoJson(list: readonly NormalizedPlace[]): { json: string; withoutCoordinates: number } {
  const located = list.filter((p) => p.latitude !== undefined && p.longitude !== undefined);
  const features = located.map((p) => ({
    type: "Feature" as const,
    id: p.id,
    geometry: { type: "Point" as const, coordinates: [p.longitude, p.latitude] },
    properties: standardRow(p),
  }));
  return { json: JSON.stringify({ type: "FeatureCollection", features }), withoutCoordinates: list.length - located.length };
}
