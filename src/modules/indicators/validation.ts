import { z } from "zod";
import { indicatorDirections, indicatorPeriodicities, indicatorSources, indicatorUnits, type IndicatorDirection, type IndicatorPeriodicity, type IndicatorUnit } from "./schema";

export const unitLabels: Record<IndicatorUnit, string> = {
  nombre: "Nombre",
  pourcentage: "Pourcentage (%)",
  euros: "Euros",
  heures: "Heures",
  jours: "Jours",
  personnes: "Personnes",
  lieux: "Lieux",
  ratio: "Ratio",
};
/** Written after a value (« 12 personnes », « 45 % »). */
export const unitSuffix: Record<IndicatorUnit, string> = { nombre: "", pourcentage: " %", euros: " €", heures: " h", jours: " j", personnes: " pers.", lieux: " lieux", ratio: "" };
export const directionLabels: Record<IndicatorDirection, string> = { hausse: "À la hausse", baisse: "À la baisse", maintien: "Maintenir le niveau" };
export const periodicityLabels: Record<IndicatorPeriodicity, string> = { mensuelle: "Mensuelle", trimestrielle: "Trimestrielle", semestrielle: "Semestrielle", annuelle: "Annuelle" };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` sends). */
export function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** A number as people type it in French: « 12,5 », « 1 200 », « 12.5 ». */
export function parseFrenchNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Why a value does not fit the indicator's unit, in French, or null when it fits: a share stays within 0–100,
 * counts of people, places or things are whole and not negative, amounts and durations are not negative.
 */
export function unitProblem(unit: IndicatorUnit, value: number): string | null {
  if (!Number.isFinite(value)) return "Indiquez un nombre.";
  if (unit === "pourcentage") return value < 0 || value > 100 ? "Un pourcentage est compris entre 0 et 100." : null;
  if (unit === "personnes" || unit === "lieux" || unit === "nombre") {
    const what = unit === "personnes" ? "Un nombre de personnes" : unit === "lieux" ? "Un nombre de lieux" : "Un nombre";
    if (!Number.isInteger(value)) return `${what} est un nombre entier (sans virgule).`;
    return value < 0 ? `${what} ne peut pas être négatif.` : null;
  }
  return value < 0 ? "Cette valeur ne peut pas être négative." : null;
}

const numberText = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((v, ctx) => {
      const n = parseFrenchNumber(v);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: "Écrivez un nombre, par exemple 12 ou 12,5." });
        return z.NEVER;
      }
      return n;
    });

const optionalNumberText = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = parseFrenchNumber(v);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: "Écrivez un nombre, par exemple 12 ou 12,5." });
      return z.NEVER;
    }
    return n;
  });

const dateText = (message: string) => z.string({ error: message }).trim().refine(isIsoDate, message);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isIsoDate(v), "Indiquez une date valide (jj/mm/aaaa).");
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || UUID.test(v), message);

/** The parameters a computed indicator may take (a theme, a public, a question and its choice). */
const paramText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));

export const indicatorSchema = z
  .object({
    name: z.string({ error: "Donnez un nom à l'indicateur." }).trim().min(3, "Donnez un nom à l'indicateur, en quelques mots au moins.").max(200, "Le nom ne doit pas dépasser 200 caractères."),
    definition: z.string().trim().max(2000, "La définition ne doit pas dépasser 2 000 caractères.").default(""),
    unit: z.enum(indicatorUnits, { error: "Choisissez l'unité dans la liste." }),
    direction: z.enum(indicatorDirections, { error: "Choisissez le sens attendu : hausse, baisse ou maintien." }),
    periodicity: z.enum(indicatorPeriodicities, { error: "Choisissez la périodicité dans la liste." }),
    startsOn: dateText("Indiquez la date de début de la période suivie."),
    endsOn: dateText("Indiquez la date de fin de la période suivie."),
    baselineValue: optionalNumberText,
    baselineOn: optionalDate,
    source: z.enum(indicatorSources, { error: "Choisissez la source : saisie manuelle ou calculée par Maillage." }),
    computedKey: z.string().trim().max(100).optional().transform((v) => (v ? v : null)),
    paramTheme: paramText,
    paramPublic: paramText,
    paramQuestion: paramText,
    paramChoice: paramText,
    dataSource: z.string().trim().max(300, "La source des données ne doit pas dépasser 300 caractères.").default(""),
    ownerName: z.string().trim().max(200, "Le nom du responsable ne doit pas dépasser 200 caractères.").default(""),
    ownerActorId: optionalId("Choisissez la structure dans la liste."),
    objectiveId: optionalId("Choisissez l'objectif dans la liste."),
    actionLineageId: optionalId("Choisissez l'action dans la liste."),
  })
  .superRefine((i, ctx) => {
    if (isIsoDate(i.startsOn) && isIsoDate(i.endsOn) && i.endsOn <= i.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "La fin de la période doit venir après son début." });
    if (!i.objectiveId && !i.actionLineageId) ctx.addIssue({ code: "custom", path: ["objectiveId"], message: "Rattachez l'indicateur à un objectif ou à une action." });
    if ((i.baselineValue === null) !== (i.baselineOn === null)) ctx.addIssue({ code: "custom", path: [i.baselineValue === null ? "baselineValue" : "baselineOn"], message: "Indiquez la valeur de départ et sa date, ou aucune des deux." });
    if (i.baselineValue !== null) {
      const problem = unitProblem(i.unit, i.baselineValue);
      if (problem) ctx.addIssue({ code: "custom", path: ["baselineValue"], message: problem });
    }
    if (i.source === "calcule" && !i.computedKey) ctx.addIssue({ code: "custom", path: ["computedKey"], message: "Choisissez ce que Maillage calcule." });
  })
  .transform(({ paramTheme, paramPublic, paramQuestion, paramChoice, ...rest }) => {
    const params: Record<string, string> = {};
    if (paramTheme) params.theme = paramTheme;
    if (paramPublic) params.public = paramPublic;
    if (paramQuestion) params.question = paramQuestion;
    if (paramChoice) params.choice = paramChoice;
    return { ...rest, computedKey: rest.source === "calcule" ? rest.computedKey : null, computedParams: rest.source === "calcule" ? params : {} };
  });
export type IndicatorInput = z.infer<typeof indicatorSchema>;

export const targetSchema = z.object({
  periodEnd: dateText("Indiquez la date de l'échéance de la cible."),
  value: numberText("Indiquez la valeur visée."),
});
export type TargetInput = z.infer<typeof targetSchema>;

export const measurementSchema = z.object({
  measuredOn: dateText("Indiquez la date de la mesure."),
  value: numberText("Indiquez la valeur mesurée."),
  comment: z.string().trim().max(1000, "Le commentaire ne doit pas dépasser 1 000 caractères.").default(""),
  isEstimate: z
    .union([z.literal("oui"), z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "oui" || v === "on"),
});
export type MeasurementInput = z.infer<typeof measurementSchema>;

/** The checks that need the indicator: the value's unit, the date within the indicator's period. Field errors, in French. */
export function measurementProblems(indicator: { unit: IndicatorUnit; startsOn: string; endsOn: string }, m: { measuredOn: string; value: number }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const unit = unitProblem(indicator.unit, m.value);
  if (unit) errors.value = [unit];
  if (m.measuredOn < indicator.startsOn || m.measuredOn > indicator.endsOn) {
    const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    errors.measuredOn = [`La date doit être dans la période de l'indicateur, du ${fr(indicator.startsOn)} au ${fr(indicator.endsOn)}.`];
  }
  return errors;
}

export const publishEvaluationSchema = z.object({
  comprends: z.literal("oui", { error: "Cochez « Je comprends que cette version ne pourra plus être modifiée » pour publier." }),
});
