import { z } from "zod";
import { legalTypes } from "@/modules/actors";
import { themeIds } from "@/modules/themes";
import { aidKinds, deadlineKinds, resourceKinds, type AidKind, type ResourceKind } from "./schema";

export const aidKindLabels: Record<AidKind, string> = {
  subvention: "Subvention",
  pret: "Prêt",
  ingenierie: "Appui en ingénierie",
  appel_a_projets: "Appel à projets",
  cheque: "Chèques (médiation)",
  mecenat: "Mécénat",
  budget_propre: "Budget propre (droit commun)",
  autre: "Autre",
};

export const deadlineKindLabels: Record<(typeof deadlineKinds)[number], string> = {
  pre_depot: "Pré-dépôt",
  depot: "Dépôt du dossier",
  decision: "Décision",
  autre: "Autre échéance",
};

export const resourceKindLabels: Record<ResourceKind, string> = {
  centre_ressources: "Centre de ressources",
  reseau: "Réseau",
  projet: "Projet à connaître",
  outil: "Outil",
};

/** "Where" in words, for a source's scope kind. */
export const scopeLabels: Record<"national" | "region" | "departement" | "epci" | "communes", string> = {
  national: "Toute la France",
  region: "Région",
  departement: "Département",
  epci: "Intercommunalité",
  communes: "Communes",
};

/** Scope choices of a local source's form: the territory itself, the whole country, or a list of communes. */
export const localScopes = ["territoire", "national", "communes"] as const;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))]);

/** A number typed in a form: empty = none; "12,5" or "12 000" as people write them. */
const optionalNumber = (label: string, max: number) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null) return undefined;
      const s = String(v).replace(/\s|\u00a0|\u202f|€|%/g, "").replace(",", ".");
      return s === "" ? undefined : Number(s);
    },
    z
      .number({ error: `${label} : écrivez un nombre.` })
      .refine((n) => Number.isFinite(n), `${label} : écrivez un nombre.`)
      .refine((n) => n >= 0, `${label} : le nombre ne peut pas être négatif.`)
      .refine((n) => n <= max, `${label} : au plus ${max.toLocaleString("fr-FR")}.`)
      .optional(),
  );

const url = z
  .string()
  .trim()
  .max(500, "L'adresse ne doit pas dépasser 500 caractères.")
  .refine((s) => s === "" || /^https?:\/\/[^\s]+\.[^\s]+$/.test(s), "Écrivez une adresse web complète, qui commence par https://.")
  .default("");

const themesField = list.refine((t) => t.every((id) => (themeIds as readonly string[]).includes(id)), "Choisissez les thèmes dans la liste.");

export const sourceSchema = z
  .object({
    name: z.string({ error: "Donnez un nom à la source." }).trim().min(2, "Donnez un nom à la source.").max(200, "Le nom ne doit pas dépasser 200 caractères."),
    funder: z.string().trim().max(200, "Le financeur ne doit pas dépasser 200 caractères.").default(""),
    aidKind: z.enum(aidKinds, { error: "Choisissez le type d'aide." }),
    finances: z.string().trim().max(2000, "Ce texte ne doit pas dépasser 2 000 caractères.").default(""),
    themes: themesField,
    bearers: list.refine((b) => b.every((t) => (legalTypes as readonly string[]).includes(t)), "Choisissez les porteurs dans la liste."),
    /** Publics in words, one per line or separated by commas. */
    publicsText: z.string().max(1000, "Ce texte ne doit pas dépasser 1 000 caractères.").default(""),
    scope: z.enum(localScopes, { error: "Choisissez où la source finance." }).default("territoire"),
    /** INSEE codes when scope = communes (resolved from the words by the action). */
    communes: list.refine((c) => c.length <= 500 && c.every((code) => /^[0-9][0-9AB][0-9]{3}$/.test(code)), "Choisissez les communes dans la liste."),
    rateMin: optionalNumber("Taux minimum", 100),
    rateMax: optionalNumber("Taux maximum", 100),
    amountMin: optionalNumber("Montant minimum", 1_000_000_000),
    amountMax: optionalNumber("Montant maximum", 1_000_000_000),
    rhythm: z.string().trim().max(300, "Le rythme ne doit pas dépasser 300 caractères.").default(""),
    url,
    notes: z.string().trim().max(2000, "Les notes ne doivent pas dépasser 2 000 caractères.").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.rateMin !== undefined && v.rateMax !== undefined && v.rateMin > v.rateMax) ctx.addIssue({ code: "custom", path: ["rateMax"], message: "Le taux maximum doit être au moins égal au taux minimum." });
    if (v.amountMin !== undefined && v.amountMax !== undefined && v.amountMin > v.amountMax) ctx.addIssue({ code: "custom", path: ["amountMax"], message: "Le montant maximum doit être au moins égal au montant minimum." });
    if (v.scope === "communes" && v.communes.length === 0) ctx.addIssue({ code: "custom", path: ["communes"], message: "Écrivez au moins une commune." });
  })
  .transform(({ publicsText, ...v }) => ({
    ...v,
    publics: [...new Set(publicsText.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean))].slice(0, 20),
  }));
export type SourceInput = z.infer<typeof sourceSchema>;

/** A real calendar day, YYYY-MM-DD, within a sensible range (a typo like 0202 is refused, not stored). */
const day = z
  .string({ error: "Écrivez la date de l'échéance." })
  .trim()
  // "15/03/2027", as people type it where the browser has no date picker.
  .transform((s) => s.replace(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`))
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), "Écrivez la date de l'échéance (jj/mm/aaaa).")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Cette date n'existe pas.")
  .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "Écrivez une date entre 2000 et 2100.");

export const deadlineSchema = z.object({
  kind: z.enum(deadlineKinds, { error: "Choisissez le type d'échéance." }),
  date: day,
  label: z.string().trim().max(200, "Le libellé ne doit pas dépasser 200 caractères.").default(""),
});
export type DeadlineInput = z.infer<typeof deadlineSchema>;

export const resourceSchema = z.object({
  name: z.string({ error: "Donnez un nom." }).trim().min(2, "Donnez un nom.").max(200, "Le nom ne doit pas dépasser 200 caractères."),
  kind: z.enum(resourceKinds, { error: "Choisissez le type de ressource." }),
  description: z.string().trim().max(2000, "La description ne doit pas dépasser 2 000 caractères.").default(""),
  contact: z.string().trim().max(300, "Le contact ne doit pas dépasser 300 caractères.").default(""),
  url,
  themes: themesField,
});
export type ResourceInput = z.infer<typeof resourceSchema>;

/** Catalogue filters from the address (a bad value is ignored, never an error). */
export const catalogueFiltersSchema = z.object({
  kind: z.enum(aidKinds).optional().catch(undefined),
  theme: z.enum(themeIds as unknown as [string, ...string[]]).optional().catch(undefined),
  scope: z.enum(["national", "region", "departement", "epci", "communes", "local"]).optional().catch(undefined),
  soon: z.enum(["30", "90"]).optional().catch(undefined),
});
export type CatalogueFilters = z.infer<typeof catalogueFiltersSchema>;
