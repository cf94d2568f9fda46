import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { actors } from "@/modules/actors/schema";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import { planActions, planBudgetLines, planFundings, planVersions } from "@/modules/plan";
import { journeyOf } from "@/modules/plan";
import type { Territory } from "@/modules/territories/queries";
import { seedDemoPlan } from "./plan";
import type { DemoStrategy } from "./strategy";

let database: Database;
let territoryId: string;
let territory: Territory;
let strategy: DemoStrategy;
let dsil: string;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "demo-plan", name: "Grand Angoulême" });
  territoryId = territory.id;
  const axis = async (title: string) => {
    const [row] = await database.db.insert(strategyAxes).values({ territoryId, title }).returning({ id: strategyAxes.id });
    if (!row) throw new Error("no axis");
    return row.id;
  };
  const objective = async (title: string) => {
    const [row] = await database.db.insert(strategyObjectives).values({ territoryId, title, horizon: "court" }).returning({ id: strategyObjectives.id });
    if (!row) throw new Error("no objective");
    return row.id;
  };
  strategy = {
    axes: { proximite: await axis("Proximité"), competences: await axis("Compétences"), reseau: await axis("Réseau") },
    objectives: {
      permanences: await objective("Permanences"),
      itinerance: await objective("Itinérance"),
      seniors: await objective("Seniors"),
      parents: await objective("Parents"),
      agents: await objective("Agents"),
      annuaire: await objective("Annuaire"),
      aidants: await objective("Aidants"),
      observatoire: await objective("Observatoire"),
    },
  };
  // The shipped reference list is loaded with the test database (src/modules/funding/load.ts), as at start-up.
  const [s] = await database.db.select({ id: fundingSources.id }).from(fundingSources).where(eq(fundingSources.referenceKey, "dsil"));
  dsil = s?.id ?? "";
  await database.db.insert(actors).values([
    { name: "France Services de Confolens", communeCode: "16015" },
    { name: "Centre social de Soyaux", communeCode: "16374" },
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("the demo action plan", () => {
  it("writes a two-year version 1 of 15 actions under the three axes, with leads, budgets and co-funding found by reference key", async () => {
    const now = new Date("2027-03-10T10:00:00Z");
    expect(await seedDemoPlan(database.db, territoryId, strategy, now)).toBe(15);
    const [version] = await database.db.select().from(planVersions).where(eq(planVersions.territoryId, territoryId));
    expect(version).toMatchObject({ number: 1, startYear: 2027, endYear: 2028, kind: "pluriannuel" });
    const actions = await database.db.select().from(planActions).where(eq(planActions.territoryId, territoryId));
    expect(actions).toHaveLength(15);
    expect(new Set(actions.map((a) => a.axisId))).toEqual(new Set(Object.values(strategy.axes)));

    const permanences = actions.find((a) => a.title === "Permanences numériques dans les mairies rurales");
    expect(permanences).toMatchObject({ startMonth: "2027-02-01", endMonth: "2028-12-01", status: "en_cours", recurring: true, communes: [] });
    // Only France Services matches /france services/: it leads; the one actor of each pattern is reused.
    const [lead] = await database.db.select({ name: actors.name }).from(actors).where(eq(actors.id, permanences?.leadActorId ?? ""));
    expect(lead?.name).toBe("France Services de Confolens");
    // Budget 18 000 + 18 500 + 2 400 + 2 400, actual 9 200 + 1 100 in the first year.
    const lines = await database.db.select().from(planBudgetLines).where(eq(planBudgetLines.actionId, permanences?.id ?? ""));
    expect(lines.reduce((s, l) => s + l.planned, 0)).toBe(41300);
    expect(lines.reduce((s, l) => s + (l.actual ?? 0), 0)).toBe(10300);

    const bus = actions.find((a) => a.title === "Bus numérique itinérant");
    const fundings = await database.db.select().from(planFundings).where(eq(planFundings.actionId, bus?.id ?? ""));
    // Every co-funding row points at a source of the shipped reference list, found by its key.
    const keyOf = new Map((await database.db.select({ id: fundingSources.id, key: fundingSources.referenceKey }).from(fundingSources)).map((r) => [r.id, r.key]));
    expect(fundings.map((f) => [keyOf.get(f.sourceId ?? ""), f.funderLabel, f.year, f.status, f.amount]).sort()).toEqual([
      ["dsil", "", 2027, "demande", 28000],
      ["feder-iti", "", 2027, "envisage", 15000],
      ["mecenat-entreprises", "", 2028, "envisage", 10000],
    ]);
    expect(fundings.filter((f) => f.sourceId === dsil)).toHaveLength(1);
    // No actor matches the observatory's lead: it waits for one.
    expect(actions.find((a) => a.title === "Observatoire de l'inclusion numérique")?.leadActorId).toBeNull();
    // The Soyaux hall action targets Soyaux, which is in the perimeter.
    expect(actions.find((a) => a.title.startsWith("Connexion partagée"))?.communes).toEqual(["16374"]);
    expect((await database.db.select().from(planFundings).where(and(isNotNull(planFundings.sourceId)))).length).toBeGreaterThan(0);
  });

  it("shows on the journey as a plan under way, with what needs attention", async () => {
    const [journey] = await journeyOf(database.db, territory, new Date("2027-06-20T10:00:00Z"));
    expect(journey?.facts.map((f) => f.label)).toEqual(["Plan d'action, version 1", "15 actions"]);
    // Counted by hand on 20 June 2027: late = the secretaries' training (marked so; no action ended before June unfinished);
    // blocked = the pass; overdue steps (due the 15th, not done): bus ×2 (March, June), Soyaux hall (June), secretaries
    // (May), pass (April) = 5; without a lead among the two actors here (France Services, centre social), not done:
    // bus, seniors' workshops, secretaries, posture, pass, computers, network, observatory = 8.
    expect(journey?.next.map((n) => n.text)).toEqual(["1 action en retard", "1 action bloquée", "5 étapes dépassées sans être faites", "8 actions n'ont pas de structure porteuse"]);
  });
});
