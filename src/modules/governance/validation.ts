import { z } from "zod";
import { governanceKinds, groupRhythms, type GroupRhythm } from "@/modules/groups";
import { actionStatuses } from "@/modules/plan";

export const rhythmLabels: Record<GroupRhythm, string> = {
  mensuel: "Tous les mois",
  bimestriel: "Tous les deux mois",
  trimestriel: "Tous les trimestres",
  semestriel: "Tous les six mois",
  annuel: "Une fois par an",
  ponctuel: "Selon les besoins",
};

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))])
  .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), "Choisissez dans la liste.");

/** A governance body: a group whose kind is a governance kind, with a meeting rhythm. */
export const bodySchema = z.object({
  name: z.string({ error: "Donnez un nom à l'instance." }).trim().min(3, "Donnez un nom à l'instance (3 caractères au moins).").max(150, "Le nom ne doit pas dépasser 150 caractères."),
  purpose: z.string().trim().max(2000, "Le rôle de l'instance ne doit pas dépasser 2 000 caractères.").default(""),
  kind: z.enum(governanceKinds, { error: "Choisissez le type d'instance." }),
  rhythm: z.enum(groupRhythms, { error: "Choisissez le rythme des réunions." }),
});
export type BodyInput = z.infer<typeof bodySchema>;

/** A status change of a plan action that cites the decision which caused it. */
export const citedStatusSchema = z.object({
  status: z.enum(actionStatuses, { error: "Choisissez le nouveau statut dans la liste." }),
  decision: z.uuid({ error: "Choisissez la décision qui motive ce changement." }),
  note: z.string().trim().max(500, "La précision ne doit pas dépasser 500 caractères.").default(""),
  revision: z.coerce.number({ error: "Rechargez la page de l'action, puis recommencez." }).int().positive("Rechargez la page de l'action, puis recommencez."),
});

export const commitmentLinksSchema = z.object({ commitments: uuidList });

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).optional().transform((v) => v ?? "");

/** A public contact of the coordination: everything written here is shown on the territory's public page. */
export const contactSchema = z
  .object({
    name: z.string({ error: "Écrivez le nom de la personne." }).trim().min(2, "Écrivez le nom de la personne.").max(150, "Le nom ne doit pas dépasser 150 caractères."),
    role: optionalText(150, "Le rôle ne doit pas dépasser 150 caractères."),
    actorId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.uuid("Choisissez la structure dans la liste.").optional()),
    structure: optionalText(200, "Le nom de la structure ne doit pas dépasser 200 caractères."),
    publicEmail: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((v) => (v ? v.toLowerCase() : undefined))
      .pipe(z.email("Écrivez une adresse électronique valide, par exemple coordination@exemple.fr.").optional()),
    publicPhone: z
      .string()
      .trim()
      .max(30, "Le numéro ne doit pas dépasser 30 caractères.")
      .optional()
      .transform((v) => v || undefined)
      .refine((s) => s === undefined || (/^\+?[0-9 .()-]{6,25}$/.test(s) && s.replace(/\D/g, "").length >= 6), "Indiquez un numéro de téléphone (chiffres, espaces, points ou tirets ; ex. : 05 45 00 00 00)."),
  })
  .superRefine((v, ctx) => {
    if (!v.publicEmail && !v.publicPhone) ctx.addIssue({ code: "custom", path: ["publicEmail"], message: "Indiquez au moins une adresse électronique ou un téléphone à publier." });
  });
export type ContactInput = z.infer<typeof contactSchema>;

/** The decisions log's filters, read from the address: a wrong value is ignored, never an error page. */
export const decisionStates = ["a_suivre", "en_retard", "fait"] as const;
export type DecisionState = (typeof decisionStates)[number];
export const decisionStateLabels: Record<DecisionState, string> = { a_suivre: "À suivre", en_retard: "En retard", fait: "Fait" };
export const decisionFiltersSchema = z.object({
  instance: z.uuid().optional().catch(undefined),
  etat: z.enum(decisionStates).optional().catch(undefined),
});
