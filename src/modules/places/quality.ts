/**
 * What a place's editors should check in its record ("Qualité des données"): shown on the edit page and,
 * to those who can edit it, on the public page. Notes only: nothing here blocks a save.
 */
import { pointInCommune, type PointCheck } from "@/modules/geo";
import { formatNumber } from "@/platform/text";

export type QualityNote = { level: "warning" | "info"; text: string };

type PlaceFacts = { lat: number | null; lon: number | null; communeCode: string | null; data: { commune?: string; horaires?: string; telephone?: string; courriels?: string[]; site_web?: string[] } };

/** "850 m", "12 km": a distance as people say it. */
export function distanceText(m: number): string {
  if (m < 1000) return `${formatNumber(Math.round(m / 10) * 10)}\u00a0m`;
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: m < 10_000 ? 1 : 0 }).format(m / 1000)}\u00a0km`;
}

/**
 * The notes on a place's record. `inCommune` tells whether a point lies in a commune (the geo module's
 * contours by default; a test passes its own), `null` when it cannot be told.
 */
export function qualityNotes(place: PlaceFacts, inCommune: (code: string, lon: number, lat: number) => PointCheck | null = pointInCommune): QualityNote[] {
  const notes: QualityNote[] = [];
  const commune = place.data.commune ? `leur commune, ${place.data.commune},` : "leur commune,";
  if (place.lat === null || place.lon === null) {
    notes.push({ level: "warning", text: "Pas de coordonnées (latitude, longitude) : le lieu n'apparaît pas sur la carte et n'est pas compté dans les distances du portrait." });
  } else if (place.communeCode) {
    const check = inCommune(place.communeCode, place.lon, place.lat);
    if (check && !check.inside) {
      // Latitude and longitude swapped is the most frequent cause: say so when the swapped point fits.
      const swapped = inCommune(place.communeCode, place.lat, place.lon);
      notes.push({
        level: "warning",
        text:
          `Les coordonnées du lieu (latitude ${formatCoordinate(place.lat)}, longitude ${formatCoordinate(place.lon)}) tombent hors de ${commune} à ${distanceText(check.distanceM)} de ses limites. ` +
          (swapped?.inside ? "La latitude et la longitude semblent inversées." : "Vérifiez la position, ou la commune de l'adresse."),
      });
    }
  }
  if (!place.data.horaires) notes.push({ level: "info", text: "Horaires non renseignés : les habitants doivent contacter le lieu avant de se déplacer." });
  if (!place.data.telephone && !place.data.courriels?.length && !place.data.site_web?.length) notes.push({ level: "info", text: "Aucun contact (téléphone, courriel ou site) : les habitants ne peuvent que se déplacer." });
  return notes;
}

function formatCoordinate(n: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 5 }).format(n);
}
