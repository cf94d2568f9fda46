/**
 * data-build — builds the compact reference data committed under `data/`.
 *
 * Run: `npm run data:build` (= `tsx scripts/data-build.ts`), with the shared
 * reference data checked out beside the project (`../shared/data`), or point
 * MAILLAGE_SHARED_DATA at that folder.
 *
 * Inputs (read only):
 *   - ../shared/data/geo/france-geojson-2018/  commune & département contours, COG 2018
 *   - ../shared/data/ifn/                      Indice de fragilité numérique (La Mednum)
 *   - node_modules/@etalab/decoupage-administratif/data/*.json  current COG
 * Outputs: data/communes.json, data/epci.json, data/departements.json,
 *   data/regions.json, data/contours/<département>.topo.json,
 *   data/contours/departements.topo.json. data/README.md is written by hand.
 *
 * The output only depends on the inputs (no timestamps, everything sorted by
 * code), so re-running it on the same inputs gives byte-identical files.
 * Sanity checks at the end read the written files back and throw on failure.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import type * as GeoJSON from "geojson";
import type * as TopoJSON from "topojson-specification";
import { topology } from "topojson-server";
import { presimplify, simplify, planarTriangleArea } from "topojson-simplify";
import { bbox as topoBbox, feature, merge, mergeArcs, quantize } from "topojson-client";
import { z } from "zod";

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED_DATA = path.resolve(process.env.MAILLAGE_SHARED_DATA ?? path.join(ROOT, "..", "shared", "data"));
const GEO_DIR = path.join(SHARED_DATA, "geo", "france-geojson-2018");
const COMMUNES_GEO_DIR = path.join(GEO_DIR, "communes-par-departement");
const DEPARTEMENTS_GEO_FILE = path.join(GEO_DIR, "departements-avec-outre-mer.geojson");
const IFN_COMMUNES_FILE = path.join(SHARED_DATA, "ifn", "ifn-city-all-variation.csv");
const IFN_EPCI_FILE = path.join(SHARED_DATA, "ifn", "ifn-epci-all-variation.csv");
const COG_DIR = path.join(ROOT, "node_modules", "@etalab", "decoupage-administratif");
const OUT_DIR = path.join(ROOT, "data");
const CONTOURS_DIR = path.join(OUT_DIR, "contours");

/** Source of the contours, pinned: the shared copy comes from this commit. */
const FRANCE_GEOJSON_COMMIT = "5d34ee6d0140c29f785fdb047d9329f1aab58833";

/** 5 decimals of a degree ≈ 1 m: the precision of the source contours themselves. */
const COORD_DECIMALS = 5;
const IFN_DECIMALS = 2;

/**
 * Commune contours are simplified for a map of one département fitted into
 * ~800 px: Visvalingam drops the vertices whose "effective area" is under
 * ~2.5 px² at that scale (so the threshold in km² grows with the département's
 * extent: ~0.05 km² for Charente, ~0.001 km² for Hauts-de-Seine).
 */
const TARGET_MAP_PX = 800;
const MIN_AREA_PX2 = 2.5;
/**
 * The all-départements map (metropolitan France ~1,000 km across at ~800 px, one
 * pixel ~1.2 km; the DROM will rather be drawn as enlarged insets): 0.5 km².
 */
const DEPARTEMENTS_MIN_AREA_KM2 = 0.5;
/**
 * Quantization of the TopoJSON output: a 1e4 × 1e4 grid over each file's bbox,
 * i.e. ~12 steps per pixel at 800 px (1e5 would cost ~15% more bytes for detail
 * the simplification has already removed).
 */
const QUANTIZATION = 1e4;
/** Polylabel stops refining once it cannot improve by more than this (degrees, ~5 m). */
const POLE_PRECISION_DEG = 5e-5;
const KM_PER_DEGREE = 111.32;

/** IFN output fields, in output order, with their CSV column. */
const IFN_FIELDS = [
  ["ifn_total", "total"],
  ["ifn_no_thd", "no_thd_coverage_rate"],
  ["ifn_no_4g", "no_4g_coverage_rate"],
  ["ifn_poverty", "poverty_rate"],
  ["ifn_older_65", "older_65_rate"],
  ["ifn_no_diploma", "nscol15p_rate"],
] as const;
type IfnKey = (typeof IFN_FIELDS)[number][0];
type IfnValues = Record<IfnKey, number | null>;
const IFN_KEYS: readonly IfnKey[] = IFN_FIELDS.map(([key]) => key);

// ---------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------

type Position = [number, number];
type Ring = Position[];
/** Outer ring first, then holes. */
type PolygonRings = Ring[];

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`data-build sanity check failed: ${message}`);
}

/** Logs the duration of each phase: the whole build is meant to stay well under a minute. */
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

