import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "./factories";
import { listFindings } from "@/modules/findings/queries";
import { strategyOf } from "@/modules/strategy/queries";
import { seedDemoFindings } from "./findings";
import { seedDemoStrategy, type DemoStrategy } from "./strategy";

let database: Database;
let territoryId: string;
let demo: DemoStrategy;

beforeAll(async () => {
  database = await openTestDatabase();
  territoryId = (await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-strategie", name: "Charente" })).id;
  await seedDemoFindings(database.db, territoryId);
  demo = await seedDemoStrategy(database.db, territoryId);
});

afterAll(async () => {
  await database?.close();
});

describe("the demo strategy", () => {
  it("has a vision, three axes and eight objectives over the three horizons, each justified by findings", async () => {
    const s = await strategyOf(database.db, territoryId);
    expect(s.vision?.text).toMatch(/^En 2030, chaque Charentais/);
    expect(s.axes.map((a) => a.id)).toEqual([demo.axes.proximite, demo.axes.competences, demo.axes.reseau]);
    expect(Object.keys(demo.objectives).sort()).toEqual(["agents", "aidants", "annuaire", "itinerance", "observatoire", "parents", "permanences", "seniors"]);
    expect(s.objectives.map((o) => o.horizon).sort()).toEqual(["court", "court", "court", "court", "long", "moyen", "moyen", "moyen"]);
    expect(s.objectives.filter((o) => o.findingIds.length === 0)).toEqual([]);
  });

  it("leaves exactly one question of the diagnostic uncovered, on purpose: sign language and low vision", async () => {
    const s = await strategyOf(database.db, territoryId);
    const linked = new Set(s.objectives.flatMap((o) => o.findingIds));
    const questions = await listFindings(database.db, territoryId, { kind: "question" });
    expect(questions.length).toBe(6);
    expect(questions.filter((q) => !linked.has(q.id)).map((q) => q.text)).toEqual([
      "Aucun lieu de médiation ne propose d'accompagnement en langue des signes ou pour les personnes malvoyantes dans le département.",
    ]);
  });
});
