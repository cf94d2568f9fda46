import { z } from "zod";

/**
 * Settings of the coverage diagnostic, shared by the settings form and the server.
 *
 * Default fragility threshold: the IFN (La Mednum) rates each commune from 0 to 10, 10 being the most
 * fragile (data/README.md). Over the 35,006 communes of ../shared/data/ifn the median total is 5.57 and the
 * upper quartile 6.50 (only 6 % of communes are above 7.5, the maximum is 9.36). "Above 6.5" therefore
 * means "among the quarter most fragile communes of France": selective enough that a white zone points at
 * a real gap, wide enough that a rural territory does find some. A coordinator who wants a wider or
 * narrower net changes it.
 */
export const DEFAULT_DISTANCE_KM = 10;
export const DEFAULT_IFN_THRESHOLD = 6.5;
export const MAX_DISTANCE_KM = 100;
export const IFN_MAX = 10;

/** A number typed in a form ("12,5", " 10 ") or given as a number; missing or empty means the default. */
function decimal(fallback: number, message: string, valid: z.ZodNumber) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null) return fallback;
      if (typeof v !== "string") return v;
      const text = v.replace(/\s/g, "").replace(",", ".");
      if (text === "") return fallback;
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : v;
    },
    z.number({ error: message }).pipe(valid),
  );
}

export const coverageSettingsSchema = z.object({
  distanceKm: decimal(
    DEFAULT_DISTANCE_KM,
    "Indiquez une distance en kilomètres (ex. : 10 ou 7,5).",
    z.number().gt(0, "La distance doit être supérieure à 0 km.").max(MAX_DISTANCE_KM, `La distance ne doit pas dépasser ${MAX_DISTANCE_KM} km.`),
  ),
  ifnThreshold: decimal(
    DEFAULT_IFN_THRESHOLD,
    "Indiquez un seuil de fragilité entre 0 et 10 (ex. : 6,5).",
    z.number().min(0, "Le seuil de fragilité va de 0 à 10.").max(IFN_MAX, "Le seuil de fragilité va de 0 à 10."),
  ),
});

export type CoverageSettings = z.infer<typeof coverageSettingsSchema>;
export type CoverageSettingsInput = z.input<typeof coverageSettingsSchema>;

export const defaultCoverageSettings: CoverageSettings = { distanceKm: DEFAULT_DISTANCE_KM, ifnThreshold: DEFAULT_IFN_THRESHOLD };
