import path from "node:path";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHARED_DATA = path.resolve(process.env.MAILLAGE_SHARED_DATA ?? path.join(ROOT, "..", "shared", "data"));
export const GEO_DIR = path.join(SHARED_DATA, "geo", "france-geojson-2018");
export const COMMUNES_GEO_DIR = path.join(GEO_DIR, "communes-par-departement");
export const DEPARTEMENTS_GEO_FILE = path.join(GEO_DIR, "departements-avec-outre-mer.geojson");
export const IFN_COMMUNES_FILE = path.join(SHARED_DATA, "ifn", "ifn-city-all-variation.csv");
export const IFN_EPCI_FILE = path.join(SHARED_DATA, "ifn", "ifn-epci-all-variation.csv");
export const COG_DIR = path.join(ROOT, "node_modules", "@etalab", "decoupage-administratif");
export const OUT_DIR = path.join(ROOT, "data");
export const CONTOURS_DIR = path.join(OUT_DIR, "contours");

/** Source of the contours, pinned: the shared copy comes from this commit. */
export const FRANCE_GEOJSON_COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833";

/** 5 decimals of a degree ≈ 1 m: the precision of the source contours themselves. */
export const COORD_DECIMALS = 5;
export const IFN_DECIMALS = 2;

/**
 * Commune contours are simplified for a map of one département fitted into
 * ~800 px: Visvalingam drops the vertices whose "effective area" is under
 * ~2.5 px² at that scale (so the threshold in km² grows with the département's
 * extent: ~0.05 km² for Charente, ~0.001 km² for Hauts-de-Seine).
 */
export const TARGET_MAP_PX = 800;
export const MIN_AREA_PX2 = 2.5;
/**
 * The all-départements map (metropolitan France ~1,000 km across at ~800 px, one
 * pixel ~1.2 km; the DROM will rather be drawn as enlarged insets): 0.5 km².
 */
export const DEPARTEMENTS_MIN_AREA_KM2 = 0.5;
/**
 * Quantization of the TopoJSON output: a 1e4 × 1e4 grid over each file's bbox,
 * i.e. ~12 steps per pixel at 800 px (1e5 would cost ~15% more bytes for detail
 * the simplification has already removed).
 */
export const QUANTIZATION = 1e4;
/** Polylabel stops refining once it cannot improve by more than this (degrees, ~5 m). */
export const POLE_PRECISION_DEG = 5e-5;
export const KM_PER_DEGREE = 111.32;

/** IFN output fields, in output order, with their CSV column. */
export const IFN_FIELDS = [
  ["ifn_total", "total"],
  ["ifn_no_thd", "no_thd_coverage_rate"],
  ["ifn_no_4g", "no_4g_coverage_rate"],
  ["ifn_poverty", "poverty_rate"],
  ["ifn_older_65", "older_65_rate"],
  ["ifn_no_diploma", "nscol15p_rate"],
] as const;
export type IfnKey = (typeof IFN_FIELDS)[number][0];
export type IfnValues = Record<IfnKey, number | null>;
export const IFN_KEYS: readonly IfnKey[] = IFN_FIELDS.map(([key]) => key);
