import { slugify } from "@/platform/text";
import type { Cell } from "@/platform/spreadsheet";
import { SERVICES } from "./coverage";
import type { Portrait } from "./portrait";

const round = (n: number | null, digits: number) => (n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * The per-commune table, as the CLI and the downloads write it. Stable, machine-readable column names
 * (the CLI's contract: code_insee, nom, population, longitude, latitude, the IFN and its five sub-scores,
 * places, places_per_10k, nearest_place_km, white_zone), then the distance per service of the standard
 * and the territory's own indicators.
 */
export function portraitTable(portrait: Portrait): { header: string[]; rows: Cell[][] } {
  const serviceColumns = SERVICES.map((s) => `nearest_km_${slugify(s).replace(/-/g, "_").slice(0, 50)}`);
  const header = [
    "code_insee",
    "nom",
    "population",
    "longitude",
    "latitude",
    "ifn_total",
    "ifn_no_thd",
    "ifn_no_4g",
    "ifn_poverty",
    "ifn_older_65",
    "ifn_no_diploma",
    "places",
    "places_per_10k",
    "nearest_place_km",
    "white_zone",
    ...serviceColumns,
    ...portrait.custom.map((c) => `perso_${c.key.replace(/-/g, "_")}`),
  ];
  const rows = portrait.rows.map((r): Cell[] => [
    r.code,
    r.name,
    r.population,
    round(r.lon, 5),
    round(r.lat, 5),
    r.ifn?.total ?? null,
    r.ifn?.noThd ?? null,
    r.ifn?.no4g ?? null,
    r.ifn?.poverty ?? null,
    r.ifn?.older65 ?? null,
    r.ifn?.noDiploma ?? null,
    r.places,
    round(r.placesPer10k, 2),
    round(r.nearestKm, 2),
    r.whiteZone === null ? null : r.whiteZone ? "true" : "false",
    ...SERVICES.map((s) => round(r.nearestKmByService[s], 2)),
    ...portrait.custom.map((c) => r.custom[c.key] ?? null),
  ]);
  return { header, rows };
}
