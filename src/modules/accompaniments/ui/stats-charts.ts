/**
 * The statistics' charts, drawn on the server as SVG (src/ui/charts): bars per value and the orientation flows
 * as a Sankey diagram. Every figure drawn is also in the table beside the chart.
 */
import * as echarts from "echarts/core";
import { SankeyChart } from "echarts/charts";
import { renderEchartsSvg } from "@/ui/charts/svg-chart";
import type { FlowRow, StatsRow } from "../stats";

// Registered here, beside its only user: ECharts' registry is global, so svg-chart.ts renders it too.
echarts.use([SankeyChart]);

const BLUE = "#000091";
const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Horizontal bars (values by decreasing count), or vertical ones in time order for months. */
export function barChartSvg(rows: readonly StatsRow[], label: string, options: { months?: boolean; limit?: number } = {}): string {
  const shown = options.months ? rows : rows.slice(0, options.limit ?? 15);
  if (options.months) {
    return renderEchartsSvg(
      {
        color: [BLUE],
        grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
        xAxis: { type: "category", data: shown.map((r) => r.key) },
        yAxis: { type: "value" },
        series: [{ name: "Accompagnements", type: "bar", data: shown.map((r) => r.records) }],
      },
      { width: 640, height: 260 },
      label,
    );
  }
  return renderEchartsSvg(
    {
      color: [BLUE],
      grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value" },
      yAxis: { type: "category", inverse: true, data: shown.map((r) => short(r.label)) },
      series: [{ name: "Accompagnements", type: "bar", data: shown.map((r) => r.records) }],
    },
    { width: 640, height: Math.max(120, 24 + shown.length * 28) },
    label,
  );
}

/**
 * The largest flows as a Sankey diagram: places of departure on the left, places oriented to on the right (two
 * distinct nodes for a place that is both, so that A → B and B → A do not make a cycle, which a Sankey cannot draw).
 */
export function flowsSankeySvg(flows: readonly FlowRow[], label: string, limit = 15): string {
  const shown = flows.slice(0, limit);
  const nodes = new Map<string, { name: string; depth: number }>();
  const links = shown.map((f) => {
    const from = `de ${short(f.fromName, 26)}`;
    const to = `vers ${short(f.toName, 26)}`;
    nodes.set(from, { name: from, depth: 0 });
    nodes.set(to, { name: to, depth: 1 });
    return { source: from, target: to, value: f.records };
  });
  return renderEchartsSvg(
    {
      series: [
        {
          type: "sankey",
          left: 8,
          right: 190,
          top: 8,
          bottom: 8,
          nodeAlign: "justify",
          data: [...nodes.values()],
          links,
          lineStyle: { color: "source", opacity: 0.35 },
          itemStyle: { color: BLUE },
          label: { color: "#161616", fontSize: 11 },
        },
      ],
    },
    { width: 640, height: Math.max(160, nodes.size * 22) },
    label,
  );
}
