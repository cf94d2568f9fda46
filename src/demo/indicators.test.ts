import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { indicatorStatus, listIndicators } from "@/modules/indicators";
import { seedDemoIndicators } from "./indicators";
import { seedDemoPlan } from "./plan";
import { seedDemoStrategy } from "./strategy";

let database: Database;
let territoryId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "demo-indicateurs", name: "Grand Angoulême" });
  territoryId = territory.id;
  const strategy = await seedDemoStrategy(database.db, territoryId);
  await seedDemoPlan(database.db, territoryId, strategy);
  await seedDemoIndicators(database.db, territoryId);
});
afterAll(async () => {
  await database?.close();
});

describe("the demo's evaluation", () => {
  it("has indicators on objectives and actions with a year of measurements, typed and computed, and every status but one", async () => {
    const list = await listIndicators(database.db, territoryId);
    expect(list).toHaveLength(8);
    expect(list.filter((i) => i.source === "calcule").map((i) => i.computedKey).sort()).toEqual(["actions_on_track_share", "places_per_10k"]);
    expect(list.some((i) => i.actionLineageId !== null)).toBe(true);
    const today = parisToday();
    const permanences = list.find((i) => i.name === "Personnes reçues dans les permanences numériques");
    // Twelve monthly values, the oldest about a year ago, the latest this month.
    expect(permanences?.measurements).toHaveLength(12);
    expect(permanences?.measurements.at(-1)?.measuredOn.slice(0, 7)).toBe(today.slice(0, 7));
    expect(permanences?.measurements.filter((m) => m.isEstimate)).toHaveLength(1);
    for (const i of list) for (const m of i.measurements) expect(m.measuredOn >= i.startsOn && m.measuredOn <= i.endsOn).toBe(true);
    const statuses = new Set(list.map((i) => indicatorStatus(i, i.targets, i.measurements, today)));
    expect(statuses.has("en_retard")).toBe(true);
    expect(statuses.has("sans_donnees")).toBe(true);
    expect(statuses.has("en_bonne_voie") || statuses.has("atteint")).toBe(true);
  });
});
