/**
 * Computed indicators (issue 13, ADR 030): what Maillage measures from its own data. Each entry reads other
 * modules through their public entries, so the catalogue lives in the composition layer; adding a computation
 * is adding one entry. `compute` returns the value on the date `on` (YYYY-MM-DD), or null when there is
 * nothing to measure yet (no answer, no plan…): no measurement is written then.
 * The two charter entries read the charter's own rules (commitment health, signatures) through ./commitments.ts.
 */
import { and, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import type { IndicatorUnit } from "@/modules/indicators";
import { territoryPortrait } from "@/modules/diagnostic";
import { accompanimentStats } from "@/modules/accompaniments";
import { latestPlanActions } from "@/modules/indicators";
import { questionnaireAnswers, questionnaireResponses } from "@/modules/questionnaires";
import { commitmentsKeptShare, signedPartnersShare } from "./commitments";

export type ComputeTerritory = { id: string };
export type ComputedParams = Record<string, string | number | boolean>;
export type ComputedParamSpec = { name: "theme" | "public" | "question" | "choice"; label: string; hint: string };

export type ComputedEntry = {
  key: string;
  label: string;
  unit: IndicatorUnit;
  /** What the figure is, said under the choice in the form and in the report. */
  help: string;
  params: ComputedParamSpec[];
  compute(db: Executor, territory: ComputeTerritory, on: string, params: ComputedParams): Promise<number | null>;
};

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** The first day of the month eleven months before `on`'s month: the 12 months ending with `on`'s. */
export function twelveMonthsUpTo(on: string): { from: string; to: string } {
  const y = Number(on.slice(0, 4));
  const m = Number(on.slice(5, 7));
  const start = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to: `${on.slice(0, 7)}-01` };
}

async function accompanied(db: Executor, territoryId: string, on: string, dimension: string, value: string): Promise<number> {
  const { from, to } = twelveMonthsUpTo(on);
  const [row] = await db
    .select({ people: sql<number>`coalesce(sum(${accompanimentStats.people}), 0)::int` })
    .from(accompanimentStats)
    .where(and(eq(accompanimentStats.territoryId, territoryId), eq(accompanimentStats.dimension, dimension), eq(accompanimentStats.value, value), gte(accompanimentStats.month, from), lte(accompanimentStats.month, to)));
  return Number(row?.people ?? 0);
}

/** Plan statuses that say an action keeps its course; « idée » (not started) and « abandonnée » are not counted at all. */
export const onTrackStatuses = ["planifiee", "en_cours", "terminee"] as const;
const notCounted = new Set(["idee", "abandonnee"]);

