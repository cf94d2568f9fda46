import { z } from "zod";
import { roles } from "@/platform/auth/principal";

export const perimeterKinds = ["commune", "epci", "departement", "region", "custom"] as const;
export type PerimeterKind = (typeof perimeterKinds)[number];

export const perimeterKindLabels: Record<PerimeterKind, string> = {
  commune: "Une commune",
  epci: "Une intercommunalité (EPCI)",
  departement: "Un département",
  region: "Une région",
  custom: "Un ensemble de communes (bassin de vie)",
};

export const perimeterKindShort: Record<PerimeterKind, string> = {
  commune: "Commune",
  epci: "Intercommunalité",
  departement: "Département",
  region: "Région",
  custom: "Bassin de vie",
};

export const MAX_CUSTOM_COMMUNES = 5000;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "L'adresse doit faire au moins 3 caractères.")
  .max(60, "L'adresse ne doit pas dépasser 60 caractères.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "L'adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (ex. : grand-cognac).");

export const territoryNameSchema = z
  .string({ error: "Indiquez le nom du territoire." })
  .trim()
  .min(2, "Indiquez le nom du territoire (au moins 2 caractères).")
  .max(120, "Le nom ne doit pas dépasser 120 caractères.");

export const descriptionSchema = z.string().trim().max(2000, "La présentation ne doit pas dépasser 2 000 caractères.").default("");

/** Splits a pasted list of INSEE codes or postcodes ("16015, 16070\n16100"). */
export function splitCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

export const createTerritorySchema = z
  .object({
    // Both may be left empty: they default to the perimeter's name and its slug.
    name: z.string().trim().max(120, "Le nom ne doit pas dépasser 120 caractères.").optional().default(""),
    slug: z.string().trim().toLowerCase().max(60, "L'adresse ne doit pas dépasser 60 caractères.").optional().default(""),
    kind: z.enum(perimeterKinds, { error: "Choisissez le type de périmètre." }),
    code: z.string().trim().max(20, "Code trop long.").optional().default(""),
    communes: z.string().max(60_000, "La liste de communes est trop longue.").optional().default(""),
    description: descriptionSchema,
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "custom" && !v.code) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Aucun périmètre choisi : cherchez-le à l'étape 1, puis choisissez-le dans la liste des résultats." });
    }
    if (v.kind === "custom" && !v.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Indiquez le nom de ce bassin de vie." });
    }
    if (v.kind === "custom") {
      const codes = splitCodes(v.communes);
      if (codes.length === 0) ctx.addIssue({ code: "custom", path: ["communes"], message: "Le périmètre est vide : ajoutez au moins une commune." });
      if (codes.length > MAX_CUSTOM_COMMUNES)
        ctx.addIssue({ code: "custom", path: ["communes"], message: `Un bassin de vie ne peut pas dépasser ${MAX_CUSTOM_COMMUNES} communes.` });
    }
  });

export type CreateTerritoryInput = z.input<typeof createTerritorySchema>;

export const updateTerritorySchema = z.object({ name: territoryNameSchema, description: descriptionSchema });

export const roleSchema = z.enum(roles, { error: "Choisissez un rôle." });

export const createInvitationSchema = z.object({
  role: roleSchema,
  label: z.string().trim().max(200, "La note ne doit pas dépasser 200 caractères.").default(""),
});

export const perimeterSearchSchema = z.object({
  kind: z.enum(perimeterKinds).catch("epci"),
  q: z.string().trim().max(100).catch(""),
});
