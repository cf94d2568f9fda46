import { dsfr } from "@/ui/charts/colors";
import { chartFont, renderEchartsSvg, type ChartOption, type ChartSize } from "@/ui/charts/svg-chart";
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

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A question's answers as horizontal bars (percent of the people who answered), each bar labelled
 * with its count and percentage. At most 15 bars (the largest, for a long list of communes); the
 * table beside the chart holds every row.
 *
 * Drawn as plain SVG rather than with ECharts: a results page holds up to 30 of these, and ECharts
 * took 5 to 60 ms each on the server (bench/questionnaire-results.ts), most of the page's time when
 * a new response empties the caches; this takes a few microseconds and draws the same bars.
 */
export function questionChart(result: QuestionResult): string | null {
  if (result.rows.length === 0 || result.answered === 0) return null;
  const rows = result.type === "commune" ? result.rows.slice(0, MAX_BARS) : result.rows;
  const what = result.type === "multiple" ? "plusieurs réponses possibles" : "une réponse par personne";
  const label = `Q${result.number}. ${result.label} : répartition des ${result.answered} réponses (${what}), détaillée dans le tableau.`;
  const key = JSON.stringify(["q", rows.map((r) => [r.label, r.count, r.percent]), label]);
  const hit = drawn.get(key);
  if (hit) return hit;
  const row = 30;
  const top = 8;
  const axis = 24;
  const height = top + row * rows.length + axis;
  const labels = 250; // the category labels' column (42 characters at 12 px)
  const right = 110; // room for "1 234 (56,7 %)" after the longest bar
  const plot = WIDTH - labels - right;
  const x = (percent: number) => labels + (plot * Math.min(100, Math.max(0, percent))) / 100;
  const font = `font-family="${chartFont}"`;
  const parts: string[] = [];
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    parts.push(`<line x1="${x(tick)}" y1="${top}" x2="${x(tick)}" y2="${top + row * rows.length}" stroke="${tick === 0 ? dsfr.border : dsfr.borderLight}" stroke-width="1"/>`);
    parts.push(`<text x="${x(tick)}" y="${height - 8}" text-anchor="middle" font-size="12" fill="${dsfr.textMention}" ${font}>${tick} %</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * row;
    const middle = y + row / 2;
    const bar = Math.max(0, x(Math.round(r.percent * 10) / 10) - x(0));
    parts.push(`<text x="${labels - 8}" y="${middle}" dy="0.35em" text-anchor="end" font-size="12" fill="${dsfr.text}" ${font}>${escapeXml(short(r.label, 42))}</text>`);
    parts.push(`<rect x="${x(0)}" y="${middle - 11}" width="${bar.toFixed(1)}" height="22" fill="${dsfr.blueFrance}"/>`);
    parts.push(`<text x="${(x(0) + bar + 6).toFixed(1)}" y="${middle}" dy="0.35em" font-size="12" fill="${dsfr.text}" ${font}>${escapeXml(`${r.count} (${formatPercent(r.percent)})`)}</text>`);
  });
  const alt = escapeXml(label);
  const svg = `<svg role="img" aria-label="${alt}" focusable="false" style="max-width:100%;height:auto" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title>${alt}</title><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join("")}</svg>`;
  drawn.set(key, svg);
  return svg;
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
