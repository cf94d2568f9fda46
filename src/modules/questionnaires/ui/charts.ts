import { dsfr } from "@/ui/charts/colors";
import { renderEchartsSvg, type ChartOption, type ChartSize } from "@/ui/charts/svg-chart";
import { Lru } from "../results";
import type { CrossTab, QuestionResult } from "../results";
import { formatPercent } from "./format";

const WIDTH = 640;

// ECharts takes 5 to 15 ms a chart: the same chart (same figures, same words) is drawn once per process.
const holder = globalThis as unknown as { __maillageQuestionnaireCharts?: Lru<string> };
const drawn = (holder.__maillageQuestionnaireCharts ??= new Lru<string>(1000));

function render(key: string, option: ChartOption, size: ChartSize, label: string): string {
  const full = `${key}|${size.width}x${size.height}|${label}`;
  const hit = drawn.get(full);
  if (hit) return hit;
  const svg = renderEchartsSvg(option, size, label);
  drawn.set(full, svg);
  return svg;
}

export function clearChartCache(): void {
  drawn.clear();
}
const MAX_BARS = 15;

const short = (label: string, n = 48) => (label.length > n ? `${label.slice(0, n - 1)}…` : label);

/**
 * A question's answers as horizontal bars (percent of the people who answered), each bar labelled
 * with its count and percentage. At most 15 bars (the largest, for a long list of communes); the
 * table beside the chart holds every row.
 */
export function questionChart(result: QuestionResult): string | null {
  if (result.rows.length === 0 || result.answered === 0) return null;
  const rows = result.type === "commune" ? result.rows.slice(0, MAX_BARS) : result.rows;
  const shown = [...rows].reverse();
  const height = 40 + 30 * shown.length;
  const option = {
    grid: { left: 24, right: 110, top: 8, bottom: 24, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %", color: dsfr.textMention }, splitLine: { lineStyle: { color: dsfr.borderLight } } },
    yAxis: { type: "category", data: shown.map((r) => short(r.label, 42)), axisLabel: { color: dsfr.text, fontSize: 12 }, axisTick: { show: false } },
    series: [
      {
        type: "bar",
        data: shown.map((r) => Math.round(r.percent * 10) / 10),
        barMaxWidth: 22,
        itemStyle: { color: dsfr.blueFrance },
        label: { show: true, position: "right", color: dsfr.text, formatter: (p: { dataIndex: number }) => `${shown[p.dataIndex]?.count ?? 0} (${formatPercent(shown[p.dataIndex]?.percent ?? 0)})` },
      },
    ],
  };
  const what = result.type === "multiple" ? "plusieurs réponses possibles" : "une réponse par personne";
  return render(JSON.stringify(["q", shown]), option, { width: WIDTH, height }, `Q${result.number}. ${result.label} : répartition des ${result.answered} réponses (${what}), détaillée dans le tableau.`);
}

// Series told apart by colour and by pattern (ECharts' decals), and named in the legend and the table.
const palette = ["#000091", "#b34000", "#18753c", "#6e445a", "#0063cb", "#716043", "#a558a0", "#3a3a3a"];

/** Two questions crossed: for each answer to the first, how those people answered the second (row percentages). */
export function crossTabChart(tab: CrossTab, labelA: string, labelB: string): string | null {
  if (tab.total === 0) return null;
  const rows = tab.rows.map((r, i) => ({ ...r, i })).filter((r) => (tab.rowTotals[r.i] ?? 0) > 0).reverse();
  const height = 80 + rows.length * (14 * Math.min(tab.columns.length, 6) + 16);
  const label = `Réponses à « ${labelB} » selon la réponse à « ${labelA} », en pourcentage de chaque ligne, détaillées dans le tableau.`;
  const option = {
    aria: { enabled: true, label: { description: label }, decal: { show: true } },
    color: palette,
    legend: { top: 0, textStyle: { color: dsfr.text }, data: tab.columns.map((c) => short(c.label, 30)) },
    grid: { left: 8, right: 60, top: 30 + 18 * Math.ceil(tab.columns.length / 3), bottom: 24, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %", color: dsfr.textMention } },
    yAxis: { type: "category", data: rows.map((r) => short(r.label, 36)), axisLabel: { color: dsfr.text, fontSize: 12 } },
    series: tab.columns.map((c, j) => ({
      type: "bar",
      name: short(c.label, 30),
      data: rows.map((r) => {
        const base = tab.rowTotals[r.i] ?? 0;
        return base > 0 ? Math.round((1000 * (tab.counts[r.i]?.[j] ?? 0)) / base) / 10 : 0;
      }),
      barMaxWidth: 14,
    })),
  };
  return render(JSON.stringify(["x", tab]), option, { width: WIDTH, height }, label);
}