/**
 * Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). The IFN
 * files happen to need none of it today, but commune names may contain commas.
 */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((r) => r.length > 1 || r[0] !== "");
  if (!header) throw new Error("empty CSV");
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV row ${index + 2}: ${row.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""]));
  });
}

// ---------------------------------------------------------------------------
// Current COG (@etalab/decoupage-administratif)
// ---------------------------------------------------------------------------

const communeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);
// Unknown record types make the parse fail on purpose: a new type would mean the
// package changed meaning, and the former→current mapping below must be revisited.
const cogCommuneSchema = z.object({
  code: communeCode,
  nom: z.string().min(1),
  type: z.enum(["commune-actuelle", "commune-deleguee", "commune-associee", "arrondissement-municipal"]),
  zone: z.string(),
  departement: z.string().min(2),
  region: z.string().min(2),
  population: z.number().int().nonnegative().optional(),
  codesPostaux: z.array(z.string().regex(/^\d{5}$/)).optional(),
  chefLieu: communeCode.optional(),
  anciensCodes: z.array(communeCode).optional(),
  commune: communeCode.optional(),
});
type CogCommune = z.infer<typeof cogCommuneSchema>;

const cogEpciSchema = z.object({
  code: z.string().regex(/^\d{9}$/),
  nom: z.string().min(1),
  type: z.string().min(1),
  membres: z.array(z.object({ code: communeCode })),
});
const cogDepartementSchema = z.object({ code: z.string(), nom: z.string(), region: z.string(), zone: z.string() });
const cogRegionSchema = z.object({ code: z.string(), nom: z.string(), zone: z.string() });

interface Cog {
  version: string;
  millesime: string | null;
  communes: CogCommune[];
  epci: z.infer<typeof cogEpciSchema>[];
  departements: z.infer<typeof cogDepartementSchema>[];
  regions: z.infer<typeof cogRegionSchema>[];
}

function loadCog(): Cog {
  const read = <T>(name: string, schema: z.ZodType<T>): T[] =>
    z.array(schema).parse(readJson(path.join(COG_DIR, "data", `${name}.json`)));
  const version = z.object({ version: z.string() }).parse(readJson(path.join(COG_DIR, "package.json"))).version;
  return {
    version,
    millesime: findMillesime(version),
    communes: read("communes", cogCommuneSchema),
    epci: read("epci", cogEpciSchema),
    departements: read("departements", cogDepartementSchema),
    regions: read("regions", cogRegionSchema),
  };
}

/**
 * The package has no millésime field; its README has a table "| Année | Version
 * du package |" (e.g. "| 2026 | 6.0.0 |"). Null rather than a guess if not found.
 */
function findMillesime(version: string): string | null {
  const readme = readFileSync(path.join(COG_DIR, "README.md"), "utf8");
  for (const match of readme.matchAll(/^\|\s*(\d{4})\s*\|\s*([^|]+?)\s*\|/gm)) {
    if (match[2] === version && match[1]) return match[1];
  }
  return null;
}

interface CurrentCommune {
  code: string;
  name: string;
  departement: string;
  region: string;
  zone: string;
  population: number | null;
  postcodes: string | null;
  epci: string | null;
}

function currentCommunes(cog: Cog): CurrentCommune[] {
  const epciOf = new Map<string, string>();
  for (const epci of cog.epci) {
    for (const member of epci.membres) {
      const previous = epciOf.get(member.code);
      if (previous) throw new Error(`commune ${member.code} is in two EPCI: ${previous} and ${epci.code}`);
      epciOf.set(member.code, epci.code);
    }
  }
  return cog.communes
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => ({
      code: c.code,
      name: c.nom,
      departement: c.departement,
      region: c.region,
      zone: c.zone,
      population: c.population ?? null,
      postcodes: c.codesPostaux?.length ? [...new Set(c.codesPostaux)].sort().join(" ") : null,
      epci: epciOf.get(c.code) ?? null,
    }))
    .sort(byCode);
}

/**
 * Maps every code that designated a commune (2018 contours, IFN rows) to the
 * current commune covering it today. Order of trust:
 *   1. the code is itself a current commune (also true of most chefs-lieux of
 *      communes nouvelles, which kept the code of one former commune);
 *   2. a current `commune-deleguee`/`commune-associee` record → its `chefLieu`;
 *   3. `anciensCodes` of a current commune (covers former communes that were
 *      merged without becoming communes déléguées).
 * (2) wins over (3) because the package's anciensCodes is derived from the
 * history of moves and is wrong after a "scission" (e.g. 60455 La Neuville-Garnier
 * is in 60054's anciensCodes though it is a commune déléguée of 60694 Les Hauts-Talican).
 */
