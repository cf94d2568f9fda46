/**
 * The Charente demo's evaluation (issue 13): indicators on the demo objectives and actions, with a year of
 * measurements before today — typed ones (monthly or quarterly, one estimate) and computed ones (snapshots of
 * the places per 10,000 inhabitants and of the plan's share of actions on track, the latest at today's real
 * value). Statuses differ on purpose: one reached, some on track, some late, one without a target.
 * Dates are relative to today, so that the dashboard reads as a living year whatever the day of the demo.
 */
import { and, eq, like } from "drizzle-orm";
import { parisToday } from "@/platform/dates";
import type { Db } from "@/platform/db/client";
import { territoryPortrait } from "@/modules/diagnostic";
import { indicatorMeasurements, indicators, indicatorTargets, latestPlanActions, type IndicatorDirection, type IndicatorPeriodicity, type IndicatorUnit } from "@/modules/indicators";
import { strategyObjectives } from "@/modules/strategy";

type Spec = {
  name: string;
  definition: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  periodicity: IndicatorPeriodicity;
  objective?: string;
  action?: string;
  baseline?: number;
  /** Targets: at the end of this year (0) and next year (1). */
  targets: [number, number] | [];
  /** Values from the oldest to the latest, one per period over the past year (null: not measured that period). */
  values: (number | null)[];
  estimateAt?: number;
  computedKey?: string;
  dataSource: string;
  owner: string;
};

/** The last day of the month `back` months before today's month (0 = this month, clamped to today). */
function monthEnd(today: string, back: number): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - back;
  const end = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  return end > today ? today : end;
}

