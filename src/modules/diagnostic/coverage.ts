import { type EnumValue, enumValues } from "@/modules/places";
import { formatNumber } from "@/platform/text";
import { NearestIndex } from "./nearest";
import type { CoverageSettings } from "./validation";

/**
 * Coverage of a territory by digital-mediation places: for each commune, how far its representative point
 * is from the nearest place (any place, and one place per service of the national standard), how many
 * places it holds, and whether it is a white zone. Pure computation, no database: `inputs.ts` loads the
 * communes and the places, the pages and exports format the result.
 *
 * Distances are great-circle distances on a sphere of radius 6,371 km (geokdbush's), from the commune's
 * representative point (inside its outline, see data/README.md) to the place's position. The places are
 * every place known to the instance, whatever its territory: help across a border is still help.
 * Each question ("nearest place", "nearest place offering service X") has its own k-d tree (kdbush,
 * searched by `nearest.ts`), so a search never walks through places that cannot answer it.
 */

export const SERVICES = enumValues("services");
export type Service = EnumValue<"services">;

export type IfnScores = {
  total: number | null;
  noThd: number | null;
  no4g: number | null;
  poverty: number | null;
  older65: number | null;
  noDiploma: number | null;
};

export type CoverageCommune = {
  code: string;
  name: string;
  /** Municipal population; null or 0 when none is recorded. */
  population: number | null;
  /** Representative point; null for the few communes without an outline (data/README.md). */
  lon: number | null;
  lat: number | null;
  ifn: IfnScores | null;
};

export type CoveragePlace = {
  id: string;
  lon: number;
  lat: number;
  services: readonly string[];
  /** INSEE code of the commune the place is in (given by the caller), for the count per commune. */
  communeCode: string | null;
};

/** Why a distance is missing. */
export type MissingDistance = "no-position" | "no-place";

export type CommuneCoverage = CoverageCommune & {
  /** Places located in the commune. */
  places: number;
  /** Places per 10,000 inhabitants; null when the commune has no recorded population. */
  placesPer10k: number | null;
  /** Distance in km to the nearest place; null when it cannot be known (see `missing`). */
  nearestKm: number | null;
  nearestPlaceId: string | null;
  /** Distance in km to the nearest place offering each service; null when none does (or no position). */
  nearestKmByService: Record<Service, number | null>;
  /** Why `nearestKm` is null: the commune has no representative point, or no place has a position. */
  missing: MissingDistance | null;
  /** No place within the distance. Null when the commune has no position (unknown). */
  farFromPlaces: boolean | null;
  /**
   * No place within the distance and fragility above the threshold. Null when it cannot be decided:
   * no position, or no IFN while no place is near. A place within the distance, or a known IFN at or below
   * the threshold, is enough to say false.
   */
  whiteZone: boolean | null;
};

type ServiceTotals = Record<Service, { population: number; communes: number }>;

export type CoverageTotals = {
  communes: number;
  population: number;
  /** Places located in these communes. */
  places: number;
  placesPer10k: number | null;
  /** Population (and communes) with no place within the distance, overall and per service. */
  far: { population: number; communes: number };
  farByService: ServiceTotals;
  whiteZones: { population: number; communes: number };
  /** Communes whose distance cannot be known (no representative point): counted in no "far" total. */
  noPosition: { population: number; communes: number };
};

export type CoverageResult = { settings: CoverageSettings; communes: CommuneCoverage[]; totals: CoverageTotals };

// ---------- place indexes ----------

/** Nearest-point index over some places, and the places it stands for. */
type PlaceTree = { tree: NearestIndex; places: readonly CoveragePlace[] };

export type PlaceIndexes = {
  all: PlaceTree | null;
  byService: Map<Service, PlaceTree>;
  /** Places per commune code. */
  perCommune: Map<string, number>;
  /** Places with a usable position. */
  count: number;
};

function placeTree(places: readonly CoveragePlace[]): PlaceTree | null {
  return places.length === 0 ? null : { tree: new NearestIndex(places), places };
}

const validPosition = (lon: number | null, lat: number | null): boolean =>
  lon !== null && lat !== null && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

const isService = (value: string): value is Service => (SERVICES as readonly string[]).includes(value);

