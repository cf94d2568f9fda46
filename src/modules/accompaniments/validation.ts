import { z } from "zod";
import { enumValues } from "@/modules/places";
import { accompanimentKinds, accompanimentSettings, autonomyLevels, type AccompanimentKind, type AccompanimentSetting, type AutonomyLevel } from "./schema";
import { personalDataIn } from "./personal-data";

/**
 * The vocabulary of an accompaniment record and the rules of a valid one, shared by the form, the CSV
 * import and the demo. Keys are stored; labels are what people read (and what the CSV may also use).
 */

/**
 * The national standard's nine services (src/modules/places/standard), under short stable keys: the label is
 * the standard's own value, so that a place's services and an accompaniment's themes read alike.
 */
const serviceKeys = [
  "demarches_administratives",
  "outils_quotidien",
  "insertion_professionnelle",
  "usage_securise",
  "parentalite_education",
  "loisirs_creations",
  "culture_numerique",
  "acces_internet_materiel",
  "materiel_solidaire",
] as const;

/** The standard's values, in the standard's order (a test checks there are nine and that they match). */
export const serviceThemes: readonly { key: string; label: string }[] = enumValues("services").map((label, i) => ({ key: serviceKeys[i] ?? `service_${i}`, label }));

/**
 * Online procedures (démarches en ligne), by domain, as mediators name them (the domains of
 * service-public.fr and of La Coop de la médiation numérique's activity records).
 */
export const procedureThemes: readonly { key: string; label: string }[] = [
  { key: "demarche_social_sante", label: "Social et santé (CAF, Assurance maladie, MDPH…)" },
  { key: "demarche_travail_formation", label: "Travail et formation (France Travail, CPF…)" },
  { key: "demarche_argent_impots", label: "Argent et impôts (impots.gouv, banque…)" },
  { key: "demarche_retraite", label: "Retraite" },
  { key: "demarche_logement", label: "Logement (aides, énergie…)" },
  { key: "demarche_famille_scolarite", label: "Famille et scolarité" },
  { key: "demarche_papiers_citoyennete", label: "Papiers et citoyenneté (ANTS, élections…)" },
  { key: "demarche_transports", label: "Transports et mobilité (permis, carte grise…)" },
  { key: "demarche_justice", label: "Justice" },
  { key: "demarche_etrangers", label: "Étrangers (titre de séjour, naturalisation…)" },
];

export const themeChoices = [...serviceThemes, ...procedureThemes];
export const themeKeys: readonly string[] = themeChoices.map((t) => t.key);
export const themeLabels: Readonly<Record<string, string>> = Object.fromEntries(themeChoices.map((t) => [t.key, t.label]));

export const equipmentChoices: readonly { key: string; label: string }[] = [
  { key: "ordinateur", label: "Ordinateur" },
  { key: "smartphone", label: "Smartphone" },
  { key: "tablette", label: "Tablette" },
  { key: "imprimante_scanner", label: "Imprimante ou scanner" },
  { key: "materiel_personne", label: "Matériel de la personne" },
  { key: "autre", label: "Autre matériel" },
];
export const equipmentKeys: readonly string[] = equipmentChoices.map((e) => e.key);
export const equipmentLabels: Readonly<Record<string, string>> = Object.fromEntries(equipmentChoices.map((e) => [e.key, e.label]));

export const kindLabels: Record<AccompanimentKind, string> = { individuel: "Individuel", collectif: "Collectif (atelier)" };
export const settingLabels: Record<AccompanimentSetting, string> = { lieu: "Dans le lieu", domicile: "À domicile", distance: "À distance (téléphone, visio)" };
export const autonomyLabels: Record<AutonomyLevel, string> = { entierement: "Entièrement autonome", partiellement: "Partiellement autonome", pas_autonome: "Pas autonome" };

export const levelChoices = ["debutant", "intermediaire", "avance"] as const;
export const levelLabels: Record<(typeof levelChoices)[number], string> = { debutant: "Débutant", intermediaire: "Intermédiaire", avance: "Avancé" };

