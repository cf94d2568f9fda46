/**
 * The quantitative portrait of a territory: one row per commune (population, IFN and sub-scores, places,
 * distances, white zone, the coordinator's own indicators), the indicators a map or a table can show,
 * the totals and the priority communes. Shared by the page, the exports, the CLI and the État des lieux.
 */
import type { Executor } from "@/platform/db/client";
import { shortLabel } from "@/modules/places/filters";
import { SERVICES, rankPriorities, type CommuneCoverage, type CoverageTotals, type Priority } from "./coverage";
import { listCustomIndicators, type CustomIndicator } from "./indicators";
import { territoryCoverage } from "./inputs";
import { loadCoverageSettings } from "./settings";
import type { CoverageSettings } from "./validation";

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

/** Everything the portrait shows, computed now (the place indexes are cached per version of the places). */
export async function territoryPortrait(db: Executor, territoryId: string): Promise<Portrait> {
  const settings = await loadCoverageSettings(db, territoryId);
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

const formats = new Map<number, Intl.NumberFormat>();
/** A value as French text, with its decimals ("12,5"); "—" when unknown. */
export function formatValue(def: Pick<IndicatorDef, "decimals">, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  let f = formats.get(def.decimals);
  if (!f) formats.set(def.decimals, (f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 0, maximumFractionDigits: def.decimals })));
  return f.format(v);
}