export async function seedDemoIndicators(db: Db, territoryId: string): Promise<void> {
  const today = parisToday();
  const year = Number(today.slice(0, 4));
  const objective = async (prefix: string) => (await db.select({ id: strategyObjectives.id }).from(strategyObjectives).where(and(eq(strategyObjectives.territoryId, territoryId), like(strategyObjectives.title, `${prefix}%`))))[0]?.id;
  const actions = await latestPlanActions(db, territoryId);
  const action = (prefix: string) => actions.find((a) => a.title.startsWith(prefix))?.lineageId;
  const portrait = await territoryPortrait(db, territoryId);
  const per10k = Math.round((portrait.totals.placesPer10k ?? 0) * 100) / 100;
  const counted = actions.filter((a) => a.status !== "idee" && a.status !== "abandonnee");
  const onTrack = counted.length ? Math.round((1000 * counted.filter((a) => ["planifiee", "en_cours", "terminee"].includes(a.status)).length) / counted.length) / 10 : 0;
  const monthly = (from: number, to: number) => Array.from({ length: 12 }, (_, i) => Math.round(from + ((to - from) * i) / 11));

  const specs: Spec[] = [
    {
      name: "Personnes reçues dans les permanences numériques",
      definition: "Personnes reçues dans le mois dans les permanences d'aide aux démarches des mairies et des France Services.",
      unit: "personnes",
      direction: "hausse",
      periodicity: "mensuelle",
      objective: await objective("Une permanence d'aide aux démarches"),
      action: action("Permanences numériques"),
      baseline: 60,
      targets: [180, 240],
      values: monthly(70, 175),
      estimateAt: 11,
      dataSource: "Fiches de passage des permanences",
      owner: "Camille Martin",
    },
    {
      name: "Participants plus autonomes après les ateliers",
      definition: "Part des participants aux ateliers « premiers pas » qui disent pouvoir refaire seuls ce qu'ils ont appris.",
      unit: "pourcentage",
      direction: "hausse",
      periodicity: "trimestrielle",
      objective: await objective("Des ateliers réguliers pour les personnes âgées"),
      action: action("Ateliers « premiers pas »"),
      baseline: 45,
      targets: [75, 80],
      values: [null, null, 46, null, null, 48, null, null, 50, null, null, 51],
      dataSource: "Questionnaire de fin d'atelier",
      owner: "Léa Dubois",
    },
    {
      name: "Agents d'accueil et travailleurs sociaux formés",
      definition: "Nombre cumulé de personnes formées à l'accompagnement sans faire à la place.",
      unit: "personnes",
      direction: "hausse",
      periodicity: "trimestrielle",
      objective: await objective("Former les agents d'accueil"),
      baseline: 0,
      targets: [60, 120],
      values: [null, null, 12, null, null, 30, null, null, 48, null, null, 64],
      dataSource: "Feuilles d'émargement des formations",
      owner: "Samir Benali",
    },
    {
      name: "Délai d'attente pour un rendez-vous d'accompagnement",
      definition: "Délai moyen, en jours, entre la demande et le rendez-vous, dans les lieux qui prennent rendez-vous.",
      unit: "jours",
      direction: "baisse",
      periodicity: "trimestrielle",
      objective: await objective("Une permanence d'aide aux démarches"),
      baseline: 21,
      targets: [10, 7],
      values: [null, null, 20, null, null, 17, null, null, 15, null, null, 12],
      dataSource: "Relevé des agendas des lieux",
      owner: "Camille Martin",
    },
    {
      name: "Communes desservies par le bus numérique",
      definition: "Communes où le bus s'est arrêté au moins une fois dans le trimestre.",
      unit: "nombre",
      direction: "hausse",
      periodicity: "trimestrielle",
      action: action("Bus numérique itinérant"),
      baseline: 0,
      targets: [12, 20],
      values: [null, null, null, null, null, 0, null, null, 2, null, null, 3],
      dataSource: "Carnet de tournée du bus",
      owner: "Samir Benali",
    },
    {
      name: "Aidants inscrits au réseau",
      definition: "Aidants numériques (professionnels et bénévoles) inscrits aux rencontres trimestrielles.",
      unit: "personnes",
      direction: "hausse",
      periodicity: "trimestrielle",
      objective: await objective("Un réseau d'aidants numériques"),
      targets: [],
      values: [null, null, 18, null, null, 22, null, null, 27, null, null, 31],
      dataSource: "Liste des inscrits",
      owner: "Léa Dubois",
    },
    {
      name: "Lieux de médiation pour 10 000 habitants",
      definition: "Calculé par Maillage depuis le registre des lieux et la population INSEE.",
      unit: "ratio",
      direction: "hausse",
      periodicity: "trimestrielle",
      objective: await objective("Un annuaire partagé des lieux"),
      targets: [Math.round((per10k + 0.3) * 10) / 10, Math.round((per10k + 0.6) * 10) / 10],
      values: [null, null, per10k - 0.12, null, null, per10k - 0.08, null, null, per10k - 0.04, null, null, per10k].map((v) => (v === null ? null : Math.round(v * 100) / 100)),
      computedKey: "places_per_10k",
      dataSource: "Registre des lieux (standard national) et INSEE",
      owner: "Camille Martin",
    },
    {
      name: "Part des actions du plan qui tiennent leur cap",
      definition: "Calculé par Maillage chaque mois depuis les statuts des actions du plan.",
      unit: "pourcentage",
      direction: "hausse",
      periodicity: "mensuelle",
      objective: await objective("Un réseau d'aidants numériques"),
      targets: [80, 85],
      values: [...monthly(Math.max(0, onTrack - 15), onTrack).slice(0, 11), onTrack],
      computedKey: "actions_on_track_share",
      dataSource: "Statuts des actions du plan",
      owner: "Camille Martin",
    },
  ];

  const startsOn = `${monthEnd(today, 12).slice(0, 7)}-01`;
  for (const s of specs) {
    if (!s.objective && !s.action) continue;
    const [row] = await db
      .insert(indicators)
      .values({
        territoryId,
        objectiveId: s.objective ?? null,
        actionLineageId: s.action ?? null,
        name: s.name,
        definition: s.definition,
        unit: s.unit,
        direction: s.direction,
        periodicity: s.periodicity,
        startsOn,
        endsOn: `${year + 1}-12-31`,
        baselineValue: s.baseline ?? null,
        baselineOn: s.baseline === undefined ? null : startsOn,
        source: s.computedKey ? "calcule" : "manuel",
        computedKey: s.computedKey ?? null,
        dataSource: s.dataSource,
        ownerName: s.owner,
        createdBy: "démonstration",
      })
      .returning({ id: indicators.id });
    if (!row) continue;
    if (s.targets.length === 2) {
      await db.insert(indicatorTargets).values([
        { indicatorId: row.id, periodEnd: `${year}-12-31`, value: s.targets[0] },
        { indicatorId: row.id, periodEnd: `${year + 1}-12-31`, value: s.targets[1] },
      ]);
    }
    const measurements = s.values
      .map((value, i) => ({ value, on: monthEnd(today, 11 - i), i }))
      .filter((m): m is { value: number; on: string; i: number } => m.value !== null && m.on >= startsOn)
      .map((m) => ({
        indicatorId: row.id,
        measuredOn: m.on,
        value: m.value,
        computed: Boolean(s.computedKey),
        isEstimate: m.i === s.estimateAt,
        comment: m.i === s.estimateAt ? "Chiffre provisoire : deux permanences n'ont pas encore rendu leurs fiches." : "",
        enteredByLabel: s.computedKey ? "Calculé par Maillage" : s.owner + " (démo)",
      }));
    if (measurements.length) await db.insert(indicatorMeasurements).values(measurements);
  }
}
