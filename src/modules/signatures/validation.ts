import { z } from "zod";
import { parisToday } from "@/platform/dates";

const hash = (message: string) => z.string({ error: message }).regex(/^[0-9a-f]{64}$/, message);
const versionNumber = z.coerce.number({ error: "Version inconnue." }).int("Version inconnue.").min(1, "Version inconnue.").max(100_000, "Version inconnue.");
const partner = z.uuid({ error: "Choisissez la structure signataire." });

/** The consent screen's form: the hashes it displayed travel in hidden fields and are compared. */
export const signSchema = z.object({
  version: versionNumber,
  partner,
  contentSha256: hash("L'empreinte de la version lue manque : rechargez la page."),
  consentSha256: hash("L'empreinte du texte de consentement manque : rechargez la page."),
  consent: z.literal("oui", { error: "Cochez la case pour confirmer que vous avez lu cette version et que vous la signez." }),
});
export type SignInput = z.infer<typeof signSchema>;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v ?? "");

/** A handwritten signature recorded by the coordinator (the scanned page travels apart, checked by receiveUpload). */
export const handwrittenSchema = z.object({
  version: versionNumber,
  partner,
  signedOn: z
    .string({ error: "Indiquez la date écrite sur la page signée." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez la date écrite sur la page signée (jj/mm/aaaa).")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d), "Cette date n'existe pas : vérifiez-la.")
    .refine((d) => d <= parisToday(), "La date de signature ne peut pas être dans le futur."),
  signatoryName: optionalText(200, "Le nom ne doit pas dépasser 200 caractères."),
  signatoryTitle: optionalText(200, "La qualité ne doit pas dépasser 200 caractères."),
});
export type HandwrittenInput = z.infer<typeof handwrittenSchema>;