/** Builds one index for all places and one per service of the standard; places without a valid position are left out. */
export function buildPlaceIndexes(places: readonly CoveragePlace[]): PlaceIndexes {
  const located = places.filter((p) => validPosition(p.lon, p.lat));
  const perService = new Map<Service, CoveragePlace[]>(SERVICES.map((s) => [s, []]));
  const perCommune = new Map<string, number>();
  for (const p of located) {
    for (const s of new Set(p.services)) if (isService(s)) perService.get(s)?.push(p);
    if (p.communeCode) perCommune.set(p.communeCode, (perCommune.get(p.communeCode) ?? 0) + 1);
  }
  const byService = new Map<Service, PlaceTree>();
  for (const [s, list] of perService) {
    const tree = placeTree(list);
    if (tree) byService.set(s, tree);
  }
  return { all: placeTree(located), byService, perCommune, count: located.length };
}

function nearest(index: PlaceTree | null | undefined, lon: number, lat: number): { km: number; place: CoveragePlace } | null {
  const found = index?.tree.nearest(lon, lat);
  const place = found ? index?.places[found.index] : undefined;
  return found && place ? { km: found.km, place } : null;
}

// ---------- per commune ----------

function coverOne(c: CoverageCommune, indexes: PlaceIndexes, settings: CoverageSettings): CommuneCoverage {
  const places = indexes.perCommune.get(c.code) ?? 0;
  const placesPer10k = c.population && c.population > 0 ? (places / c.population) * 10_000 : null;
  const byService = {} as Record<Service, number | null>;
  const located = validPosition(c.lon, c.lat);
  let found: { km: number; place: CoveragePlace } | null = null;
  if (located && c.lon !== null && c.lat !== null) {
    found = nearest(indexes.all, c.lon, c.lat);
    const offered = found?.place.services ?? [];
    for (const s of SERVICES) {
      // No place is nearer than the nearest of all: if it offers the service, it is the answer (exactly).
      byService[s] = found && offered.includes(s) ? found.km : (nearest(indexes.byService.get(s), c.lon, c.lat)?.km ?? null);
    }
  } else {
    for (const s of SERVICES) byService[s] = null;
  }
  const missing: MissingDistance | null = !located ? "no-position" : found ? null : "no-place";
  const farFromPlaces = !located ? null : found === null || found.km > settings.distanceKm;
  const fragile = c.ifn?.total == null ? null : c.ifn.total > settings.ifnThreshold;
  // Three-valued "and": one known false is enough.
  const whiteZone = farFromPlaces === false || fragile === false ? false : farFromPlaces === null || fragile === null ? null : true;
  // Written out, not `{ ...c, … }`: V8 builds a spread followed by more properties ~40× slower (340 ms
  // for the communes of France, measured), more than all the searches together.
  return {
    code: c.code,
    name: c.name,
    population: c.population,
    lon: c.lon,
    lat: c.lat,
    ifn: c.ifn,
    places,
    placesPer10k,
    nearestKm: found?.km ?? null,
    nearestPlaceId: found?.place.id ?? null,
    nearestKmByService: byService,
    missing,
    farFromPlaces,
    whiteZone,
  };
}

function emptyServiceTotals(): ServiceTotals {
  return Object.fromEntries(SERVICES.map((s) => [s, { population: 0, communes: 0 }])) as ServiceTotals;
}

/** Totals over any set of communes already computed (the whole territory, an EPCI inside it…). */
export function coverageTotals(rows: readonly CommuneCoverage[], settings: CoverageSettings): CoverageTotals {
  const totals: CoverageTotals = {
    communes: rows.length,
    population: 0,
    places: 0,
    placesPer10k: null,
    far: { population: 0, communes: 0 },
    farByService: emptyServiceTotals(),
    whiteZones: { population: 0, communes: 0 },
    noPosition: { population: 0, communes: 0 },
  };
  const add = (bucket: { population: number; communes: number }, population: number) => {
    bucket.population += population;
    bucket.communes += 1;
  };
  for (const r of rows) {
    const population = r.population && r.population > 0 ? r.population : 0;
    totals.population += population;
    totals.places += r.places;
    if (r.missing === "no-position") {
      add(totals.noPosition, population);
      continue;
    }
    if (r.farFromPlaces) add(totals.far, population);
    for (const s of SERVICES) {
      const km = r.nearestKmByService[s];
      if (km === null || km > settings.distanceKm) add(totals.farByService[s], population);
    }
    if (r.whiteZone) add(totals.whiteZones, population);
  }
  totals.placesPer10k = totals.population > 0 ? (totals.places / totals.population) * 10_000 : null;
  return totals;
}

/** Coverage of each commune (in the order given) and the totals, from prebuilt indexes or a list of places. */
export function computeCoverage(
  communes: readonly CoverageCommune[],
  places: PlaceIndexes | readonly CoveragePlace[],
  settings: CoverageSettings,
): CoverageResult {
  const indexes = Array.isArray(places) ? buildPlaceIndexes(places) : (places as PlaceIndexes);
  const rows = communes.map((c) => coverOne(c, indexes, settings));
  return { settings, communes: rows, totals: coverageTotals(rows, settings) };
}

