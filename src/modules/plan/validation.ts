import { z } from "zod";
import { themeIds } from "@/modules/themes";
import { actionStatuses, fundingStatuses, inKindKinds, publicIds } from "./vocabulary";
export { fundingStatusLabels, inKindLabels, publicLabel, publicOptions, statusLabels } from "./vocabulary";

// The plan's forms, in French. Amounts and months arrive as people type them ("12 500,50", "03/2027").

/** Above this, an amount is a typing mistake (a whole departmental budget for one action line). */
export const AMOUNT_MAX = 50_000_000;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))]);

const optionalUuid = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), message);

/** "12 500,50" / "12500.5" / "12 500 €" → 12500.5; "" → undefined; anything else → NaN (refused by the schema). */
export function parseAmount(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return undefined;
  const s = raw.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (s === "") return undefined;
  return /^-?\d+(\.\d{1,2})?$/.test(s) ? Number(s) : Number.NaN;
}

const amountNumber = (label: string) =>
  z
    .number({ error: `Indiquez ${label} en euros.` })
    .refine((n) => !Number.isNaN(n), `Écrivez ${label} en chiffres, par exemple 12 500 ou 12 500,50.`)
    .refine((n) => n >= 0, `${capitalise(label)} ne peut pas être négatif.`)
    .refine((n) => n <= AMOUNT_MAX, `${capitalise(label)} dépasse ${AMOUNT_MAX.toLocaleString("fr-FR")} € : vérifiez le nombre de zéros.`);
const requiredAmount = (label: string) => z.preprocess(parseAmount, amountNumber(label));
const optionalAmount = (label: string) => z.preprocess(parseAmount, amountNumber(label).optional());

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const year = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v === "" ? undefined : v),
  z
    .number({ error: "Indiquez l'année, par exemple 2027." })
    .int("Indiquez l'année, par exemple 2027.")
    .min(YEAR_MIN, `L'année doit être entre ${YEAR_MIN} et ${YEAR_MAX}.`)
    .max(YEAR_MAX, `L'année doit être entre ${YEAR_MIN} et ${YEAR_MAX}.`),
);

/** "2027-03", "2027-03-01", "03/2027", "3/2027" → "2027-03-01"; "" → undefined; otherwise "invalid". */
export function parseMonth(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const s = raw.trim();
  if (s === "") return undefined;
  let m = /^(\d{4})-(\d{1,2})(?:-01)?$/.exec(s);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  return "invalid";
}
function monthOf(y: number, mo: number) {
  if (mo < 1 || mo > 12 || y < YEAR_MIN || y > YEAR_MAX) return "invalid";
  return `${y}-${String(mo).padStart(2, "0")}-01`;
}
/** "2027-03-01" → "03/2027", as people type it back. */
export const monthText = (d: string | null | undefined) => (d ? `${d.slice(5, 7)}/${d.slice(0, 4)}` : "");

const month = z.preprocess(parseMonth, z.string().refine((v) => v !== "invalid", "Écrivez le mois sous la forme MM/AAAA, par exemple 03/2027.").optional());

const title = z.string({ error: "Donnez un titre à l'action." }).trim().min(3, "Donnez un titre à l'action (3 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères.");

export const actionSchema = z
  .object({
    title,
    description: z.string().trim().max(5000, "La description ne doit pas dépasser 5 000 caractères.").default(""),
    axisId: optionalUuid("Choisissez un axe dans la liste."),
    objectiveIds: list.refine((ids) => ids.every((id) => /^[0-9a-f-]{36}$/i.test(id)), "Choisissez les objectifs dans la liste."),
    leadActorId: optionalUuid("Choisissez la structure porteuse dans la liste."),
    publics: list.refine((p) => p.every((id) => publicIds.includes(id)), "Choisissez les publics dans la liste."),
    themes: list.refine((t) => t.every((id) => (themeIds as readonly string[]).includes(id)), "Choisissez les thèmes dans la liste."),
    /** INSEE codes; checked against the territory's perimeter by the command. */
    communes: list.refine((c) => c.length <= 500 && c.every((code) => /^[0-9][0-9AB][0-9]{3}$/.test(code)), "Choisissez les communes dans la liste."),
    startMonth: month,
    endMonth: month,
    status: z.enum(actionStatuses, { error: "Choisissez un statut dans la liste." }).default("idee"),
    recurring: z.preprocess((v) => v === "oui" || v === "on" || v === true, z.boolean()),
  })
  .superRefine((a, ctx) => {
    if (a.startMonth && a.endMonth && a.endMonth < a.startMonth) ctx.addIssue({ code: "custom", path: ["endMonth"], message: "La fin ne peut pas précéder le début : vérifiez les deux mois." });
  });
