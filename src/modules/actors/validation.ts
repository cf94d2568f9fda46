import { z } from "zod";
import { legalTypes, worlds } from "./schema";

export type LegalType = (typeof legalTypes)[number];
export type World = (typeof worlds)[number];
export const actorStatuses = ["engaged", "to_mobilise"] as const;
export type ActorStatus = (typeof actorStatuses)[number];

export const legalTypeLabels: Record<LegalType, string> = {
  collectivite: "Collectivité territoriale",
  etat: "État et ses opérateurs",
  association: "Association",
  entreprise: "Entreprise",
  enseignement: "Établissement scolaire ou universitaire",
  bailleur_social: "Bailleur social",
  autre: "Autre",
};

export const worldLabels: Record<World, string> = {
  numerique: "Numérique",
  social: "Social",
  emploi_insertion: "Emploi et insertion",
  education_jeunesse: "Éducation et jeunesse",
  culture: "Culture",
  sante: "Santé",
  economie: "Économie",
  habitants: "Habitants",
  administration: "Administration",
};

export const statusLabels: Record<ActorStatus, string> = { engaged: "Engagé", to_mobilise: "À mobiliser" };

/** Luhn checksum, as INSEE computes the SIRET key. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// La Poste's establishments (SIREN 356 000 000) are numbered beyond what Luhn allows: INSEE checks
// that the sum of their digits is a multiple of 5 instead.
const LA_POSTE_SIREN = "356000000";

export function siretValid(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnValid(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && [...siret].reduce((sum, c) => sum + Number(c), 0) % 5 === 0;
}

/** Empty text (or a missing field) means "not given": stored as null, never as "". */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v), schema.nullable());
}

const siretSchema = z
  .string()
  .transform((s) => s.replace(/[\s.]/g, ""))
  .superRefine((s, ctx) => {
    // One message at a time: the most useful first.
    if (!/^\d+$/.test(s)) ctx.addIssue({ code: "custom", message: "Le SIRET ne contient que des chiffres (14 chiffres, ex. : 130 025 265 00013)." });
    else if (s.length !== 14) ctx.addIssue({ code: "custom", message: `Le SIRET compte 14 chiffres ; vous en avez saisi ${s.length}.` });
    else if (!siretValid(s)) ctx.addIssue({ code: "custom", message: "Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez chaque chiffre (sur l'avis de situation SIRENE ou annuaire-entreprises.data.gouv.fr)." });
  });

const rnaSchema = z
  .string()
  .transform((s) => s.replace(/\s/g, "").toUpperCase())
  .refine((s) => /^W[0-9A-Z]{9}$/.test(s), "Le numéro RNA commence par W suivi de 9 chiffres ou lettres (ex. : W161000123).");

const emailSchema = z.email({ error: "Indiquez une adresse électronique valide (ex. : contact@exemple.fr)." }).max(200, "L'adresse électronique ne doit pas dépasser 200 caractères.");

const phoneSchema = z
  .string()
  .trim()
  .refine((s) => /^\+?[0-9 .()-]{6,25}$/.test(s) && s.replace(/\D/g, "").length >= 6, "Indiquez un numéro de téléphone (chiffres, espaces, points ou tirets ; ex. : 05 45 00 00 00).");

/** "www.exemple.fr" is accepted as https://www.exemple.fr: few people type the scheme. */
const websiteSchema = z
  .string()
  .trim()
  .max(300, "L'adresse du site ne doit pas dépasser 300 caractères.")
  .transform((s) => (/^https?:\/\//i.test(s) ? s : `https://${s}`))
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "Indiquez l'adresse d'un site internet (ex. : https://www.exemple.fr).");

/** The commune as written (a name, a postcode, an INSEE code): resolved by the command (geo/written.ts). */
const communeCodeSchema = z.string().trim().max(120, "Le nom de la commune ne doit pas dépasser 120 caractères.");

const worldsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])])
  .pipe(z.array(z.enum(worlds, { error: "Ce monde n'existe pas : choisissez dans la liste." })));

export const actorSchema = z.object({
  name: z.string({ error: "Indiquez le nom de la structure." }).trim().min(2, "Indiquez le nom de la structure (au moins 2 caractères).").max(200, "Le nom ne doit pas dépasser 200 caractères."),
  siret: optional(siretSchema),
  rna: optional(rnaSchema),
  legalType: z.enum(legalTypes, { error: "Choisissez la forme juridique de la structure." }),
  worlds: worldsSchema,
  // Location and served communes are INSEE codes or postcodes, resolved against the reference data by the command.
  communeCode: optional(communeCodeSchema),
  communes: z.string().max(60_000, "La liste de communes est trop longue.").optional().default(""),
  publicEmail: optional(emailSchema),
  publicPhone: optional(phoneSchema),
  website: optional(websiteSchema),
  description: z.string().trim().max(2000, "La présentation ne doit pas dépasser 2 000 caractères.").optional().default(""),
});

export type ActorInput = z.input<typeof actorSchema>;
export type ActorValues = z.output<typeof actorSchema>;

export const contactSchema = z.object({
  name: z.string({ error: "Indiquez le nom du contact." }).trim().min(2, "Indiquez le nom du contact (au moins 2 caractères).").max(120, "Le nom ne doit pas dépasser 120 caractères."),
  role: z.string().trim().max(120, "La fonction ne doit pas dépasser 120 caractères.").optional().default(""),
  email: optional(emailSchema),
  phone: optional(phoneSchema),
});

/** What the territory records about an actor for itself: follow-up status and internal notes. */
export const followUpSchema = z.object({
  status: z.enum(actorStatuses, { error: "Indiquez si la structure est engagée ou à mobiliser." }),
  notes: z.string().trim().max(5000, "Les notes ne doivent pas dépasser 5 000 caractères.").optional().default(""),
});

/** The coordinator picks the person among the territory's members (a select): their account id. */
export const linkMemberSchema = z.object({
  user: z.string({ error: "Choisissez la personne parmi les membres du territoire." }).trim().min(1, "Choisissez la personne parmi les membres du territoire.").max(100),
});

/** The coordination's answer to a partner's request to speak for a structure. */
export const speakerAnswerSchema = z.object({
  user: z.string().trim().min(1).max(100),
  decision: z.enum(["confirm", "refuse"], { error: "Confirmez ou refusez la demande." }),
});

export const MAX_SERVED_COMMUNES = 5000;

/** Filters of the list (GET parameters): anything unexpected is ignored rather than refused. */
export const actorFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  monde: z.enum(worlds).optional().catch(undefined),
  type: z.enum(legalTypes).optional().catch(undefined),
  statut: z.enum(actorStatuses).optional().catch(undefined),
  commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/).optional().catch(undefined),
});

export type ActorFilters = { q?: string | undefined; world?: World | undefined; legalType?: LegalType | undefined; status?: ActorStatus | undefined; commune?: string | undefined };

export function parseActorFilters(params: Record<string, string | string[] | undefined>): ActorFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const f = actorFiltersSchema.parse({ q: first(params.q), monde: first(params.monde), type: first(params.type), statut: first(params.statut), commune: first(params.commune) });
  return { q: f.q || undefined, world: f.monde, legalType: f.type, status: f.statut, commune: f.commune };
}

/** The same filters as GET parameters (pagination and export links keep them). */
export function filtersQuery(f: ActorFilters, page?: number): string {
  const entries = Object.entries({ q: f.q, monde: f.world, type: f.legalType, statut: f.status, commune: f.commune, page: page && page > 1 ? String(page) : undefined });
  return new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1]))).toString();
}
