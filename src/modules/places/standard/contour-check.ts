/**
 * The import's check of a place's coordinates against its commune's contour (issue 11, « places found,
 * not just read »): postcode, commune and INSEE code are cross-checked in normalizeRecord; the point is
 * checked here, on the server only, since the contours are files (data/contours) and normalizeRecord
 * also runs in the browser. A point outside its commune (beyond the contours' 200 m slack) gives ONE
 * warning naming both the coordinates and the commune; the place is neither refused nor moved.
 */
import { pointInCommune, type PointCheck } from "@/modules/geo";
import { distanceText } from "../quality";
import { communeIndex, nameKey } from "../mapping/normalize/communes";
import type { Issue, NormalizedPlace } from "./schema";
import type { RecordCheck } from "./normalize";

type InCommune = (code: string, lon: number, lat: number) => PointCheck | null;

/**
 * The commune's INSEE code as the import resolves it: the record's own code (normalizeRecord wrote it
 * when it had one or had to find the commune), else the one commune of the postcode bearing that name.
 */
export function inseeOf(record: NormalizedPlace): string | undefined {
  if (record.code_insee) return record.code_insee;
  const key = nameKey(record.commune);
  const found = communeIndex().byPostcode.get(record.code_postal)?.filter((c) => nameKey(c.name) === key) ?? [];
  return found.length === 1 ? found[0]?.code : undefined;
}

/** Coordinates as the file gives them, in its order (latitude, longitude), with a dot: what the person will search for. */
const coordinates = (lat: number, lon: number) => `(latitude ${lat}, longitude ${lon})`;

/**
 * The warning for a record whose point falls outside its commune; none when the record has no point,
 * no resolved commune, or a commune whose contour is not held. `inCommune`: the geo module's contours
 * (cached per process there); a test may pass its own.
 */
export function contourIssues(record: NormalizedPlace, line: number, id: string, inCommune: InCommune = pointInCommune): Issue[] {
  const { latitude: lat, longitude: lon } = record;
  if (lat === undefined || lon === undefined) return [];
  const code = inseeOf(record);
  if (!code) return [];
  const check = inCommune(code, lon, lat);
  if (!check || check.inside) return [];
  // Latitude and longitude swapped is the most frequent cause: say so when the swapped point fits.
  const swapped = Math.abs(lon) <= 90 && inCommune(code, lat, lon)?.inside === true;
  const advice = swapped ? "la latitude et la longitude semblent inversées." : "vérifiez la latitude et la longitude, ou la commune de l'adresse.";
  const message = `Les coordonnées ${coordinates(lat, lon)} tombent à ${distanceText(check.distanceM)} de la commune ${record.commune} (${code}) : ${advice}`;
  return [{ line, id, field: "latitude", level: "warning", message }];
}

/** The check as FileChecker / validateFile take it. */
export const contourCheck: RecordCheck = (record, line, id) => contourIssues(record, line, id);