/** Age bands and statuses: COUNTS of people, never a person. */
export const ageBands = [
  { key: "moins_18", label: "Moins de 18 ans" },
  { key: "18_24", label: "18 à 24 ans" },
  { key: "25_39", label: "25 à 39 ans" },
  { key: "40_59", label: "40 à 59 ans" },
  { key: "60_69", label: "60 à 69 ans" },
  { key: "70_plus", label: "70 ans et plus" },
] as const;
export const statusChoices = [
  { key: "scolaire", label: "Scolaire ou étudiant" },
  { key: "emploi", label: "En emploi" },
  { key: "sans_emploi", label: "Sans emploi" },
  { key: "retraite", label: "Retraité" },
  { key: "autre", label: "Autre ou non communiqué" },
] as const;

/** The durations offered when the mediator has no history yet (minutes). */
export const defaultDurations = [15, 30, 45, 60, 90, 120] as const;

export const LIMITS = {
  /** A whole day of workshops; "30 hours" is a typo, not a session. */
  maxMinutes: 600,
  minMinutes: 5,
  /** A collective session of a very large room. */
  maxPeople: 200,
  /** One person, sometimes with a relative or a carer. */
  maxPeopleIndividual: 3,
  /** How far back a record may be written (years). */
  maxYearsBack: 5,
  titleChars: 120,
} as const;

const count = z.coerce.number({ error: "Indiquez un nombre." }).int("Indiquez un nombre entier.").min(0, "Un nombre ne peut pas être négatif.").max(LIMITS.maxPeople, `Au plus ${LIMITS.maxPeople}.`);

function countsSchema(keys: readonly string[]) {
  return z
    .record(z.string(), count)
    .refine((r) => Object.keys(r).every((k) => keys.includes(k)), "Valeur inconnue.")
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0)));
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Choisissez un lieu de la liste.");

/** A day of the past (or today), in Paris: a record is what happened, never a plan. */
export function dateProblem(day: string, today: string): string | undefined {
  const parsed = new Date(`${day}T12:00:00Z`);
  // A real day of the calendar: "2026-02-30" rolls over to March in Date, so compare back.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return "Indiquez une date qui existe (jour/mois/année).";
  if (day > today) return "La date ne peut pas être dans le futur : on enregistre ce qui a eu lieu.";
  const oldest = `${Number(today.slice(0, 4)) - LIMITS.maxYearsBack}${today.slice(4)}`;
  if (day < oldest) return `La date est trop ancienne (plus de ${LIMITS.maxYearsBack} ans).`;
  return undefined;
}

/**
 * One record as the form or a CSV line gives it. `today` is Paris's day (the caller's clock, so that tests
 * fix it). Cross-field rules: an individual accompaniment is 1 to 3 people; a collective one has a title
 * (checked for personal data) and a level; age bands and statuses never count more people than there were.
 */
