/**
 * The evaluation (issue 13, ADR 030): the dashboard and the report for decision makers read the same plain data
 * (EvaluationData), built here from the indicators, the strategy and the plan. A published version keeps its data
 * (snapshot in `evaluation_reports`), like the État des lieux, so that version N reads the same next year and the
 * next version can say what changed since.
 */
import { parisToday } from "@/platform/dates";
import type { Db, Executor } from "@/platform/db/client";
import type { Principal } from "@/platform/auth/principal";
import { formatDate, formatNumber } from "@/platform/text";
import type { TerritoryRef } from "@/modules/territories";
import { strategyOf } from "@/modules/strategy";
import { actionStatuses, statusLabels, type ActionStatus } from "@/modules/plan";
import {
  directionLabels,
  findEvaluationReport,
  indicatorStatus,
  indicatorStatusLabels,
  indicatorStatuses,
  latestPlanActions,
  listEvaluationReports,
  listIndicators,
  publishEvaluationReport,
  unitSuffix,
  type Indicator,
  type IndicatorStatus,
  type IndicatorUnit,
} from "@/modules/indicators";
import { computedEntry, onTrackStatuses } from "./catalogue";
import { commitmentsFollowUp } from "./commitments";

export type IndicatorLine = {
  id: string;
  name: string;
  definition: string;
  unit: IndicatorUnit;
  direction: string;
  source: string;
  owner: string;
  baseline: { value: number; on: string } | null;
  latest: { on: string; value: number; isEstimate: boolean } | null;
  /** The target in force today (the first whose period ends on or after today; all passed: the last). */
  target: { periodEnd: string; value: number } | null;
  /** Share of the way from the baseline (or the first value) to the target, 0–100, when it can be said. */
  progress: number | null;
  status: IndicatorStatus;
  series: { on: string; value: number; isEstimate: boolean }[];
  targets: { periodEnd: string; value: number }[];
};

export type EvaluationData = {
  territory: { name: string; slug: string };
  generatedAt: string;
  today: string;
  summary: { indicators: number; byStatus: Record<IndicatorStatus, number> };
  plan: { actions: number; byStatus: { status: ActionStatus; label: string; count: number }[]; onTrackShare: number | null };
  objectives: { id: string; title: string; indicators: IndicatorLine[] }[];
  actions: { lineageId: string; title: string; status: ActionStatus; statusLabel: string; indicators: IndicatorLine[] }[];
  /**
   * The commitments' follow-up (the charter's health rule, ./commitments.ts); null without a submitted charter.
   * Null until then; the dashboard and the report say so.
   */
  commitments: { partner: string; commitment: string; health: string }[] | null;
};

/** What changed between two versions of the data, in sentences for decision makers. */
export type EvaluationChanges = { since: { version: number; publishedAt: string } | null; lines: string[] };

const dayMs = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;

export function formatValue(value: number, unit: IndicatorUnit): string {
  return `${formatNumber(value)}${unitSuffix[unit]}`;
}

function lineOf(i: Indicator, today: string): IndicatorLine {
  const known = i.measurements.filter((m) => m.measuredOn <= today);
  const latest = known.at(-1) ?? null;
  const sorted = [...i.targets].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : 1));
  const target = sorted.find((t) => t.periodEnd >= today) ?? sorted.at(-1) ?? null;
  const from = i.baselineValue !== null ? i.baselineValue : (known[0]?.value ?? null);
  let progress: number | null = null;
  if (latest && target && from !== null && target.value !== from) progress = Math.round(Math.min(100, Math.max(0, (100 * (latest.value - from)) / (target.value - from))));
  const entry = i.source === "calcule" ? computedEntry(i.computedKey) : undefined;
  return {
    id: i.id,
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    direction: directionLabels[i.direction],
    source: entry ? `Calculé par Maillage : ${entry.label.toLowerCase()}` : i.dataSource || "Saisie manuelle",
    owner: i.ownerName,
    baseline: i.baselineValue !== null && i.baselineOn ? { value: i.baselineValue, on: i.baselineOn } : null,
    latest: latest ? { on: latest.measuredOn, value: latest.value, isEstimate: latest.isEstimate } : null,
    target: target ? { periodEnd: target.periodEnd, value: target.value } : null,
    progress,
    status: indicatorStatus(i, i.targets, i.measurements, today),
    series: known.map((m) => ({ on: m.measuredOn, value: m.value, isEstimate: m.isEstimate })),
    targets: sorted.map((t) => ({ periodEnd: t.periodEnd, value: t.value })),
  };
}

