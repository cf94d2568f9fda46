/**
 * The budget synthesis' charts, drawn on the server as SVG (src/ui/charts): bars stacked by axis (secured,
 * requested, missing) and by year (planned and actual beside secured). Every figure is also in the tables
 * beside them; colours are the DSFR's illustrative ones, distinct for colour-blind readers, with a legend.
 */
import { renderEchartsSvg } from "@/ui/charts/svg-chart";
import type { PlanRollup } from "./rollup";

const COLORS = { secured: "#18753c", requested: "#b34000", missing: "#ce0500", planned: "#000091", actual: "#6a6af4" };
const euro = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

// Drawn once per roll-up (shared by simultaneous requests of the same version, see rollupOf).
const drawn = new WeakMap<PlanRollup, { axis?: string; year?: string }>();
function once(rollup: PlanRollup, which: "axis" | "year", draw: () => string): string {
  const entry = drawn.get(rollup) ?? {};
  drawn.set(rollup, entry);
  return (entry[which] ??= draw());
}

export function axisChartSvg(rollup: PlanRollup): string {
  return once(rollup, "axis", () => drawAxisChart(rollup));
}

export function yearChartSvg(rollup: PlanRollup): string {
  return once(rollup, "year", () => drawYearChart(rollup));
}

function drawAxisChart(rollup: PlanRollup): string {
  const axes = rollup.axes;
  return renderEchartsSvg(
    {
      color: [COLORS.secured, COLORS.requested, COLORS.missing],
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${euro.format(v)} €` } },
      yAxis: { type: "category", inverse: true, data: axes.map((a) => (a.title.length > 28 ? `${a.title.slice(0, 27)}…` : a.title)) },
      series: [
        { name: "Acquis", type: "bar", stack: "cout", data: axes.map((a) => Math.min(a.secured, a.planned)) },
        { name: "Demandé", type: "bar", stack: "cout", data: axes.map((a) => Math.min(a.requested, Math.max(0, a.planned - a.secured))) },
        { name: "Reste à trouver", type: "bar", stack: "cout", data: axes.map((a) => a.missing) },
      ],
    },
    { width: 640, height: Math.max(160, 60 + axes.length * 44) },
    "Coût prévu de chaque axe, partagé entre l'acquis, le demandé et le reste à trouver (les chiffres sont dans le tableau « Synthèse par axe »).",
  );
}

function drawYearChart(rollup: PlanRollup): string {
  const years = rollup.byYear;
  return renderEchartsSvg(
    {
      color: [COLORS.planned, COLORS.actual, COLORS.secured],
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "category", data: years.map((y) => String(y.year)) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${euro.format(v)} €` } },
      series: [
        { name: "Coût prévu", type: "bar", data: years.map((y) => y.planned) },
        { name: "Coût réalisé", type: "bar", data: years.map((y) => y.actual) },
        { name: "Acquis", type: "bar", data: years.map((y) => y.secured) },
      ],
    },
    { width: 640, height: 280 },
    "Par année : coût prévu, coût réalisé et cofinancements acquis (les chiffres sont dans le tableau « Par année »).",
  );
}