export type ActionInput = z.infer<typeof actionSchema>;

/** The fields of an action that a concurrent edit compares (and the compare of versions shows). */
export const actionFieldLabels = {
  title: "Titre",
  description: "Description",
  axisId: "Axe",
  objectiveIds: "Objectifs",
  leadActorId: "Structure porteuse",
  publics: "Publics",
  themes: "Thèmes",
  communes: "Communes",
  startMonth: "Début",
  endMonth: "Fin",
  status: "Statut",
  recurring: "Reconduite chaque année",
} as const;

export const statusSchema = z.object({ status: z.enum(actionStatuses, { error: "Choisissez un statut dans la liste." }) });

/** "2027-02-30" is not a day (Date.parse would roll it over to March). */
const realDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

export const stepSchema = z.object({
  title: z.string({ error: "Décrivez l'étape." }).trim().min(2, "Décrivez l'étape en quelques mots.").max(300, "L'étape ne doit pas dépasser 300 caractères."),
  dueDate: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez la date sous la forme JJ/MM/AAAA.")
      .refine((d) => realDay(d) && Number(d.slice(0, 4)) >= YEAR_MIN && Number(d.slice(0, 4)) <= YEAR_MAX, "Cette date n'existe pas.")
      .optional(),
  ),
});

export const budgetLineSchema = z
  .object({
    year,
    item: z.string({ error: "Indiquez le poste de dépense." }).trim().min(2, "Indiquez le poste de dépense (ex. : rémunération des conseillers).").max(200, "Le poste ne doit pas dépasser 200 caractères."),
    planned: requiredAmount("le montant prévu"),
    actual: optionalAmount("le montant réalisé"),
  });

export const fundingSchema = z
  .object({
    sourceId: optionalUuid("Choisissez un financement dans la liste."),
    funderLabel: z.string().trim().max(200, "Le nom du financeur ne doit pas dépasser 200 caractères.").default(""),
    year,
    status: z.enum(fundingStatuses, { error: "Choisissez le statut du financement." }),
    amount: requiredAmount("le montant"),
  })
  .superRefine((f, ctx) => {
    if (!f.sourceId && f.funderLabel.length < 2) ctx.addIssue({ code: "custom", path: ["funderLabel"], message: "Choisissez un financement du catalogue ou écrivez le nom du financeur." });
  });

export const inKindSchema = z
  .object({
    actorId: optionalUuid("Choisissez la structure dans la liste."),
    kind: z.enum(inKindKinds, { error: "Choisissez le type d'apport." }),
    description: z.string().trim().max(300, "La description ne doit pas dépasser 300 caractères.").default(""),
    year,
    days: z.preprocess(
      parseAmount,
      z
        .number()
        .refine((n) => !Number.isNaN(n), "Écrivez le nombre de jours en chiffres, par exemple 12 ou 2,5.")
        .refine((n) => n >= 0, "Le nombre de jours ne peut pas être négatif.")
        .refine((n) => n <= 10_000, "Plus de 10 000 jours : vérifiez le nombre.")
        .optional(),
    ),
    valueEuros: optionalAmount("la valeur"),
  })
  .superRefine((k, ctx) => {
    if (k.days === undefined && k.valueEuros === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: "Indiquez un nombre de jours ou une valeur en euros." });
  });

export const documentSchema = z.object({
  title: z.string({ error: "Donnez un titre au document." }).trim().min(2, "Donnez un titre au document.").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  url: z
    .string({ error: "Indiquez l'adresse du document." })
    .trim()
    .max(2000, "L'adresse est trop longue.")
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), "Indiquez une adresse web complète, commençant par https://."),
});

export const indicatorSchema = z.object({
  indicatorKey: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
  label: z.string().trim().max(300, "Le libellé ne doit pas dépasser 300 caractères.").default(""),
}).superRefine((i, ctx) => {
  if (!i.indicatorKey && i.label.length < 2) ctx.addIssue({ code: "custom", path: ["label"], message: "Choisissez un indicateur du diagnostic ou écrivez son libellé." });
});

export const partnerSchema = z.object({
  actorId: z.string({ error: "Choisissez la structure partenaire." }).trim().uuid("Choisissez la structure partenaire dans la liste."),
  role: z.string().trim().max(100, "Le rôle ne doit pas dépasser 100 caractères.").default(""),
});

export const versionSchema = z.object({
  title: z.string().trim().max(200, "Le titre ne doit pas dépasser 200 caractères.").default(""),
});