function buildSuccessorIndex(cog: Cog): { successorOf: Map<string, string>; disagreements: string[] } {
  const successorOf = new Map<string, string>();
  const disagreements: string[] = [];
  const current = cog.communes.filter((c) => c.type === "commune-actuelle");
  for (const c of current) successorOf.set(c.code, c.code);
  for (const c of cog.communes) {
    if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu && !successorOf.has(c.code)) {
      successorOf.set(c.code, c.chefLieu);
    }
  }
  for (const c of current) {
    for (const former of c.anciensCodes ?? []) {
      const known = successorOf.get(former);
      if (known === undefined) successorOf.set(former, c.code);
      else if (known !== c.code) disagreements.push(`${former}: chefLieu ${known} vs anciensCodes of ${c.code}`);
    }
  }
  return { successorOf, disagreements };
}

// ---------------------------------------------------------------------------
// 2018 contours (france-geojson)
// ---------------------------------------------------------------------------

type AreaGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

interface Contour2018 {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

function readFeatures(file: string): Contour2018[] {
  const collection = readJson(file) as GeoJSON.FeatureCollection;
  check(collection.type === "FeatureCollection", `${file} is not a FeatureCollection`);
  return collection.features.map((f, i) => {
    const props = f.properties ?? {};
    const code: unknown = props["code"];
    const name: unknown = props["nom"];
    if (typeof code !== "string" || typeof name !== "string") throw new Error(`${file}: feature ${i} has no code/nom`);
    if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") {
      throw new Error(`${file}: feature ${code} is not a (Multi)Polygon`);
    }
    return { code, name, geometry: f.geometry };
  });
}

function loadCommuneContours2018(): Map<string, Contour2018> {
  const contours = new Map<string, Contour2018>();
  const files = readdirSync(COMMUNES_GEO_DIR).filter((f) => /^communes-.+\.geojson$/.test(f)).sort();
  check(files.length > 90, `expected ~101 commune files in ${COMMUNES_GEO_DIR}, found ${files.length}`);
  for (const file of files) {
    for (const contour of readFeatures(path.join(COMMUNES_GEO_DIR, file))) {
      if (contours.has(contour.code)) throw new Error(`2018 commune ${contour.code} appears twice`);
      contours.set(contour.code, contour);
    }
  }
  return contours;
}

// ---------------------------------------------------------------------------
// IFN
// ---------------------------------------------------------------------------

interface IfnRow {
  code: string;
  name: string;
  values: IfnValues;
}

/** Rows whose values are all empty (e.g. Marseille 13055) are treated as absent. */
function loadIfn(file: string): { rows: Map<string, IfnRow>; duplicates: string[]; empty: string[] } {
  const rows = new Map<string, IfnRow>();
  const duplicates: string[] = [];
  const empty: string[] = [];
  for (const record of parseCsv(readFileSync(file, "utf8"))) {
    const code = record["code"]?.trim();
    if (!code) throw new Error(`${file}: row without code`);
    const values = Object.fromEntries(
      IFN_FIELDS.map(([key, column]) => {
        const raw = record[column]?.trim() ?? "";
        const value = raw === "" ? Number.NaN : Number(raw);
        return [key, Number.isFinite(value) ? value : null];
      }),
    ) as IfnValues;
    if (IFN_KEYS.every((key) => values[key] === null)) {
      empty.push(code);
      continue;
    }
    if (rows.has(code)) {
      duplicates.push(code); // keep the first one: there is no better rule
      continue;
    }
    rows.set(code, { code, name: record["name"] ?? "", values });
  }
  return { rows, duplicates, empty };
}

function roundIfn(values: IfnValues | null): (number | null)[] {
  return IFN_KEYS.map((key) => {
    const value = values?.[key] ?? null;
    return value === null ? null : round(value, IFN_DECIMALS);
  });
}

/** Per field, weighted mean over the parts that have a value for that field. */
function weightedMeanIfn(parts: { values: IfnValues; weight: number }[]): IfnValues {
  const result = {} as IfnValues;
  for (const key of IFN_KEYS) {
    let sum = 0;
    let weights = 0;
    for (const { values, weight } of parts) {
      const value = values[key];
      if (value !== null && weight > 0) {
        sum += value * weight;
        weights += weight;
      }
    }
    result[key] = weights > 0 ? sum / weights : null;
  }
  return result;
}

type IfnSource = "own" | "parts-population-weighted" | "parts-unweighted" | "none";

interface IfnMatch {
  values: IfnValues | null;
  source: IfnSource;
  usedCodes: string[];
}

/**
 * IFN row for a current commune: its own code first. Failing that (commune
 * nouvelle created after the IFN's COG, or Paris/Lyon/Marseille whose IFN is
 * only given per arrondissement), the mean of the rows of its parts:
 * weighted by population when every contributing part has one (arrondissements
 * municipaux), unweighted otherwise — the package has no population for former
 * communes, and the inputs hold no other source for it.
 */
