/**
 * Coordinates in the projections French producers use, converted to WGS84 (what the standard
 * stores) with proj4, and the projection proposed from the values themselves: a GIS export's
 * x/y columns carry no unit, but their ranges tell Lambert-93 from a CC zone or Web Mercator.
 * Pure (no file, no clock). Definitions: the IGN / EPSG parameters (towgs84 zero: RGF93, RGR92,
 * RGAF09, RGFG95 and RGM04 coincide with WGS84 at the metre).
 */
import proj4 from "proj4";

export type ProjectionCode = "4326" | "4326-inverse" | "2154" | "3942" | "3943" | "3944" | "3945" | "3946" | "3947" | "3948" | "3949" | "3950" | "3857" | "2975" | "5490" | "2972" | "4471";

type Area = { lon: [number, number]; lat: [number, number] };
const METROPOLE: Area = { lon: [-5.5, 9.9], lat: [41.2, 51.2] };
const areas: Record<string, Area> = {
  metropole: METROPOLE,
  reunion: { lon: [55.1, 56], lat: [-21.5, -20.8] },
  antilles: { lon: [-63.2, -60.7], lat: [14.3, 18.2] },
  guyane: { lon: [-54.7, -51.5], lat: [2, 6] },
  mayotte: { lon: [44.9, 45.4], lat: [-13.1, -12.5] },
};
const everywhere = Object.values(areas);

type Projection = { code: ProjectionCode; label: string; definition?: string; areas: Area[]; band?: number };

const grs80 = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const ccZone = (zone: number): Projection => ({
  code: `39${zone}` as ProjectionCode,
  label: `Lambert conique conforme CC${zone} (EPSG:39${zone})`,
  definition: `+proj=lcc +lat_0=${zone} +lon_0=3 +lat_1=${zone - 0.75} +lat_2=${zone + 0.75} +x_0=1700000 +y_0=${(zone - 41) * 1_000_000 + 200_000} ${grs80}`,
  areas: [METROPOLE],
  // A CC zone is used within half a degree of its latitude: the band tells neighbouring zones apart.
  band: zone,
});

/** In order of preference when two fit equally. */
export const projections: readonly Projection[] = [
  { code: "4326", label: "WGS84, degrés décimaux (EPSG:4326)", areas: everywhere },
  { code: "4326-inverse", label: "WGS84, degrés décimaux, latitude et longitude inversées", areas: everywhere },
  { code: "2154", label: "Lambert-93 (EPSG:2154)", definition: `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${grs80}`, areas: [METROPOLE] },
  ...[42, 43, 44, 45, 46, 47, 48, 49, 50].map(ccZone),
  { code: "3857", label: "Web Mercator (EPSG:3857)", definition: "EPSG:3857", areas: everywhere },
  { code: "2975", label: "UTM 40 Sud, La Réunion (EPSG:2975)", definition: `+proj=utm +zone=40 +south ${grs80}`, areas: [areas.reunion as Area] },
  { code: "5490", label: "UTM 20 Nord, Antilles (EPSG:5490)", definition: `+proj=utm +zone=20 ${grs80}`, areas: [areas.antilles as Area] },
  { code: "2972", label: "UTM 22 Nord, Guyane (EPSG:2972)", definition: `+proj=utm +zone=22 ${grs80}`, areas: [areas.guyane as Area] },
  { code: "4471", label: "UTM 38 Sud, Mayotte (EPSG:4471)", definition: `+proj=utm +zone=38 +south ${grs80}`, areas: [areas.mayotte as Area] },
];

const byCode = new Map(projections.map((p) => [p.code, p]));

export function isProjectionCode(code: string): code is ProjectionCode {
  return byCode.has(code as ProjectionCode);
}

/** The French label of a projection, for the mapping preview. */
export function projectionLabel(code: ProjectionCode): string {
  return byCode.get(code)?.label ?? code;
}

/** "6 543 210,5" (French spreadsheet) or 6543210.5 → a number; NaN when it is not one. */
export function readNumber(value: unknown): number {
  if (typeof value === "number") return value;
  const text = String(value ?? "").trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** x/y (easting/northing, or longitude/latitude) in the projection → WGS84; null when it cannot be. */
export function toWgs84(code: ProjectionCode, x: number, y: number): { lon: number; lat: number } | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const p = byCode.get(code);
  if (!p) return null;
  let lon: number;
  let lat: number;
  if (code === "4326") [lon, lat] = [x, y];
  else if (code === "4326-inverse") [lon, lat] = [y, x];
  else {
    try {
      [lon, lat] = proj4(p.definition ?? "", "EPSG:4326", [x, y]) as [number, number];
    } catch {
      return null;
    }
  }
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

const inside = (a: Area, lon: number, lat: number) => lon >= a.lon[0] && lon <= a.lon[1] && lat >= a.lat[0] && lat <= a.lat[1];

function fits(p: Projection, x: number, y: number): boolean {
  const point = toWgs84(p.code, x, y);
  if (!point) return false;
  if (p.band !== undefined && Math.abs(point.lat - p.band) > 1) return false;
  return p.areas.some((a) => inside(a, point.lon, point.lat));
}

export type DetectedProjection = { code: ProjectionCode; label: string; share: number };

/**
 * The projection under which most of the sample's points fall in France (metropole or one of
 * the overseas départements), or null when none reaches `minShare` of the points. `sample`: x/y
 * pairs as read from the cells (the column mapped to longitude first), text or numbers.
 */
export function detectProjection(sample: readonly (readonly [unknown, unknown])[], minShare = 0.8): DetectedProjection | null {
  const points = sample.map(([x, y]) => [readNumber(x), readNumber(y)] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).slice(0, 500);
  if (points.length === 0) return null;
  let best: DetectedProjection | null = null;
  for (const p of projections) {
    const share = points.filter(([x, y]) => fits(p, x, y)).length / points.length;
    if (share >= minShare && (best === null || share > best.share)) best = { code: p.code, label: p.label, share };
  }
  return best;
}