/** Everything the dashboard and the report show, computed now (`now` for tests). */
export async function buildEvaluation(db: Executor, territory: { id: string; slug: string; name: string }, now = new Date()): Promise<EvaluationData> {
  const today = parisToday(now);
  const list = await listIndicators(db, territory.id);
  const lines = new Map(list.map((i) => [i.id, lineOf(i, today)]));
  const byStatus = Object.fromEntries(indicatorStatuses.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const l of lines.values()) byStatus[l.status]++;
  const strategy = await strategyOf(db, territory.id);
  const actions = await latestPlanActions(db, territory.id);
  const counts = new Map<ActionStatus, number>();
  for (const a of actions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const counted = actions.filter((a) => a.status !== "idee" && a.status !== "abandonnee");
  const onTrack = counted.filter((a) => (onTrackStatuses as readonly string[]).includes(a.status)).length;
  return {
    territory: { name: territory.name, slug: territory.slug },
    generatedAt: now.toISOString(),
    today,
    summary: { indicators: list.length, byStatus },
    plan: {
      actions: actions.length,
      byStatus: actionStatuses.filter((s) => counts.has(s)).map((s) => ({ status: s, label: statusLabels[s], count: counts.get(s) ?? 0 })),
      onTrackShare: counted.length ? Math.round((1000 * onTrack) / counted.length) / 10 : null,
    },
    objectives: strategy.objectives.map((o) => ({ id: o.id, title: o.title, indicators: list.filter((i) => i.objectiveId === o.id).map((i) => lines.get(i.id) as IndicatorLine) })),
    actions: actions.map((a) => ({
      lineageId: a.lineageId,
      title: a.title,
      status: a.status,
      statusLabel: statusLabels[a.status],
      indicators: list.filter((i) => i.actionLineageId === a.lineageId).map((i) => lines.get(i.id) as IndicatorLine),
    })),
    commitments: await commitmentsFollowUp(db, territory.id, today),
  };
}

function allLines(data: EvaluationData): Map<string, IndicatorLine> {
  const out = new Map<string, IndicatorLine>();
  for (const o of data.objectives) for (const l of o.indicators) out.set(l.id, l);
  for (const a of data.actions) for (const l of a.indicators) out.set(l.id, l);
  return out;
}

/** What changed from `before` (the last published version) to `after`: new indicators, statuses that moved, new values, actions whose status changed. */
export function evaluationChanges(before: { version: number; publishedAt: Date; data: EvaluationData } | undefined, after: EvaluationData): EvaluationChanges {
  if (!before) return { since: null, lines: ["Première version du rapport d'évaluation : pas de version précédente à comparer."] };
  const lines: string[] = [];
  const old = allLines(before.data);
  const now = allLines(after);
  for (const [id, l] of now) {
    const o = old.get(id);
    if (!o) lines.push(`Nouvel indicateur : « ${l.name} ».`);
    else {
      if (o.status !== l.status) lines.push(`« ${l.name} » : ${indicatorStatusLabels[o.status].toLowerCase()} → ${indicatorStatusLabels[l.status].toLowerCase()}.`);
      const added = l.series.filter((m) => !o.series.some((p) => p.on === m.on)).length;
      if (added > 0) lines.push(`« ${l.name} » : ${added > 1 ? `${added} nouvelles mesures` : "1 nouvelle mesure"}${l.latest ? `, dernière valeur ${formatValue(l.latest.value, l.unit)} au ${formatDate(l.latest.on)}` : ""}.`);
    }
  }
  for (const [id, o] of old) if (!now.has(id)) lines.push(`Indicateur retiré : « ${o.name} ».`);
  const oldActions = new Map(before.data.actions.map((a) => [a.lineageId, a]));
  for (const a of after.actions) {
    const o = oldActions.get(a.lineageId);
    if (!o) lines.push(`Nouvelle action au plan : « ${a.title} » (${a.statusLabel.toLowerCase()}).`);
    else if (o.status !== a.status) lines.push(`Action « ${a.title} » : ${o.statusLabel.toLowerCase()} → ${a.statusLabel.toLowerCase()}.`);
  }
  if (before.data.plan.onTrackShare !== after.plan.onTrackShare && after.plan.onTrackShare !== null)
    lines.push(`Part des actions qui tiennent leur cap : ${before.data.plan.onTrackShare === null ? "non mesurée" : `${formatNumber(before.data.plan.onTrackShare)} %`} → ${formatNumber(after.plan.onTrackShare)} %.`);
  if (lines.length === 0) lines.push("Rien n'a changé depuis la version précédente.");
  return { since: { version: before.version, publishedAt: before.publishedAt.toISOString() }, lines };
}

/** A published version stores its data and what changed since the version before it. */
export type EvaluationSnapshot = { data: EvaluationData; changes: EvaluationChanges };

export async function currentEvaluation(db: Executor, territory: { id: string; slug: string; name: string }, now = new Date()): Promise<EvaluationSnapshot> {
  const data = await buildEvaluation(db, territory, now);
  const [last] = await listEvaluationReports(db, territory.id);
  const before = last ? await findEvaluationReport<EvaluationSnapshot>(db, territory.id, last.version) : undefined;
  return { data, changes: evaluationChanges(before ? { version: before.version, publishedAt: before.publishedAt, data: before.data.data } : undefined, data) };
}

/** Publishes the current evaluation as the next numbered version (the module's command: policy, transaction, audit). */
export async function publishEvaluation(db: Db, principal: Principal, territory: TerritoryRef & { slug: string; name: string }, raw: unknown, now = new Date()): Promise<{ version: number }> {
  return publishEvaluationReport(db, principal, territory, raw, () => currentEvaluation(db, territory, now));
}

export const statusBadge: Record<IndicatorStatus, string> = { atteint: "success", en_bonne_voie: "info", en_retard: "warning", sans_donnees: "new" };

/** Days left to a target, for the sentence under each indicator. */
export function daysTo(today: string, periodEnd: string): number {
  return Math.round(dayOf(periodEnd) - dayOf(today));
}
