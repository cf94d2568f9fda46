/**
 * The mapping's coordinates in WGS84: the columns mapped to longitude and latitude may hold
 * Lambert-93, a CC zone, Web Mercator or an overseas UTM zone (GIS exports), or degrees in the
 * wrong order. The projection is proposed from the file's own values (projections.ts) and the
 * values converted; the preview shows the projection with `mappedProjection`.
 */
import { detectProjection, readNumber, toWgs84, type DetectedProjection, type ProjectionCode } from "./projections";

type Coordinates = { longitude?: string; latitude?: string };

/** The projection of the columns mapped to longitude (x) and latitude (y), from up to 500 rows; null when unknown or absent. */
export function mappedProjection(rows: readonly Record<string, string>[], columns: { longitude?: string; latitude?: string }): DetectedProjection | null {
  const { longitude, latitude } = columns;
  if (longitude === undefined || latitude === undefined) return null;
  const sample: [string, string][] = [];
  for (const row of rows) {
    const x = row[longitude]?.trim();
    const y = row[latitude]?.trim();
    if (x && y) sample.push([x, y]);
    if (sample.length >= 500) break;
  }
  return detectProjection(sample);
}

/**
 * Rewrites the records' longitude/latitude in WGS84 degrees when `code` is another projection.
 * A pair that cannot be converted is left as written: the standard's check then reports it on its line.
 */
export function convertCoordinates<R extends Coordinates>(records: R[], code: ProjectionCode | undefined): void {
  if (code === undefined || code === "4326") return;
  for (const r of records) {
    if (r.longitude === undefined || r.latitude === undefined) continue;
    const p = toWgs84(code, readNumber(r.longitude), readNumber(r.latitude));
    if (!p) continue;
    r.longitude = String(p.lon);
    r.latitude = String(p.lat);
  }
}