function matchCommuneIfn(
  commune: CurrentCommune,
  rows: Map<string, IfnRow>,
  formerCodes: readonly string[],
  arrondissements: readonly CogCommune[],
): IfnMatch {
  const own = rows.get(commune.code);
  if (own) return { values: own.values, source: "own", usedCodes: [commune.code] };

  const parts: { code: string; values: IfnValues; population: number | null }[] = [];
  for (const code of formerCodes) {
    const row = code === commune.code ? undefined : rows.get(code);
    if (row) parts.push({ code, values: row.values, population: null });
  }
  for (const arrondissement of arrondissements) {
    const row = rows.get(arrondissement.code);
    if (row) parts.push({ code: arrondissement.code, values: row.values, population: arrondissement.population ?? null });
  }
  if (parts.length === 0) return { values: null, source: "none", usedCodes: [] };

  const weighted = parts.every((p) => p.population !== null && p.population > 0);
  const values = weightedMeanIfn(parts.map((p) => ({ values: p.values, weight: weighted ? (p.population ?? 0) : 1 })));
  return {
    values,
    source: weighted ? "parts-population-weighted" : "parts-unweighted",
    usedCodes: parts.map((p) => p.code),
  };
}

// ---------------------------------------------------------------------------
// Representative point: pole of inaccessibility (after Mapbox's "polylabel")
// ---------------------------------------------------------------------------

