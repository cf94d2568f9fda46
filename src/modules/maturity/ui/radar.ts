import { dsfr } from "@/ui/charts/colors";
import { chartFont, renderEchartsSvg } from "@/ui/charts/svg-chart";
import { GOOD_PRACTICE_LEVEL, grid, type DimensionId, type Level } from "../grid";

export const RADAR_SIZE = { width: 520, height: 440 };

export const seriesLabels = { actor: "Cette structure", median: "Médiane du territoire", goodPractice: `Bonne pratique (niveau ${GOOD_PRACTICE_LEVEL})` } as const;

/**
 * The actor's levels against the territory's median and the good-practice level, as an SVG drawn on
 * the server. The three lines differ by style and marker as well as by colour.
 */
export function actorRadarSvg(actorName: string, levels: Partial<Record<DimensionId, Level>>, medians: Record<DimensionId, number | null>): string {
  const text = { color: dsfr.text, fontFamily: chartFont, fontSize: 14 };
  const label = `Graphique radar : niveaux de ${actorName} sur les six dimensions, comparés à la médiane du territoire et au niveau de bonne pratique (${GOOD_PRACTICE_LEVEL} sur 4). Les mêmes chiffres sont dans le tableau « Niveaux par dimension ».`;
  return renderEchartsSvg(
    {
      // Legend markers drawn like the lines: dashes for good practice, a dot and a triangle for the others.
      legend: {
        bottom: 0,
        textStyle: text,
        itemGap: 16,
        selectedMode: false,
        data: [
          { name: seriesLabels.goodPractice, icon: "path://M0 0h5v2H0zM7 0h5v2H7zM14 0h5v2h-5z" },
          { name: seriesLabels.actor, icon: "circle" },
          { name: seriesLabels.median, icon: "triangle" },
        ],
      },
      radar: {
        indicator: grid.map((d) => ({ name: d.shortTitle, min: 0, max: 4 })),
        splitNumber: 4,
        radius: "60%",
        center: ["50%", "47%"],
        axisName: { ...text },
        axisLine: { lineStyle: { color: dsfr.border } },
        splitLine: { lineStyle: { color: dsfr.borderLight } },
        splitArea: { show: false },
      },
      series: [
        {
          type: "radar",
          silent: true,
          data: [
            {
              name: seriesLabels.goodPractice,
              value: grid.map(() => GOOD_PRACTICE_LEVEL),
              symbol: "none",
              lineStyle: { color: dsfr.success, type: "dashed", width: 2 },
              itemStyle: { color: dsfr.success },
            },
            {
              name: seriesLabels.actor,
              value: grid.map((d) => levels[d.id] ?? 0),
              symbol: "circle",
              symbolSize: 8,
              lineStyle: { color: dsfr.blueFrance, width: 3 },
              itemStyle: { color: dsfr.blueFrance },
              areaStyle: { color: dsfr.blueFrance, opacity: 0.12 },
            },
            {
              name: seriesLabels.median,
              value: grid.map((d) => medians[d.id] ?? 0),
              symbol: "triangle",
              symbolSize: 9,
              lineStyle: { color: dsfr.warning, type: "dotted", width: 3 },
              itemStyle: { color: dsfr.warning },
            },
          ],
        },
      ],
    },
    RADAR_SIZE,
    label,
  );
}