export function recordSchema(today: string) {
  return z
    .object({
      occurredOn: z.string().trim(),
      placeId: uuid,
      kind: z.enum(accompanimentKinds, { error: "Choisissez individuel ou collectif." }),
      people: z.coerce.number({ error: "Indiquez le nombre de personnes." }).int("Indiquez un nombre entier.").min(1, "Au moins une personne.").max(LIMITS.maxPeople, `Au plus ${LIMITS.maxPeople} personnes.`),
      durationMinutes: z.coerce
        .number({ error: "Indiquez la durée en minutes." })
        .int("Indiquez la durée en minutes entières.")
        .min(LIMITS.minMinutes, `Au moins ${LIMITS.minMinutes} minutes.`)
        .max(LIMITS.maxMinutes, `Au plus ${LIMITS.maxMinutes / 60} heures : vérifiez la durée (en minutes).`),
      themes: z.array(z.string()).min(1, "Choisissez au moins une thématique.").refine((a) => a.every((t) => themeKeys.includes(t)), "Thématique inconnue."),
      equipment: z.array(z.string()).refine((a) => a.every((t) => equipmentKeys.includes(t)), "Matériel inconnu.").default([]),
      setting: z.enum(accompanimentSettings, { error: "Choisissez où l'accompagnement a eu lieu." }).default("lieu"),
      autonomy: z.enum(autonomyLevels, { error: "Niveau d'autonomie inconnu." }).nullable().default(null),
      orientedToPlaceId: uuid.nullable().default(null),
      title: z.string().trim().max(LIMITS.titleChars, `Au plus ${LIMITS.titleChars} caractères.`).default(""),
      level: z.enum(levelChoices, { error: "Niveau inconnu." }).nullable().default(null),
      ageBands: countsSchema(ageBands.map((a) => a.key)).default({}),
      statuses: countsSchema(statusChoices.map((s) => s.key)).default({}),
      clientId: uuid.nullable().default(null),
    })
    .superRefine((r, ctx) => {
      const dateIssue = dateProblem(r.occurredOn, today);
      if (dateIssue) ctx.addIssue({ code: "custom", path: ["occurredOn"], message: dateIssue });
      if (r.kind === "individuel" && r.people > LIMITS.maxPeopleIndividual)
        ctx.addIssue({ code: "custom", path: ["people"], message: `Un accompagnement individuel concerne ${LIMITS.maxPeopleIndividual} personnes au plus : choisissez « collectif ».` });
      if (r.kind === "collectif" && !r.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Donnez un titre à l'atelier (le sujet, jamais le nom d'une personne)." });
      const personal = r.title ? personalDataIn(r.title) : undefined;
      if (personal) ctx.addIssue({ code: "custom", path: ["title"], message: personal });
      if (r.orientedToPlaceId && r.orientedToPlaceId === r.placeId) ctx.addIssue({ code: "custom", path: ["orientedToPlaceId"], message: "Orientez vers un autre lieu que celui de l'accompagnement." });
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      if (sum(r.ageBands) > r.people) ctx.addIssue({ code: "custom", path: ["ageBands"], message: "Les tranches d'âge comptent plus de personnes qu'il n'y en a eu." });
      if (sum(r.statuses) > r.people) ctx.addIssue({ code: "custom", path: ["statuses"], message: "Les statuts comptent plus de personnes qu'il n'y en a eu." });
    })
    .transform((r) => ({ ...r, title: r.kind === "collectif" ? r.title : "", level: r.kind === "collectif" ? r.level : null }));
}

export type RecordInput = z.infer<ReturnType<typeof recordSchema>>;

/**
 * The form's fields as the schema reads them: repeated checkboxes become arrays, empty optional selects
 * null, counts `age_<band>` / `statut_<status>` become the two count objects.
 */
export function recordFields(raw: Record<string, string | string[]>): Record<string, unknown> {
  const one = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const many = (k: string) => {
    const v = raw[k];
    return v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== "");
  };
  const counts = (prefix: string, keys: readonly { key: string }[]) =>
    Object.fromEntries(keys.flatMap(({ key }) => (one(`${prefix}${key}`) ? [[key, one(`${prefix}${key}`)]] : [])));
  // A duration picked among the offered ones, or typed ("autre"): the typed one wins when given.
  const duration = one("durationOther") || one("durationMinutes");
  return {
    occurredOn: one("occurredOn"),
    placeId: one("placeId"),
    kind: one("kind") || undefined,
    people: one("people") || "1",
    durationMinutes: duration,
    themes: many("themes"),
    equipment: many("equipment"),
    setting: one("setting") || "lieu",
    autonomy: one("autonomy") || null,
    orientedToPlaceId: one("orientedToPlaceId") || null,
    title: one("title"),
    level: one("level") || null,
    ageBands: counts("age_", ageBands),
    statuses: counts("statut_", statusChoices),
    clientId: one("clientId") || null,
  };
}
