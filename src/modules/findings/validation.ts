import { z } from "zod";
import { themeIds } from "@/modules/themes";

export const findingKinds = ["strength", "question"] as const;
export type FindingKind = (typeof findingKinds)[number];
export const kindLabels: Record<FindingKind, string> = { strength: "Atout", question: "Questionnement" };
export const origins = ["typed", "answer", "meeting"] as const;
export const originLabels: Record<(typeof origins)[number], string> = { typed: "Saisi directement", answer: "Réponse à un questionnaire", meeting: "Réunion" };

export const TEXT_MAX = 2000;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))]);

export const findingSchema = z.object({
  kind: z.enum(findingKinds, { error: "Choisissez : atout ou questionnement." }),
  text: z
    .string({ error: "Écrivez le constat." })
    .trim()
    .min(3, "Écrivez le constat en quelques mots au moins.")
    .max(TEXT_MAX, `Le constat ne doit pas dépasser ${TEXT_MAX.toLocaleString("fr-FR")} caractères.`),
  origin: z.enum(origins).default("typed"),
  originLabel: z.string().trim().max(200, "La provenance ne doit pas dépasser 200 caractères.").default(""),
  originRef: z.string().trim().max(200).optional(),
  themes: list.refine((t) => t.every((id) => (themeIds as readonly string[]).includes(id)), "Choisissez les thèmes dans la liste."),
  /** INSEE codes; checked against the territory's perimeter by the command. */
  communes: list.refine((c) => c.length <= 50 && c.every((code) => /^[0-9][0-9AB][0-9]{3}$/.test(code)), "Choisissez les communes dans la liste."),
  groupId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
});
export type FindingInput = z.infer<typeof findingSchema>;

export const groupSchema = z.object({
  title: z.string({ error: "Donnez un titre au groupe." }).trim().min(2, "Donnez un titre au groupe.").max(150, "Le titre ne doit pas dépasser 150 caractères."),
});

export const filtersSchema = z.object({
  kind: z.enum(findingKinds).optional().catch(undefined),
  theme: z.string().max(50).optional().catch(undefined),
  commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/).optional().catch(undefined),
  group: z.string().uuid().optional().catch(undefined),
  tri: z.enum(["votes", "recent"]).optional().catch(undefined),
});
export type FindingFilters = z.infer<typeof filtersSchema>;
