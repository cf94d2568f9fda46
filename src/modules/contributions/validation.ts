import { z } from "zod";
import { checkEmail } from "@/modules/places";
import { maxLengths } from "./limits";

const tooLong = (label: string, max: number) => `${label} ne doit pas dépasser ${max.toLocaleString("fr-FR")} caractères.`;

/** What travels with the proposed fields: a message (corrections) and an optional address to inform the proposer. */
export const envelopeSchema = z.object({
  message: z.string({ error: "Message invalide." }).trim().max(maxLengths.message, tooLong("Le message", maxLengths.message)).default(""),
  contact_email: z
    .string({ error: "Adresse électronique invalide." })
    .trim()
    .max(maxLengths.contact_email, tooLong("L'adresse électronique", maxLengths.contact_email))
    .default("")
    .refine((v) => v === "" || checkEmail(v).ok, "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr)."),
});

export const rejectSchema = z.object({
  reason: z
    .string({ error: "Indiquez la raison du refus." })
    .trim()
    .min(3, "Indiquez la raison du refus (elle est gardée au journal et transmise à la personne si elle a laissé son adresse).")
    .max(maxLengths.reason, tooLong("La raison", maxLengths.reason)),
});
