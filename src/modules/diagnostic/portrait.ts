/**
 * The quantitative portrait of a territory: one row per commune (population, IFN and sub-scores, places,
 * distances, white zone, the coordinator's own indicators), the indicators a map or a table can show,
 * the totals and the priority communes. Shared by the page, the exports, the CLI and the État des lieux.
 */
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { territories } from "@/modules/territories";
import { places, shortLabel } from "@/modules/places";
import { diagnosticSettings } from "@/modules/findings";
import { SERVICES, rankPriorities, type CommuneCoverage, type CoverageTotals, type Priority } from "./coverage";
import { listCustomIndicators, type CustomIndicator } from "./indicators";
import { territoryCoverage } from "./inputs";
import { customIndicators } from "./schema";
import { defaultCoverageSettings, type CoverageSettings } from "./validation";

export type IndicatorDef = {
  id: string;
  label: string;
  unit: string;
  group: "Population" | "Fragilité numérique" | "Couverture" | "Indicateurs du territoire";
  /** Decimals shown. */
  decimals: number;
  /** For the map's colours: a high value is the worrying side (fragility, distance). */
  higherIsWorse: boolean;
  value: (row: PortraitRow) => number | null;
};

export type PortraitRow = CommuneCoverage & { custom: Record<string, number | null> };

export type Portrait = {
  settings: CoverageSettings;
  rows: PortraitRow[];
  totals: CoverageTotals;
  indicators: IndicatorDef[];
  priorities: Priority[];
  custom: CustomIndicator[];
  placesVersion: string;
};

const ifn = (key: keyof NonNullable<CommuneCoverage["ifn"]>) => (r: PortraitRow) => r.ifn?.[key] ?? null;

export const builtInIndicators: IndicatorDef[] = [
  { id: "population", label: "Population", unit: "habitants", group: "Population", decimals: 0, higherIsWorse: false, value: (r) => r.population },
  { id: "ifn_total", label: "Indice de fragilité numérique (IFN)", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("total") },
  { id: "ifn_no_thd", label: "IFN : absence de très haut débit", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("noThd") },
  { id: "ifn_no_4g", label: "IFN : absence de 4G", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("no4g") },
  { id: "ifn_poverty", label: "IFN : pauvreté", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("poverty") },
  { id: "ifn_older_65", label: "IFN : personnes de 65 ans et plus", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("older65") },
  { id: "ifn_no_diploma", label: "IFN : personnes sans diplôme", unit: "sur 10", group: "Fragilité numérique", decimals: 2, higherIsWorse: true, value: ifn("noDiploma") },
  { id: "places", label: "Lieux de médiation dans la commune", unit: "lieux", group: "Couverture", decimals: 0, higherIsWorse: false, value: (r) => r.places },
  { id: "places_per_10k", label: "Lieux pour 10 000 habitants", unit: "lieux", group: "Couverture", decimals: 1, higherIsWorse: false, value: (r) => r.placesPer10k },
  { id: "nearest_place_km", label: "Distance au lieu le plus proche", unit: "km", group: "Couverture", decimals: 1, higherIsWorse: true, value: (r) => r.nearestKm },
  ...SERVICES.map(
    (s, i): IndicatorDef => ({
      id: `nearest_service_${i + 1}`,
      label: `Distance au lieu le plus proche : ${shortLabel(s).toLowerCase()}`,
      unit: "km",
      group: "Couverture",
      decimals: 1,
      higherIsWorse: true,
      value: (r) => r.nearestKmByService[s],
    }),
  ),
  { id: "white_zone", label: "Zone blanche (1 = oui)", unit: "", group: "Couverture", decimals: 0, higherIsWorse: true, value: (r) => (r.whiteZone === null ? null : r.whiteZone ? 1 : 0) },
];

export function customIndicatorDefs(custom: readonly CustomIndicator[]): IndicatorDef[] {
  return custom.map((c) => ({
    id: `perso_${c.key}`,
    label: c.label,
    unit: c.unit,
    group: "Indicateurs du territoire",
    decimals: 2,
    higherIsWorse: true,
    value: (r: PortraitRow) => r.custom[c.key] ?? null,
  }));
}

