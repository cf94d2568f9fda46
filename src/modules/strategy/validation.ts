import { z } from "zod";
import { themeIds } from "@/modules/themes";
import { horizons, type Horizon } from "./schema";

export const horizonLabels: Record<Horizon, string> = { court: "Court terme", moyen: "Moyen terme", long: "Long terme" };
/** Said beside each horizon, so that people choose the same way. */
export const horizonHints: Record<Horizon, string> = { court: "dans l'année", moyen: "d'ici deux à trois ans", long: "au-delà de trois ans" };

export const VISION_MAX = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))]);

export const visionSchema = z.object({
  text: z
    .string()
    .trim()
    .max(VISION_MAX, `La vision ne doit pas dépasser ${VISION_MAX.toLocaleString("fr-FR")} caractères.`)
    .default(""),
});

export const axisSchema = z.object({
  title: z.string({ error: "Donnez un titre à l'axe." }).trim().min(2, "Donnez un titre à l'axe.").max(150, "Le titre ne doit pas dépasser 150 caractères."),
  description: z.string().trim().max(2000, "La description ne doit pas dépasser 2 000 caractères.").default(""),
});
export type AxisInput = z.infer<typeof axisSchema>;

export const objectiveSchema = z.object({
  title: z
    .string({ error: "Donnez un intitulé à l'objectif." })
    .trim()
    .min(3, "Donnez un intitulé à l'objectif, en quelques mots au moins.")
    .max(200, "L'intitulé ne doit pas dépasser 200 caractères."),
  description: z.string().trim().max(2000, "La description ne doit pas dépasser 2 000 caractères.").default(""),
  horizon: z.enum(horizons, { error: "Choisissez l'horizon : court, moyen ou long terme." }),
  /** Checked against the territory's axes by the command. */
  axisId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || UUID.test(v), "Choisissez un axe de la liste."),
  themes: list.refine((t) => t.every((id) => (themeIds as readonly string[]).includes(id)), "Choisissez les thèmes dans la liste."),
  /** Checked against the territory's findings by the command. */
  findings: list.refine((f) => f.length <= 100 && f.every((id) => UUID.test(id)), "Choisissez les constats dans la liste."),
});
export type ObjectiveInput = z.infer<typeof objectiveSchema>;

export const directions = ["up", "down"] as const;
export type Direction = (typeof directions)[number];
export const moveSchema = z.object({ direction: z.enum(directions, { error: "Choisissez de monter ou de descendre." }) });