export const computedCatalogue: ComputedEntry[] = [
  {
    key: "places",
    label: "Lieux de médiation numérique du territoire",
    unit: "lieux",
    help: "Les lieux du registre situés dans les communes du territoire, le jour du calcul.",
    params: [],
    async compute(db, territory) {
      return (await territoryPortrait(db, territory.id)).totals.places;
    },
  },
  {
    key: "places_per_10k",
    label: "Lieux pour 10 000 habitants",
    unit: "ratio",
    help: "Lieux du territoire rapportés à sa population (INSEE), le jour du calcul.",
    params: [],
    async compute(db, territory) {
      const per = (await territoryPortrait(db, territory.id)).totals.placesPer10k;
      return per === null ? null : round(per, 2);
    },
  },
  {
    key: "white_zone_population",
    label: "Habitants en zone blanche",
    unit: "personnes",
    help: "Population des communes sans lieu à la distance réglée dans le diagnostic et au-dessus du seuil de fragilité.",
    params: [],
    async compute(db, territory) {
      return (await territoryPortrait(db, territory.id)).totals.whiteZones.population;
    },
  },
  {
    key: "question_share",
    label: "Part des réponses à une question d'un questionnaire",
    unit: "pourcentage",
    help: "Parmi les réponses reçues jusqu'à la date (réponses écartées exclues), la part qui a choisi ce choix.",
    params: [
      { name: "question", label: "Question (identifiant)", hint: "L'identifiant de la question, visible dans l'adresse de ses résultats." },
      { name: "choice", label: "Choix compté", hint: "La clé du choix, par exemple « oui »." },
    ],
    async compute(db, territory, on, params) {
      const question = String(params.question ?? "");
      const choice = String(params.choice ?? "");
      if (!/^[0-9a-f-]{36}$/i.test(question) || !choice) return null;
      const [row] = await db
        .select({
          answered: sql<number>`count(*)::int`,
          chosen: sql<number>`count(*) filter (where ${questionnaireAnswers.key} = ${choice} or ${choice} = any(coalesce(${questionnaireAnswers.keys}, '{}'::text[])))::int`,
        })
        .from(questionnaireAnswers)
        .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
        .where(
          and(
            eq(questionnaireAnswers.questionId, question),
            eq(questionnaireResponses.territoryId, territory.id),
            eq(questionnaireResponses.excluded, false),
            isNotNull(questionnaireResponses.submittedAt),
            sql`${questionnaireResponses.submittedAt} < (${on}::date + 1)`,
          ),
        );
      const answered = Number(row?.answered ?? 0);
      return answered === 0 ? null : round((100 * Number(row?.chosen ?? 0)) / answered, 1);
    },
  },
  {
    key: "accompaniments_theme",
    label: "Personnes accompagnées sur un thème (12 mois glissants)",
    unit: "personnes",
    help: "Personnes accompagnées par les médiateurs sur les 12 mois qui finissent avec le mois de la date ; sans thème, toutes.",
    params: [{ name: "theme", label: "Thème (facultatif)", hint: "La clé du thème, par exemple « demarches »." }],
    async compute(db, territory, on, params) {
      const theme = params.theme ? String(params.theme) : "";
      return theme ? accompanied(db, territory.id, on, "theme", theme) : accompanied(db, territory.id, on, "total", "");
    },
  },
  {
    key: "accompaniments_public",
    label: "Personnes accompagnées d'un public (12 mois glissants)",
    unit: "personnes",
    help: "Personnes d'une tranche d'âge (« age:60_69 ») ou d'un statut (« status:demandeur_emploi ») comptées par les médiateurs.",
    params: [{ name: "public", label: "Public", hint: "« age:<tranche> » ou « status:<statut> »." }],
    async compute(db, territory, on, params) {
      const [dimension, value] = String(params.public ?? "").split(":");
      if ((dimension !== "age" && dimension !== "status") || !value) return null;
      return accompanied(db, territory.id, on, dimension, value);
    },
  },
  {
    key: "actions_on_track_share",
    label: "Part des actions du plan qui tiennent leur cap",
    unit: "pourcentage",
    help: "Dans la dernière version du plan, sans les idées ni les actions abandonnées : part des actions planifiées, en cours ou terminées.",
    params: [],
    async compute(db, territory) {
      const counted = (await latestPlanActions(db, territory.id)).filter((a) => !notCounted.has(a.status));
      if (counted.length === 0) return null;
      const onTrack = counted.filter((a) => (onTrackStatuses as readonly string[]).includes(a.status)).length;
      return round((100 * onTrack) / counted.length, 1);
    },
  },
  {
    key: "commitments_kept_share",
    label: "Part des engagements de la charte tenus ou en bonne voie",
    unit: "pourcentage",
    help: "Dans la dernière version soumise ou signée de la charte, parmi les engagements dont on peut juger (actions liées, indicateurs mesurés) : part de ceux qui sont tenus ou en bonne voie.",
    params: [],
    compute: (db, territory, on) => commitmentsKeptShare(db, territory.id, on),
  },
  {
    key: "signed_partners_share",
    label: "Part des partenaires qui ont signé la charte",
    unit: "pourcentage",
    help: "Dans la dernière version soumise ou signée de la charte : part des structures partenaires qui l'ont signée (en ligne ou à la main) à cette date.",
    params: [],
    compute: (db, territory, on) => signedPartnersShare(db, territory.id, on),
  },
];

export const computedKeys = computedCatalogue.map((e) => e.key);
export const computedEntry = (key: string | null | undefined) => computedCatalogue.find((e) => e.key === key);

