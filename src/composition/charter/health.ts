import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { commitmentsOf, latestVersionWith, type CharterCommitment } from "@/modules/charter";
import { indicatorMeasurements, indicators, indicatorTargets } from "@/modules/indicators";
import { planActions, planVersions, type ActionStatus } from "@/modules/plan";
import { indicatorStatus, type IndicatorStatus } from "@/modules/indicators";

/**
 * Commitment health: whether a partner's commitment is being kept, read from what it links to — the current status
 * of the plan actions it leads or supports (their latest plan version) and the status of its indicators. Pure rule
 * (`healthOf`) over the signals, and the loaders.
 */
export type CommitmentHealth = "tenu" | "en_bonne_voie" | "en_retard" | "sans_donnees";
export type HealthSignal = { kind: "action" | "indicateur"; label: string; state: CommitmentHealth; said: string };

export const healthLabels: Record<CommitmentHealth, string> = { tenu: "Tenu", en_bonne_voie: "En bonne voie", en_retard: "En retard", sans_donnees: "Sans données" };

/** An action's status as a signal: done → kept; planned or running → on track; paused, blocked, late, abandoned → late; an idea → no data yet. */
export const actionSignal: Record<ActionStatus, CommitmentHealth> = {
  idee: "sans_donnees",
  planifiee: "en_bonne_voie",
  en_cours: "en_bonne_voie",
  en_pause: "en_retard",
  bloquee: "en_retard",
  en_retard: "en_retard",
  terminee: "tenu",
  abandonnee: "en_retard",
};

const indicatorSignal: Record<IndicatorStatus, CommitmentHealth> = { atteint: "tenu", en_bonne_voie: "en_bonne_voie", en_retard: "en_retard", sans_donnees: "sans_donnees" };

/** Any late signal → late; every signal with data kept → kept; some data → on track; none → no data. */
export function healthOf(signals: readonly CommitmentHealth[]): CommitmentHealth {
  const known = signals.filter((s) => s !== "sans_donnees");
  if (known.length === 0) return "sans_donnees";
  if (known.includes("en_retard")) return "en_retard";
  if (known.every((s) => s === "tenu")) return "tenu";
  return "en_bonne_voie";
}

const statusWords: Record<ActionStatus, string> = {
  idee: "à l'état d'idée",
  planifiee: "planifiée",
  en_cours: "en cours",
  en_pause: "en pause",
  bloquee: "bloquée",
  en_retard: "en retard",
  terminee: "terminée",
  abandonnee: "abandonnée",
};
const indicatorWords: Record<IndicatorStatus, string> = { atteint: "cible atteinte", en_bonne_voie: "en bonne voie", en_retard: "en retard sur sa cible", sans_donnees: "sans mesure ou sans cible" };

const isoDay = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export type CommitmentHealthRow = { commitmentLineageId: string; partnerId: string; health: CommitmentHealth; signals: HealthSignal[] };

/** Health of given commitments (any version), with the signals that make it (for the pages). */
export async function healthOfCommitments(db: Executor, territoryId: string, commitments: readonly CharterCommitment[], today: Date | string): Promise<CommitmentHealthRow[]> {
  const day = isoDay(today);
  const lineages = [...new Set(commitments.flatMap((c) => c.actions.map((a) => a.lineageId)))];
  const actionRows = lineages.length
    ? await db
        .select({ lineageId: planActions.lineageId, title: planActions.title, status: planActions.status, number: planVersions.number })
        .from(planActions)
        .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
        .where(and(eq(planActions.territoryId, territoryId), inArray(planActions.lineageId, lineages)))
        .orderBy(desc(planVersions.number))
    : [];
  const action = new Map<string, { title: string; status: ActionStatus }>();
  for (const r of actionRows) if (!action.has(r.lineageId)) action.set(r.lineageId, { title: r.title, status: r.status });
  const indicatorIds = [...new Set(commitments.flatMap((c) => c.indicators.map((i) => i.id)))];
  const inds = indicatorIds.length ? await db.select().from(indicators).where(and(eq(indicators.territoryId, territoryId), inArray(indicators.id, indicatorIds))) : [];
  const targets = indicatorIds.length ? await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, indicatorIds)) : [];
  const measures = indicatorIds.length ? await db.select().from(indicatorMeasurements).where(inArray(indicatorMeasurements.indicatorId, indicatorIds)) : [];
  const indicatorState = new Map<string, IndicatorStatus>();
  for (const i of inds) {
    indicatorState.set(
      i.id,
      indicatorStatus(
        { direction: i.direction, baselineValue: i.baselineValue, baselineOn: i.baselineOn },
        targets.filter((t) => t.indicatorId === i.id).map((t) => ({ periodEnd: t.periodEnd, value: t.value })),
        measures.filter((m) => m.indicatorId === i.id).map((m) => ({ measuredOn: m.measuredOn, value: m.value })),
        day,
      ),
    );
  }
  return commitments.map((c) => {
    const signals: HealthSignal[] = [
      ...c.actions.map((a): HealthSignal => {
        const found = action.get(a.lineageId);
        return found
          ? { kind: "action", label: found.title, state: actionSignal[found.status], said: `Action ${statusWords[found.status]}` }
          : { kind: "action", label: "Action retirée du plan", state: "sans_donnees", said: "Action absente du plan" };
      }),
      ...c.indicators.map((i): HealthSignal => {
        const s = indicatorState.get(i.id) ?? "sans_donnees";
        return { kind: "indicateur", label: i.name, state: indicatorSignal[s], said: `Indicateur ${indicatorWords[s]}` };
      }),
    ];
    return { commitmentLineageId: c.lineageId, partnerId: c.partnerId, health: healthOf(signals.map((s) => s.state)), signals };
  });
}

/**
 * The contract for the evaluation (share of commitments kept): the health of each commitment of the latest
 * submitted or signed version; empty when none was submitted.
 */
export async function commitmentHealthOf(db: Executor, territoryId: string, today: Date | string): Promise<{ commitmentLineageId: string; partnerId: string; health: CommitmentHealth }[]> {
  const version = await latestVersionWith(db, territoryId, ["soumise", "signee"]);
  if (!version) return [];
  const rows = await healthOfCommitments(db, territoryId, await commitmentsOf(db, version.id), today);
  return rows.map(({ commitmentLineageId, partnerId, health }) => ({ commitmentLineageId, partnerId, health }));
}
