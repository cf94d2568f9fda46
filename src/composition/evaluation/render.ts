/**
 * What the dashboard, the report page (printed to PDF by Chromium) and the ODT share: the charts (ECharts, SVG
 * drawn on the server, each beside a table of its figures) and the report's blocks for the ODT writer.
 */
import { writeOdt, type OdtBlock } from "@/platform/odt";
import { formatDate, formatNumber } from "@/platform/text";
import { indicatorStatusLabels } from "@/modules/indicators";
import { dsfr } from "@/ui/charts/colors";
import { renderEchartsSvg } from "@/ui/charts/svg-chart";
import { formatValue, type EvaluationData, type EvaluationSnapshot, type IndicatorLine } from "./report";

/** Size of the charts in CSS pixels: the page scales them down, the ODT's frame gives them this size. */
const INDICATOR_CHART = { width: 560, height: 240 };

/** The charts' text alternatives, one wording for the page (beside its table) and the ODT (above its table). */
export const indicatorChartTitle = (line: IndicatorLine) => `Évolution de l'indicateur « ${line.name} » : mesures et cibles`;
export const PLAN_CHART_TITLE = "Actions du plan par statut";

/** The measurements as a line, the targets as points on a dashed line: told apart by line style and marker, not colour alone. */
export function indicatorChartSvg(line: IndicatorLine, label = `${indicatorChartTitle(line)} (le tableau à côté donne les valeurs)`): string | null {
  if (line.series.length === 0 && line.targets.length === 0) return null;
  const days = [...new Set([...(line.baseline ? [line.baseline.on] : []), ...line.series.map((m) => m.on), ...line.targets.map((t) => t.periodEnd)])].sort();
  const byDay = (list: { on: string; value: number }[]) => days.map((d) => list.find((m) => m.on === d)?.value ?? null);
  const measured = [...(line.baseline ? [{ on: line.baseline.on, value: line.baseline.value }] : []), ...line.series];
  return renderEchartsSvg(
    {
      grid: { left: 56, right: 16, top: 40, bottom: 48 },
      legend: { top: 0, textStyle: { color: dsfr.text } },
      xAxis: { type: "category", data: days.map((d) => formatDate(d)), axisLabel: { color: dsfr.textMention, fontSize: 10, hideOverlap: true } },
      yAxis: { type: "value", axisLabel: { color: dsfr.textMention }, splitLine: { lineStyle: { color: dsfr.borderLight } } },
      series: [
        { name: "Mesures", type: "line", data: byDay(measured), connectNulls: true, symbol: "circle", symbolSize: 7, lineStyle: { color: dsfr.blueFrance, width: 2 }, itemStyle: { color: dsfr.blueFrance } },
        { name: "Cibles", type: "line", data: byDay(line.targets.map((t) => ({ on: t.periodEnd, value: t.value }))), connectNulls: true, symbol: "diamond", symbolSize: 10, lineStyle: { color: dsfr.warning, type: "dashed" }, itemStyle: { color: dsfr.warning } },
      ],
    },
    INDICATOR_CHART,
    label,
  );
}

/** Actions of the plan by status, as horizontal bars. */
const planChartSize = (data: EvaluationData) => ({ width: 520, height: 40 + 28 * data.plan.byStatus.length });

export function planChartSvg(data: EvaluationData, label = `${PLAN_CHART_TITLE} (le tableau à côté donne les nombres)`): string | null {
  if (data.plan.byStatus.length === 0) return null;
  return renderEchartsSvg(
    {
      grid: { left: 120, right: 24, top: 8, bottom: 24 },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: dsfr.textMention } },
      yAxis: { type: "category", inverse: true, data: data.plan.byStatus.map((s) => s.label), axisLabel: { color: dsfr.text } },
      series: [{ type: "bar", data: data.plan.byStatus.map((s) => s.count), itemStyle: { color: dsfr.blueFrance }, label: { show: true, position: "right", color: dsfr.text } }],
    },
    planChartSize(data),
    label,
  );
}

export function lineSentence(l: IndicatorLine): string {
  const parts = [indicatorStatusLabels[l.status]];
  if (l.latest) parts.push(`dernière valeur ${formatValue(l.latest.value, l.unit)} au ${formatDate(l.latest.on)}${l.latest.isEstimate ? " (estimation)" : ""}`);
  if (l.target) parts.push(`cible ${formatValue(l.target.value, l.unit)} au ${formatDate(l.target.periodEnd)}`);
  if (l.progress !== null) parts.push(`${l.progress} % du chemin parcouru`);
  return parts.join(" · ");
}

/** The chart of an indicator as an ODT picture, drawn by the same function as the page's; null without values. */
function indicatorImage(l: IndicatorLine): OdtBlock[] {
  const svg = indicatorChartSvg(l, `${indicatorChartTitle(l)} (le tableau qui suit donne les valeurs)`);
  if (!svg) return [];
  return [{ kind: "image", svg, ...INDICATOR_CHART, title: indicatorChartTitle(l), description: "Mesures en ligne continue avec des ronds, cibles en tirets avec des losanges ; le tableau qui suit donne les valeurs." }];
}