interface Cell {
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
class CellQueue {
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
function pointInRings(x: number, y: number, rings: PolygonRings): boolean {
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

function segmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
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
function signedDistance(x: number, y: number, rings: PolygonRings): number {
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

function makeCell(x: number, y: number, h: number, rings: PolygonRings): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Area centroid of the outer ring: a good first guess for convex-ish shapes. */
function centroidCell(rings: PolygonRings): Cell {
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
function poleOfInaccessibility(rings: PolygonRings, precision: number): Cell {
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

function polygonsOf(geometry: AreaGeometry): PolygonRings[] {
  return (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as PolygonRings[];
}

function latitudeRange(polygons: PolygonRings[]): [number, number] {
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
function representativePoint(geometry: AreaGeometry): { point: Position; inside: boolean } | null {
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

// ---------------------------------------------------------------------------
// TopoJSON helpers
// ---------------------------------------------------------------------------

/**
 * The topology type that topojson-client/-simplify's typings accept (properties
 * typed `{}`); topojson-server's output is typed with nullable GeoJSON
 * properties, hence the one cast in `toTopology`.
 */
type Topology = TopoJSON.Topology<TopoJSON.Objects>;
type GeometryObject = TopoJSON.GeometryObject;
type AreaObject = TopoJSON.Polygon | TopoJSON.MultiPolygon;

function toTopology(objects: Record<string, GeoJSON.FeatureCollection>): Topology {
  return topology(objects) as Topology;
}
interface NameProperties {
  name: string;
}
type NamedAreaObject = (TopoJSON.Polygon<NameProperties> | TopoJSON.MultiPolygon<NameProperties>) & { id: string };

function isAreaObject(object: GeometryObject): object is AreaObject {
  return object.type === "Polygon" || object.type === "MultiPolygon";
}

function areaObjectToGeoJson(topo: Topology, object: AreaObject): AreaGeometry {
  return object.type === "Polygon" ? feature(topo, object).geometry : feature(topo, object).geometry;
}

/** Triangle area in km², scaling longitudes by cos(latitude): comparable across France. */
function triangleAreaKm2(triangle: [[number, number], [number, number], [number, number]]): number {
  const lat = (triangle[0][1] + triangle[1][1] + triangle[2][1]) / 3;
  return planarTriangleArea(triangle) * Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE * KM_PER_DEGREE;
}

/** Every ring (as a list of arc indices) of every polygon of the topology. */
function ringsOf(topo: Topology): number[][] {
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
function pinShapes(topo: Topology): void {
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
function pruneArcs(topo: Topology): Topology {
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
function minAreaKm2ForExtent([x0, y0, x1, y1]: GeoJSON.BBox): number {
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const pixelKm = (Math.max((x1 - x0) * k, y1 - y0) * KM_PER_DEGREE) / TARGET_MAP_PX;
  return MIN_AREA_PX2 * pixelKm * pixelKm;
}

/** presimplify → keep shapes → simplify → quantize (delta-encoded arcs): the compact output topology. */
function simplifyAndQuantize(topo: Topology, minAreaKm2: number): Topology {
  const weighted = presimplify(topo, triangleAreaKm2);
  pinShapes(weighted);
  return quantize(simplify(weighted, minAreaKm2), QUANTIZATION);
}

// ---------------------------------------------------------------------------
// Contours of current communes, per département
// ---------------------------------------------------------------------------

interface CommuneGeo {
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
function buildDepartementContours(
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

function buildDepartementsTopology(names: ReadonlyMap<string, string>): Topology {
  const features = readFeatures(DEPARTEMENTS_GEO_FILE)
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

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

type TableValue = string | number | null;

/** `{...meta, columns, rows}` with one row per line: compact, yet readable in a diff. */
function tableJson(meta: Record<string, unknown>, columns: readonly string[], rows: readonly TableValue[][]): string {
  const head = JSON.stringify({ ...meta, columns });
  return `${head.slice(0, -1)},"rows":[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]}\n`;
}

function writeOutput(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function sumPopulation(communes: readonly CurrentCommune[]): number | null {
  const known = communes.filter((c) => c.population !== null);
  return known.length ? known.reduce((sum, c) => sum + (c.population ?? 0), 0) : null;
}

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    return total + (entry.isDirectory() ? folderSize(full) : statSync(full).size);
  }, 0);
}

// ---------------------------------------------------------------------------
// Sanity checks: they read the written files back
// ---------------------------------------------------------------------------

const tableSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) });

function readTable(file: string): Map<string, Record<string, string | number | null>> {
  const table = tableSchema.parse(readJson(path.join(OUT_DIR, file)));
  const records = new Map<string, Record<string, string | number | null>>();
  let previous = "";
  for (const row of table.rows) {
    const record = Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null]));
    const code = String(record["code"]);
    check(code > previous, `${file}: codes not strictly sorted at ${code}`);
    previous = code;
    records.set(code, record);
  }
  return records;
}

function readContours(file: string, objectName: string): { topo: Topology; geometries: NamedAreaObject[] } {
  const topo = readJson(path.join(CONTOURS_DIR, file)) as Topology;
  const object = topo.objects[objectName];
  check(object?.type === "GeometryCollection", `${file}: no GeometryCollection "${objectName}"`);
  return { topo, geometries: object.geometries as NamedAreaObject[] };
}

function runSanityChecks(): void {
  const communes = readTable("communes.json");
  const epci = readTable("epci.json");
  const departements = readTable("departements.json");
  const regions = readTable("regions.json");

  check(communes.size >= 34_000 && communes.size <= 36_000, `${communes.size} current communes, expected 34,000–36,000`);
  for (const [code, c] of communes) {
    check(departements.has(String(c["departement"])), `${code}: unknown département ${c["departement"]}`);
    check(regions.has(String(c["region"])), `${code}: unknown région ${c["region"]}`);
    check(c["epci"] === null || epci.has(String(c["epci"])), `${code}: unknown EPCI ${c["epci"]}`);
    check((c["lon"] === null) === (c["lat"] === null), `${code}: half a point`);
    for (const key of IFN_KEYS) {
      const value = c[key];
      check(value === null || (typeof value === "number" && value >= 0 && value <= 10), `${code}: ${key}=${value} outside 0–10`);
    }
  }
  const populationOf = (table: Map<string, Record<string, string | number | null>>): number =>
    [...table.values()].reduce((sum, r) => sum + (typeof r["population"] === "number" ? r["population"] : 0), 0);
  check(populationOf(departements) === populationOf(communes), "départements' populations do not add up to the communes'");
  check(populationOf(regions) === populationOf(communes), "régions' populations do not add up to the communes'");

  const angouleme = communes.get("16015");
  check(angouleme !== undefined, "Angoulême (16015) missing");
  check(angouleme["departement"] === "16", "Angoulême not in département 16");
  check(typeof angouleme["population"] === "number" && angouleme["population"] > 30_000, "Angoulême population ≤ 30,000");
  const charente = readContours("16.topo.json", "communes");
  const [minX, minY, maxX, maxY] = topoBbox(charente.topo);
  const lon = Number(angouleme["lon"]);
  const lat = Number(angouleme["lat"]);
  check(lon > minX && lon < maxX && lat > minY && lat < maxY, `Angoulême's point ${lon},${lat} outside Charente's bbox`);
  const angoulemeShape = charente.geometries.find((g) => g.id === "16015");
  check(angoulemeShape !== undefined, "Angoulême has no contour in 16.topo.json");
  check(
    polygonsOf(areaObjectToGeoJson(charente.topo, angoulemeShape)).some((p) => pointInRings(lon, lat, p)),
    "Angoulême's point is not inside its (simplified) contour",
  );

  const charenteIds = new Set(charente.geometries.map((g) => g.id));
  check(charenteIds.size === charente.geometries.length, "duplicate ids in 16.topo.json");
  for (const [code, c] of communes) {
    if (c["departement"] !== "16") continue;
    check(charenteIds.has(code), `Charente commune ${code} has no contour`);
    check(c["lon"] !== null, `Charente commune ${code} has no point`);
  }
  // A commune nouvelle of Charente since 2018 (its parts are checked in main).
  check(charenteIds.has("16023") && communes.has("16023"), "Aunac-sur-Charente (16023) missing");

  for (const file of readdirSync(CONTOURS_DIR).filter((f) => /^[0-9AB]+\.topo\.json$/.test(f))) {
    const departement = file.replace(".topo.json", "");
    for (const g of readContours(file, "communes").geometries) {
      check(communes.get(g.id)?.["departement"] === departement, `${file}: ${g.id} is not a current commune of ${departement}`);
    }
  }
  const departementsTopo = readContours("departements.topo.json", "departements");
  for (const g of departementsTopo.geometries) check(departements.has(g.id), `departements.topo.json: unknown ${g.id}`);

  check(folderSize(OUT_DIR) < 15 * 1024 * 1024, "data/ is over 15 MB");
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

/** Real places of Charente (national standard, Etalab 2.0) for the demo territory's seed. */
const DEMO_PLACES = [
  "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
  "20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
];

function copyDemoPlaces(): void {
  const from = path.join(SHARED_DATA, "standard-mediation-numerique", "datasets");
  const to = path.join(OUT_DIR, "demo");
  mkdirSync(to, { recursive: true });
  for (const file of DEMO_PLACES) copyFileSync(path.join(from, file), path.join(to, file));
  console.log(`  demo places: ${DEMO_PLACES.length} files copied to data/demo/`);
}

function main(): void {
  const started = performance.now();
  for (const required of [COMMUNES_GEO_DIR, DEPARTEMENTS_GEO_FILE, IFN_COMMUNES_FILE, IFN_EPCI_FILE, COG_DIR]) {
    if (!existsSync(required)) {
      throw new Error(`missing input ${required}: put the shared data beside the project (../shared/data) or set MAILLAGE_SHARED_DATA`);
    }
  }
  console.log("data-build: phases");

  const cog = timed("read COG (@etalab/decoupage-administratif)", loadCog);
  const communes = currentCommunes(cog);
  const { successorOf, disagreements } = buildSuccessorIndex(cog);
  const arrondissementsOf = groupBy(
    cog.communes.filter((c) => c.type === "arrondissement-municipal" && c.commune),
    (c) => c.commune ?? "",
  );
  const source = [
    `COG: INSEE via @etalab/decoupage-administratif ${cog.version}${cog.millesime ? ` (millésime ${cog.millesime})` : ""}`,
    `contours: IGN Admin Express COG 2018 via gregoiredavid/france-geojson@${FRANCE_GEOJSON_COMMIT.slice(0, 7)}`,
    "IFN: La Mednum via inclusion-numerique/stack",
  ].join("; ");
  const meta = { source, millesime: cog.millesime };

  // Former (2018) contours → current communes.
  const contours2018 = timed("read 2018 contours", loadCommuneContours2018);
  const partsOf = new Map<string, Contour2018[]>();
  const orphanContours: string[] = [];
  for (const contour of [...contours2018.values()].sort(byCode)) {
    const successor = successorOf.get(contour.code);
    if (!successor) orphanContours.push(`${contour.code} ${contour.name}`);
    else if (partsOf.has(successor)) partsOf.get(successor)?.push(contour);
    else partsOf.set(successor, [contour]);
  }

  // Every former code of each current commune (for the IFN fallback).
  const formerCodesOf = groupBy(successorOf.keys(), (code) => successorOf.get(code) ?? "");

  // IFN.
  const ifnCommunes = timed("read IFN", () => loadIfn(IFN_COMMUNES_FILE));
  const ifnEpci = loadIfn(IFN_EPCI_FILE);
  const ifnOf = new Map<string, IfnMatch>();
  for (const commune of communes) {
    ifnOf.set(
      commune.code,
      matchCommuneIfn(commune, ifnCommunes.rows, formerCodesOf.get(commune.code) ?? [], arrondissementsOf.get(commune.code) ?? []),
    );
  }

  // Contours and representative points, one département at a time.
  rmSync(CONTOURS_DIR, { recursive: true, force: true }); // no stale files from a previous build
  mkdirSync(CONTOURS_DIR, { recursive: true });
  const geoOf = new Map<string, CommuneGeo>();
  const contourSizes = new Map<string, number>();
  timed("contours + points per département", () => {
    for (const [departement, members] of [...groupBy(communes, (c) => c.departement)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { topo, geo } = buildDepartementContours(members, partsOf);
      for (const [code, g] of geo) geoOf.set(code, g);
      if (!topo) continue;
      const content = JSON.stringify(topo);
      writeOutput(path.join(CONTOURS_DIR, `${departement}.topo.json`), content);
      contourSizes.set(departement, Buffer.byteLength(content));
    }
  });
  const departementNames = new Map(cog.departements.map((d) => [d.code, d.nom]));
  timed("départements contours", () =>
    writeOutput(path.join(CONTOURS_DIR, "departements.topo.json"), JSON.stringify(buildDepartementsTopology(departementNames))),
  );

  // Tables.
  timed("tables", () => {
    writeOutput(
      path.join(OUT_DIR, "communes.json"),
      tableJson(
        meta,
        ["code", "name", "departement", "region", "epci", "population", "postcodes", "lon", "lat", ...IFN_KEYS],
        communes.map((c) => {
          const point = geoOf.get(c.code)?.point ?? null;
          return [
            c.code,
            c.name,
            c.departement,
            c.region,
            c.epci,
            c.population,
            c.postcodes,
            point?.[0] ?? null,
            point?.[1] ?? null,
            ...roundIfn(ifnOf.get(c.code)?.values ?? null),
          ];
        }),
      ),
    );
    const communesByEpci = groupBy(
      communes.filter((c) => c.epci),
      (c) => c.epci ?? "",
    );
    writeOutput(
      path.join(OUT_DIR, "epci.json"),
      tableJson(
        meta,
        ["code", "name", "type", "population", ...IFN_KEYS],
        [...cog.epci]
          .sort(byCode)
          .map((e) => [e.code, e.nom, e.type, sumPopulation(communesByEpci.get(e.code) ?? []), ...roundIfn(ifnEpci.rows.get(e.code)?.values ?? null)]),
      ),
    );
    const communesByDepartement = groupBy(communes, (c) => c.departement);
    writeOutput(
      path.join(OUT_DIR, "departements.json"),
      tableJson(
        meta,
        ["code", "name", "region", "population"],
        [...cog.departements].sort(byCode).map((d) => [d.code, d.nom, d.region, sumPopulation(communesByDepartement.get(d.code) ?? [])]),
      ),
    );
    const communesByRegion = groupBy(communes, (c) => c.region);
    writeOutput(
      path.join(OUT_DIR, "regions.json"),
      tableJson(
        meta,
        ["code", "name", "population"],
        [...cog.regions].sort(byCode).map((r) => [r.code, r.nom, sumPopulation(communesByRegion.get(r.code) ?? [])]),
      ),
    );
  });

  // Aunac-sur-Charente absorbed Moutonneau (16238) after 2018: its contour must combine both.
  check((geoOf.get("16023")?.parts ?? 0) >= 2, "Aunac-sur-Charente (16023) not built from its former communes");
  timed("sanity checks (reading the files back)", runSanityChecks);

  printSummary({
    cog,
    communes,
    geoOf,
    ifnOf,
    ifnCommunes,
    ifnEpci,
    orphanContours,
    disagreements,
    contourSizes,
    formerCodesOf,
    knownCodes: new Set([...successorOf.keys(), ...cog.communes.map((c) => c.code)]),
  });
  console.log(`\ndata-build: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

interface SummaryInput {
  cog: Cog;
  communes: CurrentCommune[];
  geoOf: Map<string, CommuneGeo>;
  ifnOf: Map<string, IfnMatch>;
  ifnCommunes: ReturnType<typeof loadIfn>;
  ifnEpci: ReturnType<typeof loadIfn>;
  orphanContours: string[];
  disagreements: string[];
  contourSizes: Map<string, number>;
  formerCodesOf: Map<string, string[]>;
  /** Every commune code the COG knows: current, former (records or anciensCodes), arrondissement municipal. */
  knownCodes: Set<string>;
}

/** "Saint-Pompon" ≈ "saint pompon": compares names across sources. */
function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function list(items: readonly string[], max = 40): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")}, … (+${items.length - max})`;
}

function printSummary(s: SummaryInput): void {
  const label = (c: CurrentCommune): string => `${c.code} ${c.name}`;
  const isCom = (c: CurrentCommune): boolean => c.zone === "com";
  const zones = groupBy(s.communes, (c) => c.zone);
  console.log("\nCommunes");
  console.log(
    `  current communes: ${s.communes.length} (${[...zones].map(([zone, members]) => `${zone} ${members.length}`).join(", ")})`,
  );
  const merged = s.communes.filter((c) => (s.geoOf.get(c.code)?.parts ?? 0) > 1);
  console.log(`  with a contour: ${s.geoOf.size}, of which ${merged.length} built from several 2018 communes`);
  const noContour = s.communes.filter((c) => !s.geoOf.has(c.code));
  const noContourCom = noContour.filter(isCom);
  const noContourOther = noContour.filter((c) => !isCom(c));
  console.log(`  without contour (lon/lat null): ${noContour.length}`);
  console.log(`    - outside the COM (unexpected, see README): ${noContourOther.length}: ${list(noContourOther.map(label))}`);
  console.log(
    `    - in the collectivités d'outre-mer (no IGN 2018 contour): ${noContourCom.length}: ${list(noContourCom.map(label), 100)}`,
  );
  const noPoint = s.communes.filter((c) => s.geoOf.has(c.code) && !s.geoOf.get(c.code)?.point);
  const outside = s.communes.filter((c) => s.geoOf.get(c.code)?.pointOutside);
  console.log(`  contour but no point: ${noPoint.length}${noPoint.length ? `: ${list(noPoint.map(label))}` : ""}`);
  console.log(`  rounded point outside its contour: ${outside.length}${outside.length ? `: ${list(outside.map(label))}` : ""}`);
  if (s.orphanContours.length) console.log(`  2018 contours with no current commune: ${list(s.orphanContours)}`);
  if (s.disagreements.length) console.log(`  COG quirks, anciensCodes vs chefLieu (chefLieu kept): ${list(s.disagreements)}`);

  console.log("\nIFN (communes)");
  const bySource = groupBy(s.communes, (c) => s.ifnOf.get(c.code)?.source ?? "none");
  for (const source of ["own", "parts-population-weighted", "parts-unweighted", "none"] as const) {
    const members = bySource.get(source) ?? [];
    const shown = source === "own" ? "" : `: ${list(members.filter((c) => !isCom(c)).map(label))}`;
    const com = source === "none" ? ` (+ ${members.filter(isCom).length} COM communes, not covered by the IFN)` : "";
    console.log(`  ${source}: ${members.length}${shown}${com}`);
  }
  const used = new Set([...s.ifnOf.values()].flatMap((m) => m.usedCodes));
  const unused = [...s.ifnCommunes.rows.values()].filter((r) => !used.has(r.code)).map((r) => `${r.code} ${r.name}`);
  const unknown = [...s.ifnCommunes.rows.keys()].filter((code) => !s.knownCodes.has(code));
  console.log(`  IFN rows not used: ${unused.length} (codes unknown to the COG: ${unknown.length}): ${list(unused, 12)}`);
  const renamed = s.communes.filter((c) => {
    const row = s.ifnOf.get(c.code)?.source === "own" ? s.ifnCommunes.rows.get(c.code) : undefined;
    return row !== undefined && normalizeName(row.name) !== normalizeName(c.name);
  });
  console.log(`  own rows under another name (renamed, or merged since the IFN): ${renamed.length}`);
  // Rows of former communes not used because the current code has its own row:
  // the IFN predates these mergers, so the commune gets its chef-lieu's values.
  const partial = s.communes.filter(
    (c) =>
      s.ifnOf.get(c.code)?.source === "own" &&
      (s.formerCodesOf.get(c.code) ?? []).some((code) => code !== c.code && s.ifnCommunes.rows.has(code)),
  );
  console.log(`  communes whose own row predates a merger (former communes' rows ignored): ${partial.length}`);
  console.log(`  empty IFN rows ignored: ${list(s.ifnCommunes.empty)}; duplicate codes: ${s.ifnCommunes.duplicates.length}`);

  console.log("\nEPCI");
  const epciWithoutIfn = s.cog.epci.filter((e) => !s.ifnEpci.rows.has(e.code)).sort(byCode);
  console.log(`  EPCI: ${s.cog.epci.length}, without IFN: ${epciWithoutIfn.length}: ${list(epciWithoutIfn.map((e) => `${e.code} ${e.nom}`))}`);
  const noEpci = s.communes.filter((c) => !c.epci && !isCom(c));
  console.log(`  communes (outside the COM) in no EPCI: ${list(noEpci.map(label))}`);
  console.log(`  départements: ${s.cog.departements.length}, régions: ${s.cog.regions.length}`);

  console.log("\nFiles");
  for (const file of ["communes.json", "epci.json", "departements.json", "regions.json", "contours/departements.topo.json"]) {
    console.log(`  data/${file.padEnd(32)} ${formatBytes(statSync(path.join(OUT_DIR, file)).size)}`);
  }
  const sizes = [...s.contourSizes].sort(([, a], [, b]) => a - b);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const median = sizes[Math.floor(sizes.length / 2)]?.[1] ?? 0;
  console.log(
    `  data/contours/<dép>.topo.json × ${sizes.length}: total ${formatBytes(total)}, median ${formatBytes(median)}, largest ${sizes
      .slice(-3)
      .reverse()
      .map(([d, size]) => `${d} ${formatBytes(size)}`)
      .join(", ")}`,
  );
  console.log(`  data/ in all: ${formatBytes(folderSize(OUT_DIR))}`);
}

main();
copyDemoPlaces();
