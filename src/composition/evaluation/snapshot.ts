/**
 * Computed indicators snapshot themselves once per period (ADR 030): the queue's periodic tick (the cleanup,
 * every few minutes) checks whether some computed indicator has no computed value yet in its current period
 * (month, quarter, half-year or year), and then queues one `indicator-snapshots` run (exclusive: never two at
 * once) that computes and writes them, dated the day it runs. A value is written at most once per indicator and
 * date (partial unique index), and at most once per period (checked before computing).
 */
import { and, eq, gte, lte } from "drizzle-orm";
import { parisToday } from "@/platform/dates";
import type { Db } from "@/platform/db/client";
import { defineJob, onCleanup, processQueue } from "@/platform/jobs/queue";
import { indicatorMeasurements, indicators, periodStart, recordComputedMeasurement } from "@/modules/indicators";
import { computedEntry } from "./catalogue";

const system = { kind: "system" as const, label: "Maillage (calcul périodique)" };

/** Indicators that had nothing to measure in a period (no answer yet…), remembered by this process so that the tick does not queue them again every few minutes. */
const emptyPeriods = new Set<string>();

/** Computed indicators running on `today` that have no computed value yet in their current period. */
export async function dueSnapshots(db: Db, today: string) {
  const running = await db
    .select({ id: indicators.id, territoryId: indicators.territoryId, periodicity: indicators.periodicity, computedKey: indicators.computedKey, computedParams: indicators.computedParams })
    .from(indicators)
    .where(and(eq(indicators.source, "calcule"), lte(indicators.startsOn, today), gte(indicators.endsOn, today)));
  const due: typeof running = [];
  for (const i of running) {
    const [done] = await db
      .select({ id: indicatorMeasurements.id })
      .from(indicatorMeasurements)
      .where(and(eq(indicatorMeasurements.indicatorId, i.id), eq(indicatorMeasurements.computed, true), gte(indicatorMeasurements.measuredOn, periodStart(i.periodicity, today)), lte(indicatorMeasurements.measuredOn, today)))
      .limit(1);
    if (!done && !emptyPeriods.has(`${i.id}:${periodStart(i.periodicity, today)}`)) due.push(i);
  }
  return due;
}

/** Computes and writes what is due; returns how many values were written and how many had nothing to measure. */
export async function takeSnapshots(db: Db, now = new Date(), only?: { territoryId?: string }): Promise<{ written: number; empty: number; failed: number }> {
  const today = parisToday(now);
  const result = { written: 0, empty: 0, failed: 0 };
  for (const i of await dueSnapshots(db, today)) {
    if (only?.territoryId && i.territoryId !== only.territoryId) continue;
    const entry = computedEntry(i.computedKey);
    if (!entry) {
      result.failed++;
      continue;
    }
    try {
      const value = await entry.compute(db, { id: i.territoryId }, today, i.computedParams);
      if (value === null) {
        result.empty++;
        emptyPeriods.add(`${i.id}:${periodStart(i.periodicity, today)}`);
      }
      else if (await recordComputedMeasurement(db, system, { id: i.territoryId }, i.id, today, value)) result.written++;
    } catch (e) {
      console.error("[évaluation] indicateur calculé non mesuré :", i.id, e);
      result.failed++;
    }
  }
  return result;
}

export const indicatorSnapshotsJob = defineJob<Record<string, never>>({
  name: "indicator-snapshots",
  concurrency: () => 1,
  timeoutSeconds: 900,
  keepSeconds: 24 * 3600,
  failedMessage: "Les indicateurs calculés n'ont pas pu être mesurés.",
  interruptedMessage: "Le calcul des indicateurs a été interrompu ; il reprendra au prochain passage.",
  async run({ db }) {
    return { output: await takeSnapshots(db) };
  },
});

onCleanup("indicator-snapshots-due", async (db) => {
  if ((await dueSnapshots(db, parisToday())).length === 0) return;
  const queue = await processQueue();
  await queue?.enqueue(indicatorSnapshotsJob, { label: "Mesure des indicateurs calculés", input: {}, exclusiveKey: "indicator-snapshots" });
});