async function buildPortrait(db: Executor, territoryId: string, settings: CoverageSettings): Promise<Portrait> {
  const [coverage, custom] = await Promise.all([territoryCoverage(db, territoryId, settings), listCustomIndicators(db, territoryId)]);
  const rows: PortraitRow[] = coverage.communes.map((c) => ({ ...c, custom: Object.fromEntries(custom.map((i) => [i.key, i.values.get(c.code) ?? null])) }));
  return {
    settings,
    rows,
    totals: coverage.totals,
    indicators: [...builtInIndicators, ...customIndicatorDefs(custom)],
    priorities: rankPriorities(coverage.communes, settings, 20),
    custom,
    placesVersion: coverage.placesVersion,
  };
}

/**
 * Portraits kept per database. A France-wide portrait holds 35,000 rows (a few tens of MB), so only the
 * most recently used few are kept; a territory's portrait is replaced as soon as one of its inputs changes.
 */
export const PORTRAIT_CACHE_ENTRIES = 6;
type PortraitCache = Map<string, Promise<Portrait>>;
// Keyed by database (tests open several), kept on globalThis: Next.js may load this module more than once.
const shared = globalThis as unknown as { __maillagePortraits?: WeakMap<Executor, PortraitCache> };
const portraits = (shared.__maillagePortraits ??= new WeakMap<Executor, PortraitCache>());

/**
 * Everything the portrait shows, built once per version of its inputs, like the map answer: the
 * territory (its perimeter and name, `updatedAt`), every place (`placesVersion`), the coverage settings
 * (their values) and the custom indicators (count and last update). Reading those versions costs a few
 * small queries; building a région's portrait costs ~180 ms and France's ~860 ms (bench/RESULTS.md), so
 * a warm page no longer recomputes it. The versions are read before building, so a change made while a
 * portrait is built shows at the next call. Concurrent calls for the same version share one build.
 * Callers must not mutate the result (it is shared).
 */
export async function territoryPortrait(db: Executor, territoryId: string): Promise<Portrait> {
  // The four versions in one query (each query costs ~0.5–1 ms of CPU on PGlite, on every view).
  const [version] = await db
    .select({
      updatedAt: territories.updatedAt,
      distanceKm: diagnosticSettings.distanceKm,
      ifnThreshold: diagnosticSettings.ifnThreshold,
      places: sql<string>`(select count(*) || ':' || coalesce(max(${places.modifiedAt})::text, '') from ${places})`,
      indicators: sql<string>`(select count(*) || ':' || coalesce(max(${customIndicators.updatedAt})::text, '') from ${customIndicators} where ${customIndicators.territoryId} = ${territories.id})`,
    })
    .from(territories)
    .leftJoin(diagnosticSettings, eq(diagnosticSettings.territoryId, territories.id))
    .where(eq(territories.id, territoryId));
  const settings: CoverageSettings = version?.distanceKm != null && version.ifnThreshold != null ? { distanceKm: version.distanceKm, ifnThreshold: version.ifnThreshold } : defaultCoverageSettings;
  const key = JSON.stringify([territoryId, version?.updatedAt.getTime() ?? null, version?.places ?? null, settings.distanceKm, settings.ifnThreshold, version?.indicators ?? null]);
  let cache = portraits.get(db);
  if (!cache) portraits.set(db, (cache = new Map()));
  const known = cache.get(key);
  if (known) {
    // Most recently used last: eviction takes the oldest first.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  // An older version of this territory's portrait is of no use any more.
  for (const k of cache.keys()) if (k.startsWith(`[${JSON.stringify(territoryId)},`)) cache.delete(k);
  const building = buildPortrait(db, territoryId, settings);
  cache.set(key, building);
  for (const k of cache.keys()) {
    if (cache.size <= PORTRAIT_CACHE_ENTRIES) break;
    cache.delete(k);
  }
  const store = cache;
  building.catch(() => {
    // A failed build is not kept: the next call tries again.
    if (store.get(key) === building) store.delete(key);
  });
  return building;
}

const formats = new Map<number, Intl.NumberFormat>();
/** A value as French text, with its decimals ("12,5"); "—" when unknown. */
export function formatValue(def: Pick<IndicatorDef, "decimals">, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  let f = formats.get(def.decimals);
  if (!f) formats.set(def.decimals, (f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 0, maximumFractionDigits: def.decimals })));
  return f.format(v);
}
