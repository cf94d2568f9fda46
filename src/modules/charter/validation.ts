import { z } from "zod";
import { charterKinds, charterSectionKinds, type CharterKind, type CharterSectionKind, type CharterVersionStatus, type CommitmentActionRole } from "./schema";

// The charter's words (French) and its forms' schemas. Messages say what to write, never only what is wrong.

export const charterKindLabels: Record<CharterKind, string> = { charte: "Charte d'engagements", contrat: "Contrat territorial" };

export const versionStatusLabels: Record<CharterVersionStatus, string> = {
  brouillon: "Brouillon",
  soumise: "Soumise à signature",
  signee: "Signée",
  remplacee: "Remplacée",
};

export const sectionKindLabels: Record<CharterSectionKind, string> = {
  preambule: "Préambule",
  diagnostic: "Diagnostic partagé",
  vision: "Vision et objectifs",
  plan: "Plan d'action",
  gouvernance: "Gouvernance",
  dispositions: "Dispositions finales",
};

export const actionRoleLabels: Record<CommitmentActionRole, string> = { pilote: "pilote", soutien: "soutien" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/** A form's checkboxes: absent, one value or several → a list of distinct ids (anything not an id is refused). */
const idList = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(z.string().regex(UUID, message)).transform((l) => [...new Set(l)]),
  );

/** "12 500" / "12500" / "" → a whole number or undefined; anything else → NaN (refused with a message). */
function parseNumber(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return undefined;
  const s = raw.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (s === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

const optionalRevision = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().positive().optional());

export const charterSchema = z.object({
  title: z.string({ error: "Donnez un titre à la charte." }).trim().min(3, "Donnez un titre à la charte (3 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  kind: z.enum(charterKinds, { error: "Choisissez : charte d'engagements ou contrat territorial." }).default("charte"),
});
export type CharterInput = z.infer<typeof charterSchema>;

export const sectionSchema = z.object({
  kind: z.enum(charterSectionKinds, { error: "Cette partie de la charte n'existe pas." }),
  title: z.string().trim().min(2, "Donnez un titre à la partie (2 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  body: z.string().max(20_000, "Le texte ne doit pas dépasser 20 000 caractères.").default(""),
});
export type SectionInput = z.infer<typeof sectionSchema>;

export const partnerSchema = z.object({
  actorId: z.string({ error: "Choisissez la structure partenaire." }).trim().regex(UUID, "Choisissez la structure partenaire dans la liste."),
  signatoryUserId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  signatoryName: z.string().trim().max(150, "Le nom ne doit pas dépasser 150 caractères.").default(""),
  signatoryTitle: z.string().trim().max(150, "La qualité ne doit pas dépasser 150 caractères.").default(""),
});
export type PartnerInput = z.infer<typeof partnerSchema>;

export const commitmentSchema = z
  .object({
    text: z.string({ error: "Écrivez l'engagement." }).trim().min(10, "Écrivez l'engagement en une phrase au moins (10 caractères).").max(4000, "L'engagement ne doit pas dépasser 4 000 caractères."),
    moneyEuros: z.preprocess(
      parseNumber,
      z
        .number()
        .refine((n) => !Number.isNaN(n), "Écrivez le montant en euros en chiffres, par exemple 12 000.")
        .refine((n) => Number.isInteger(n), "Écrivez le montant en euros entiers, sans centimes.")
        .refine((n) => n >= 0, "Le montant ne peut pas être négatif.")
        .refine((n) => n <= 100_000_000, "Plus de 100 millions d'euros : vérifiez le nombre de zéros.")
        .optional(),
    ),
    inKindDays: z.preprocess(
      parseNumber,
      z
        .number()
        .refine((n) => !Number.isNaN(n), "Écrivez le nombre de jours en chiffres, par exemple 12 ou 2,5.")
        .refine((n) => n >= 0, "Le nombre de jours ne peut pas être négatif.")
        .refine((n) => n <= 10_000, "Plus de 10 000 jours : vérifiez le nombre.")
        .optional(),
    ),
    inKindText: z.string().trim().max(1000, "La description des apports ne doit pas dépasser 1 000 caractères.").default(""),
    pilote: idList("Choisissez les actions dans la liste."),
    soutien: idList("Choisissez les actions dans la liste."),
    indicators: idList("Choisissez les indicateurs dans la liste."),
  })
  .transform(({ pilote, soutien, ...rest }) => ({
    ...rest,
    // An action ticked twice is led (pilote wins over soutien).
    actions: [...pilote.map((id) => ({ lineageId: id, role: "pilote" as const })), ...soutien.filter((id) => !pilote.includes(id)).map((id) => ({ lineageId: id, role: "soutien" as const }))],
  }));
export type CommitmentInput = z.infer<typeof commitmentSchema>;

export const commentSchema = z.object({
  section: z
    .string()
    .trim()
    .refine((s) => (charterSectionKinds as readonly string[]).includes(s) || /^partenaire:[0-9a-f-]{36}$/i.test(s), "Cette partie de la charte n'existe pas."),
  body: z.string({ error: "Écrivez votre commentaire." }).trim().min(2, "Écrivez votre commentaire.").max(4000, "Le commentaire ne doit pas dépasser 4 000 caractères."),
});

export const submitSchema = z.object({ revision: optionalRevision });
