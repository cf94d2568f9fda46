import { parisToday } from "@/platform/dates";
import type { Executor } from "@/platform/db/client";
import { toCsv, type Cell } from "@/platform/spreadsheet";
import { listIndicators } from "./queries";
import { indicatorStatus } from "./status";

export const indicatorExportFormats = ["csv", "json"] as const;
export type IndicatorExportFormat = (typeof indicatorExportFormats)[number];
export const isIndicatorExportFormat = (s: string): s is IndicatorExportFormat => (indicatorExportFormats as readonly string[]).includes(s);

export const csvHeader = [
  "indicateur_id",
  "nom",
  "unite",
  "sens",
  "periodicite",
  "debut",
  "fin",
  "source",
  "calcul",
  "objectif_id",
  "action_lignee_id",
  "valeur_depart",
  "date_depart",
  "cibles",
  "statut",
  "mesure_date",
  "mesure_valeur",
  "estimation",
  "calculee",
  "commentaire",
  "saisie_par",
];

/**
 * The territory's indicators with their targets and measurements (`indicators export`): JSON, one object per
 * indicator; CSV, one line per measurement (an indicator without any: one line with empty measurement columns).
 * The status is the one the dashboard shows on `today`.
 */
export async function exportIndicators(db: Executor, territoryId: string, format: IndicatorExportFormat, now = new Date()): Promise<{ body: string; count: number; measurements: number }> {
  const today = parisToday(now);
  const list = await listIndicators(db, territoryId);
  const measurements = list.reduce((n, i) => n + i.measurements.length, 0);
  if (format === "json") {
    const body = JSON.stringify(
      list.map((i) => ({
        id: i.id,
        name: i.name,
        definition: i.definition,
        unit: i.unit,
        direction: i.direction,
        periodicity: i.periodicity,
        startsOn: i.startsOn,
        endsOn: i.endsOn,
        source: i.source,
        computedKey: i.computedKey,
        computedParams: i.computedParams,
        dataSource: i.dataSource,
        owner: i.ownerName,
        objectiveId: i.objectiveId,
        actionLineageId: i.actionLineageId,
        baseline: i.baselineValue === null ? null : { value: i.baselineValue, on: i.baselineOn },
        status: indicatorStatus(i, i.targets, i.measurements, today),
        targets: i.targets.map((t) => ({ periodEnd: t.periodEnd, value: t.value })),
        measurements: i.measurements.map((m) => ({ measuredOn: m.measuredOn, value: m.value, isEstimate: m.isEstimate, computed: m.computed, comment: m.comment, enteredBy: m.enteredByLabel })),
      })),
      null,
      2,
    );
    return { body: `${body}\n`, count: list.length, measurements };
  }
  const rows: Cell[][] = [];
  for (const i of list) {
    const head: Cell[] = [
      i.id,
      i.name,
      i.unit,
      i.direction,
      i.periodicity,
      i.startsOn,
      i.endsOn,
      i.source,
      i.computedKey ?? "",
      i.objectiveId ?? "",
      i.actionLineageId ?? "",
      i.baselineValue,
      i.baselineOn ?? "",
      i.targets.map((t) => `${t.periodEnd}=${t.value}`).join(";"),
      indicatorStatus(i, i.targets, i.measurements, today),
    ];
    if (i.measurements.length === 0) rows.push([...head, "", null, "", "", "", ""]);
    for (const m of i.measurements) rows.push([...head, m.measuredOn, m.value, m.isEstimate ? "oui" : "non", m.computed ? "oui" : "non", m.comment, m.enteredByLabel]);
  }
  return { body: toCsv(csvHeader, rows), count: list.length, measurements };
}
