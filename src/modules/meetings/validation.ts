import { z } from "zod";
import { decisionModes, responses } from "./schema";
import { parisInstant } from "./time";

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))])
  .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), "Choisissez dans la liste.");

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");

/** A meeting as the form sends it: a day and two times in Paris time. */
export const meetingSchema = z
  .object({
    title: z.string({ error: "Donnez un titre à la réunion." }).trim().min(3, "Donnez un titre à la réunion (3 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
    date: z.string({ error: "Indiquez le jour de la réunion." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez le jour de la réunion (jj/mm/aaaa)."),
    start: z.string({ error: "Indiquez l'heure de début." }).regex(/^\d{2}:\d{2}$/, "Indiquez l'heure de début (hh:mm)."),
    end: z.string({ error: "Indiquez l'heure de fin." }).regex(/^\d{2}:\d{2}$/, "Indiquez l'heure de fin (hh:mm)."),
    place: optionalText(300, "Le lieu ne doit pas dépasser 300 caractères."),
    videoUrl: z
      .string()
      .trim()
      .max(500, "Le lien ne doit pas dépasser 500 caractères.")
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^https:\/\/[^\s]+$/.test(v), "Le lien de visioconférence doit commencer par https://."),
    agenda: optionalText(10_000, "L'ordre du jour ne doit pas dépasser 10 000 caractères."),
    invited: uuidList,
  })
  .transform((v, ctx) => {
    const startsAt = parisInstant(v.date, v.start);
    const endsAt = parisInstant(v.date, v.end);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["date"], message: "Ce jour n'existe pas : vérifiez la date." });
    if (startsAt && endsAt && endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["end"], message: "La fin doit venir après le début." });
    if (!v.place && !v.videoUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "Indiquez un lieu ou un lien de visioconférence." });
    return { title: v.title, startsAt: startsAt ?? new Date(NaN), endsAt: endsAt ?? new Date(NaN), place: v.place, videoUrl: v.videoUrl ?? null, agenda: v.agenda, invited: v.invited };
  });
export type MeetingInput = z.output<typeof meetingSchema>;

/** Cancelling says why: the reason is kept, shown on the page and sent to the invited members. */
export const cancelSchema = z.object({
  reason: z.string({ error: "Dites pourquoi la réunion est annulée." }).trim().min(5, "Dites pourquoi la réunion est annulée (quelques mots au moins).").max(1000, "La raison ne doit pas dépasser 1 000 caractères."),
});

export const responseSchema = z.enum(responses, { error: "Dites si vous venez." });

export const minutesSchema = z.object({
  minutes: z.string({ error: "Écrivez le compte rendu." }).trim().min(10, "Écrivez le compte rendu (quelques lignes au moins).").max(50_000, "Le compte rendu ne doit pas dépasser 50 000 caractères."),
});

const count = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : undefined))
  .refine((n) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 10_000), "Indiquez un nombre entier de voix (0 ou plus).");

export const decisionSchema = z
  .object({
    text: z.string({ error: "Écrivez la décision." }).trim().min(5, "Écrivez la décision (5 caractères au moins).").max(2000, "La décision ne doit pas dépasser 2 000 caractères."),
    decidedOn: z.string({ error: "Indiquez la date de la décision." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez la date de la décision."),
    mode: z.enum(decisionModes, { error: "Choisissez : consensus ou vote." }),
    votesFor: count,
    votesAgainst: count,
    votesAbstention: count,
    followUpBy: optionalText(200, "Le nom ne doit pas dépasser 200 caractères."),
    dueOn: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v), "Indiquez l'échéance (jj/mm/aaaa)."),
    objectives: uuidList,
    actions: uuidList,
  })
  .superRefine((v, ctx) => {
    if (v.mode === "vote" && (v.votesFor === undefined || v.votesAgainst === undefined || v.votesAbstention === undefined))
      ctx.addIssue({ code: "custom", path: ["votesFor"], message: "Pour un vote, indiquez les voix pour, contre et les abstentions (0 si aucune)." });
    if (v.dueOn && v.dueOn < v.decidedOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "L'échéance du suivi ne peut pas précéder la décision." });
  })
  .transform((v) => ({
    ...v,
    votesFor: v.mode === "vote" ? (v.votesFor ?? 0) : null,
    votesAgainst: v.mode === "vote" ? (v.votesAgainst ?? 0) : null,
    votesAbstention: v.mode === "vote" ? (v.votesAbstention ?? 0) : null,
    dueOn: v.dueOn ?? null,
  }));
export type DecisionInput = z.output<typeof decisionSchema>;

export const findingFromMinutesSchema = z.object({
  kind: z.enum(["strength", "question"], { error: "Choisissez : atout ou questionnement." }),
  text: z.string({ error: "Écrivez le constat." }).trim().min(3, "Écrivez le constat en quelques mots au moins.").max(2000, "Le constat ne doit pas dépasser 2 000 caractères."),
});