function indicatorBlocks(l: IndicatorLine): OdtBlock[] {
  // In date order, as the page's table.
  const rows = [
    ...(l.baseline ? [{ on: l.baseline.on, kind: "Valeur de départ", value: l.baseline.value }] : []),
    ...l.series.map((m) => ({ on: m.on, kind: m.isEstimate ? "Mesure (estimation)" : "Mesure", value: m.value })),
    ...l.targets.map((t) => ({ on: t.periodEnd, kind: "Cible", value: t.value })),
  ]
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .map((r) => [formatDate(r.on), r.kind, r.value]);
  return [
    { kind: "heading", level: 3, text: l.name },
    { kind: "paragraph", text: lineSentence(l) + "." },
    ...(l.definition ? [{ kind: "paragraph" as const, text: l.definition }] : []),
    { kind: "paragraph", text: `Sens attendu : ${l.direction.toLowerCase()}. Source : ${l.source}.${l.owner ? ` Responsable : ${l.owner}.` : ""}` },
    ...(rows.length ? [...indicatorImage(l), { kind: "table" as const, header: ["Date", "Nature", "Valeur"], rows, caption: `Valeurs de « ${l.name} »` }] : []),
  ];
}

/** The report's summary sentences, shared by the page and the ODT. */
export function summarySentences(data: EvaluationData): string[] {
  const s = data.summary.byStatus;
  const out = [
    `${data.summary.indicators} indicateur${data.summary.indicators > 1 ? "s" : ""} suivi${data.summary.indicators > 1 ? "s" : ""} : ${s.atteint} atteint${s.atteint > 1 ? "s" : ""}, ${s.en_bonne_voie} en bonne voie, ${s.en_retard} en retard, ${s.sans_donnees} sans données.`,
  ];
  if (data.plan.actions > 0)
    out.push(`${data.plan.actions} action${data.plan.actions > 1 ? "s" : ""} au plan ; ${data.plan.onTrackShare === null ? "aucune n'a encore commencé" : `${formatNumber(data.plan.onTrackShare)} % de celles engagées tiennent leur cap`}.`);
  else out.push("Le plan d'action n'a pas encore d'action.");
  return out;
}

/** The plan's chart as an ODT picture; its description says the figures too, being short. */
function planImage(data: EvaluationData): OdtBlock[] {
  const svg = planChartSvg(data, `${PLAN_CHART_TITLE} (le tableau qui suit donne les nombres)`);
  if (!svg) return [];
  const figures = data.plan.byStatus.map((s) => `${s.label} : ${s.count}`).join(" ; ");
  return [{ kind: "image", svg, ...planChartSize(data), title: PLAN_CHART_TITLE, description: `Barres horizontales, une par statut. ${figures}.` }];
}

export const COMMITMENTS_PENDING = "Le suivi des engagements de la charte s'ajoute ici dès que la charte du territoire est en place.";

export function evaluationOdt(snapshot: EvaluationSnapshot, meta: { version: number | null; publishedAt: Date | null }): Uint8Array {
  const { data, changes } = snapshot;
  const when = meta.version ? `Version ${meta.version}, publiée le ${formatDate(meta.publishedAt ?? new Date(data.generatedAt))}` : `État au ${formatDate(data.today)} (non publié)`;
  const blocks: OdtBlock[] = [
    { kind: "paragraph", text: when + "." },
    { kind: "heading", level: 1, text: "Synthèse" },
    ...summarySentences(data).map((text) => ({ kind: "paragraph" as const, text })),
    { kind: "heading", level: 1, text: "Ce qui a changé" },
    ...(changes.since ? [{ kind: "paragraph" as const, text: `Depuis la version ${changes.since.version} du ${formatDate(new Date(changes.since.publishedAt))} :` }] : []),
    ...changes.lines.map((text) => ({ kind: "paragraph" as const, text: `• ${text}` })),
    { kind: "heading", level: 1, text: "Indicateurs par objectif" },
    ...data.objectives.flatMap((o): OdtBlock[] => [{ kind: "heading", level: 2, text: o.title }, ...(o.indicators.length ? o.indicators.flatMap(indicatorBlocks) : [{ kind: "paragraph" as const, text: "Aucun indicateur pour cet objectif." }])]),
    { kind: "heading", level: 1, text: "Actions du plan" },
    ...planImage(data),
    { kind: "table", header: ["Statut", "Actions"], rows: data.plan.byStatus.map((s) => [s.label, s.count]), caption: "Actions du plan par statut" },
    { kind: "table", header: ["Action", "Statut", "Indicateurs"], rows: data.actions.map((a) => [a.title, a.statusLabel, a.indicators.map((l) => `${l.name} (${indicatorStatusLabels[l.status].toLowerCase()})`).join(" ; ") || "aucun"]), caption: "État des actions" },
    ...data.actions.filter((a) => a.indicators.length > 0).flatMap((a): OdtBlock[] => [{ kind: "heading", level: 2, text: a.title }, ...a.indicators.flatMap(indicatorBlocks)]),
    { kind: "heading", level: 1, text: "Engagements des partenaires" },
    ...(data.commitments
      ? [{ kind: "table" as const, header: ["Partenaire", "Engagement", "État"], rows: data.commitments.map((c) => [c.partner, c.commitment, c.health]), caption: "Suivi des engagements" }]
      : [{ kind: "paragraph" as const, text: COMMITMENTS_PENDING }]),
  ];
  return writeOdt({ title: "Rapport d'évaluation", subtitle: data.territory.name, tableOfContents: true, blocks });
}