// ---------- priorities ----------

export type Priority = {
  commune: CommuneCoverage;
  /** Population × IFN total; null when the IFN is unknown. */
  score: number | null;
  /** One sentence in plain French saying why the commune stands where it stands. */
  explanation: string;
};

const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
// The IFN has two decimals in data/communes.json: one would show 6,54 as "6,5", equal to the default threshold.
const upToTwoDecimals = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NBSP = "\u00a0";

/** A measured distance: "14,2 km" (one decimal, French comma); "moins de 100 m" below 0.1 km. */
export function formatKm(km: number): string {
  return km < 0.1 ? `moins de 100${NBSP}m` : `${oneDecimal.format(km)}${NBSP}km`;
}

/** A setting: "10 km", "7,5 km". */
function formatLimit(km: number): string {
  return `${upToOneDecimal.format(km)}${NBSP}km`;
}

/** "3 200 habitants", "1 habitant". */
function inhabitants(population: number): string {
  return `${formatNumber(population)}${NBSP}habitant${population >= 2 ? "s" : ""}`;
}

function distancePart(r: CommuneCoverage, settings: CoverageSettings): string {
  const limit = formatLimit(settings.distanceKm);
  if (r.missing === "no-position") return "Distance aux lieux inconnue (la commune n'a pas de point de référence sur la carte)";
  if (r.missing === "no-place") return `Aucun lieu à moins de ${limit} (aucun lieu n'est encore localisé sur la plateforme)`;
  const km = r.nearestKm ?? 0;
  if (r.farFromPlaces) {
    // 10.007 km shown as "10,0 km" would read as "not beyond 10 km": two decimals, rounded up, then.
    const shown = Math.round(km * 10) / 10 <= settings.distanceKm ? `${twoDecimals.format(Math.ceil(km * 100) / 100)}${NBSP}km` : formatKm(km);
    return `Aucun lieu à moins de ${limit} (le plus proche à ${shown})`;
  }
  if (r.places > 0) return r.places === 1 ? "Un lieu dans la commune" : `${formatNumber(r.places)} lieux dans la commune`;
  return `Un lieu à ${formatKm(km)}`;
}

function fragilityPart(r: CommuneCoverage, settings: CoverageSettings): string {
  const total = r.ifn?.total;
  if (total == null) return "fragilité numérique inconnue (pas d'IFN pour cette commune)";
  const value = `IFN ${upToTwoDecimals.format(total)} sur 10`;
  if (total > settings.ifnThreshold) return `fragilité numérique élevée (${value})`;
  return `fragilité numérique sous le seuil retenu (${value}, seuil ${upToTwoDecimals.format(settings.ifnThreshold)})`;
}

/** The one-sentence explanation of a commune's place in the priority list. */
export function explain(r: CommuneCoverage, settings: CoverageSettings): string {
  const people = r.population && r.population > 0 ? inhabitants(r.population) : null;
  const head = `${distancePart(r, settings)} et ${fragilityPart(r, settings)}`;
  return people ? `${head} pour ${people}.` : `${head}, sans habitant recensé.`;
}

const rank = (w: boolean | null) => (w === true ? 0 : 1);

/**
 * Communes to act on first: white zones first, then the others; within each group by population × IFN
 * (the number of people exposed, weighted by how fragile they are), highest first; communes without IFN
 * after those with one, by population. Communes without inhabitants are left out: there is nobody to reach.
 * Ties are broken by INSEE code, so that the order never depends on the input order.
 */
export function rankPriorities(rows: readonly CommuneCoverage[], settings: CoverageSettings, limit = Infinity): Priority[] {
  const ranked = rows
    .filter((r) => r.population !== null && r.population > 0)
    .map((r) => ({ commune: r, score: r.ifn?.total == null ? null : (r.population ?? 0) * r.ifn.total }))
    .sort(
      (a, b) =>
        rank(a.commune.whiteZone) - rank(b.commune.whiteZone) ||
        (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
        (b.score ?? 0) - (a.score ?? 0) ||
        (b.commune.population ?? 0) - (a.commune.population ?? 0) ||
        (a.commune.code < b.commune.code ? -1 : a.commune.code > b.commune.code ? 1 : 0),
    );
  return ranked.slice(0, limit).map((p) => ({ ...p, explanation: explain(p.commune, settings) }));
}
