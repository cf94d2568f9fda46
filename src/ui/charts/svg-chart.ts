import * as echarts from "echarts/core";
import { BarChart, LineChart, RadarChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

// Charts are drawn on the server, as SVG, with ECharts' server-side rendering: they need no JavaScript
// in the browser, print well and weigh a few kilobytes. Register here whatever chart a module needs.
echarts.use([RadarChart, BarChart, LineChart, LegendComponent, GridComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type ChartSize = { width: number; height: number };

export type { EChartsCoreOption as ChartOption };

/** The DSFR typeface (loaded by the page), then the system's. */
export const chartFont = "Marianne, arial, sans-serif";

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Renders an ECharts option to an SVG string, once, on the server. The SVG is an image with a text
 * alternative (`label`, read by screen readers): its figures must also be in a table beside it.
 * It scales down with its container (viewBox kept).
 */
export function renderEchartsSvg(option: EChartsCoreOption, size: ChartSize, label: string): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, aria: { enabled: true, label: { description: label } }, textStyle: { fontFamily: chartFont }, ...option });
    const svg = chart.renderToSVGString();
    const alt = escapeAttribute(label);
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${alt}" focusable="false" style="max-width:100%;height:auto" `).replace(/(<svg[^>]*>)/, `$1<title>${alt}</title>`);
  } finally {
    chart.dispose();
  }
}
