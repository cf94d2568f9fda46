import { z } from "zod";
import { fromParisWallDate } from "@/modules/places";
import { parseFrenchNumber } from "./logic";
import { audiences, conditionOperators, questionTypes } from "./types";

// The builder's forms, read by the server actions and the commands alike. Checkboxes send "on" (or
// nothing); repeated fields arrive as arrays.

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default("");
const checkbox = z.unknown().optional().transform((v) => v === "on" || v === "1" || v === "true" || v === true);
const list = z.unknown().optional().transform((v) => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []));

export const titleSchema = z
  .string({ error: "Indiquez le titre du questionnaire." })
  .trim()
  .min(3, "Indiquez le titre du questionnaire (au moins 3 caractères).")
  .max(200, "Le titre ne doit pas dépasser 200 caractères.");

export const questionnaireSchema = z.object({
  title: titleSchema,
  intro: text(3000, "La présentation ne doit pas dépasser 3 000 caractères."),
  audience: z.enum(audiences, { error: "Choisissez à qui s'adresse le questionnaire." }),
});
export type QuestionnaireInput = z.infer<typeof questionnaireSchema>;

export const createSchema = z.object({
  origin: z.string({ error: "Choisissez un modèle ou « questionnaire vide »." }).trim().min(1, "Choisissez un modèle ou « questionnaire vide »."),
  title: text(200, "Le titre ne doit pas dépasser 200 caractères."),
});

export const sectionSchema = z.object({
  title: z.string({ error: "Indiquez le titre de la partie." }).trim().min(1, "Indiquez le titre de la partie.").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  description: text(2000, "Le texte d'introduction ne doit pas dépasser 2 000 caractères."),
});
export type SectionInput = z.infer<typeof sectionSchema>;

const optionalNumber = (label: string) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx): number | null => {
      const s = typeof v === "string" ? v.trim() : "";
      if (!s) return null;
      const n = parseFrenchNumber(s);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `Le ${label} doit être un nombre écrit en chiffres.` });
        return z.NEVER;
      }
      return n;
    });

/** The field holding the label of an existing choice (one field per choice, so that each comes back after an error). */
export const choiceLabelField = (value: string) => `choice_label__${value}`;

/**
 * The question form: the type, the wording, the choices (existing ones kept by their key, their labels
 * in `choice_label__<key>`), the condition (`condition` = "<question id>::<value>", or the three
 * condition_* fields).
 */
export const questionSchema = z
  .object({
    section: z.string({ error: "Choisissez la partie." }).uuid("Choisissez la partie."),
    type: z.enum(questionTypes, { error: "Choisissez le type de question." }),
    label: z.string({ error: "Écrivez la question." }).trim().min(2, "Écrivez la question.").max(500, "La question ne doit pas dépasser 500 caractères."),
    help: text(1000, "L'aide ne doit pas dépasser 1 000 caractères."),
    required: checkbox,
    personal: checkbox,
    allow_other: checkbox,
    choice_value: list,
    choice_remove: list,
    new_choices: text(5000, "Les nouveaux choix ne doivent pas dépasser 5 000 caractères en tout."),
    min: optionalNumber("minimum"),
    max: optionalNumber("maximum"),
    scale_min: text(60, "Le mot sous la valeur 1 ne doit pas dépasser 60 caractères."),
    scale_max: text(60, "Le mot sous la valeur 5 ne doit pas dépasser 60 caractères."),
    condition_question: z.string().trim().default(""),
    condition_operator: z.enum(conditionOperators).default("equals"),
    condition_value: text(200, "La valeur de la condition ne doit pas dépasser 200 caractères."),
  })
  .superRefine((v, ctx) => {
    const added = v.new_choices.split("\n").map((l) => l.trim()).filter(Boolean);
    if (added.some((l) => l.length > 200)) ctx.addIssue({ code: "custom", path: ["new_choices"], message: "Un choix ne doit pas dépasser 200 caractères (un choix par ligne)." });
    if (v.min !== null && v.max !== null && v.min > v.max) ctx.addIssue({ code: "custom", path: ["max"], message: "Le maximum doit être plus grand que le minimum." });
    if (v.condition_question && !v.condition_value) ctx.addIssue({ code: "custom", path: ["condition_value"], message: "Indiquez la réponse qui fait apparaître la question." });
  });
export type QuestionInput = z.infer<typeof questionSchema>;

const dateSchema = (label: string) =>
  z
    .string()
    .trim()
    .default("")
    .transform((s, ctx): string | null => {
      if (!s) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
        ctx.addIssue({ code: "custom", message: `La date ${label} doit être une date (jj/mm/aaaa).` });
        return z.NEVER;
      }
      return s;
    });

/** Midnight in Paris at the start of a day (YYYY-MM-DD), or at its end (the next midnight). */
export function parisDayStart(day: string, offsetDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return fromParisWallDate(new Date(y, m - 1, d + offsetDays, 0, 0, 0));
}

export const campaignSchema = z
  .object({
    label: z.string({ error: "Donnez un nom à la campagne." }).trim().min(2, "Donnez un nom à la campagne (par exemple « Forum des associations 2027 »).").max(200, "Le nom ne doit pas dépasser 200 caractères."),
    opens: dateSchema("d'ouverture"),
    closes: dateSchema("de clôture"),
    anonymous: z.enum(["oui", "non"], { error: "Indiquez si les réponses sont anonymes." }).default("oui"),
  })
  .superRefine((v, ctx) => {
    if (v.opens && v.closes && v.closes < v.opens) ctx.addIssue({ code: "custom", path: ["closes"], message: "La date de clôture doit venir après la date d'ouverture." });
  })
  .transform((v) => ({
    label: v.label,
    opensAt: v.opens ? parisDayStart(v.opens) : null,
    // Open through the whole closing day, in Paris.
    closesAt: v.closes ? parisDayStart(v.closes, 1) : null,
    anonymous: v.anonymous === "oui",
  }));
export type CampaignInput = z.infer<typeof campaignSchema>;
