import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { seedPlanFixture } from "@/testing/plan-fixture";
import { loadPlan } from "./read";
import { bumpPlanRevision, findPlanVersion, listPlanVersions, publishedPlanVersion } from "./versions";
import { rollupPlan } from "./rollup";
import { planActions } from "./schema";

let database: Database;
let fixture: Awaited<ReturnType<typeof seedPlanFixture>>;
beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await seedPlanFixture(database.db, "cognac-lecture");
});
afterAll(async () => {
  await database?.close();
});

describe("reading a whole version of a plan", () => {
  it("versions: newest first; the working one by default; the published one for the public", async () => {
    const { territory } = fixture;
    expect((await listPlanVersions(database.db, territory.id)).map((v) => v.number)).toEqual([2, 1]);
    expect((await findPlanVersion(database.db, territory.id))?.number).toBe(2);
    expect((await findPlanVersion(database.db, territory.id, 1))?.kind).toBe("pluriannuel");
    expect(await findPlanVersion(database.db, territory.id, 7)).toBeUndefined();
    expect((await publishedPlanVersion(database.db, territory.id))?.number).toBe(1);
  });

  it("actions in plan order with axis, lead, objectives, partners, steps, budget, co-funding (catalogue funder or typed), in-kind, indicators", async () => {
    const { territory, ids } = fixture;
    const version = await findPlanVersion(database.db, territory.id, 1);
    if (!version) throw new Error("no version 1");
    const view = await loadPlan(database.db, territory.id, version);
    expect(view.settings).toEqual({ unit: "euros", dayValueEuros: 250 });
    expect(view.axes.map((a) => a.title)).toEqual(["Proximité", "Compétences"]);
    expect(view.actions.map((a) => a.title)).toEqual(["Permanences numériques en mairie", "Ateliers parents et écrans", "Bus numérique"]);
    const first = view.actions[0];
    expect(first).toMatchObject({
      axisId: ids.proximite,
      status: "en_cours",
      startMonth: "2026-01-01",
      endMonth: "2027-12-01",
      communes: ["16102"],
      lead: { id: ids.centre, name: "Centre social de Cognac" },
      objectives: [{ id: ids.objective, title: "Une permanence à moins de 15 minutes", horizon: "court" }],
      partners: [{ actorId: ids.asso, name: "Association Clic & Lien", role: "relais" }],
      budget: [
        { year: 2026, item: "Poste de conseiller", planned: 30000, actual: 29500 },
        { year: 2027, item: "Poste de conseiller", planned: 31000, actual: null },
      ],
      indicators: [{ indicatorKey: "ifn_total", label: "Indice de fragilité numérique" }],
    });
    expect(first?.steps.map((s) => [s.title, s.dueDate, s.done])).toEqual([
      ["Recruter la conseillère", "2026-02-15", true],
      ["Bilan de la première année", "2026-12-10", false],
    ]);
    expect(first?.fundings.map((f) => [f.funder, f.year, f.status, f.amount])).toEqual([
      ["Conseil départemental", 2026, "accorde", 15000],
      ["CAF de la Charente", 2026, "demande", 5000],
      ["Ville de Cognac", 2027, "envisage", 10000],
    ]);
    expect(first?.inKind).toEqual([{ actorId: ids.centre, actorName: "Centre social de Cognac", kind: "salle", description: "Salle du conseil", year: 2026, days: 20, valueEuros: null }]);
    // The roll-up of the loaded plan: 30,000 + 31,000 + 4,000 + 12,000.50 planned; 15,000 + 4,500 secured; 5,000 requested.
    expect(rollupPlan(view).totals).toMatchObject({ planned: 77000.5, actual: 29500, secured: 19500, requested: 5000, envisaged: 10000, missing: 41000 + 12000.5, inKindEuros: 5000, inKindDays: 20 });
  });

  it("tenancy: another territory's version id reads nothing", async () => {
    const other = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-lecture", name: "Angoulême" });
    const version = await findPlanVersion(database.db, fixture.territory.id, 1);
    if (!version) throw new Error("no version 1");
    const view = await loadPlan(database.db, other.id, version);
    expect(view.actions).toEqual([]);
  });
});

describe("reads of the same version", () => {
  it("share one read while nothing is written; a plan write (its revision bumped) is seen by the next", async () => {
    const { territory } = fixture;
    const version = await findPlanVersion(database.db, territory.id, 2);
    if (!version) throw new Error("no version 2");
    const [a, b] = await Promise.all([loadPlan(database.db, territory.id, version), loadPlan(database.db, territory.id, version)]);
    expect(a).toBe(b);
    expect(a.actions.map((x) => x.title)).toEqual(["Version de travail"]);
    expect(await loadPlan(database.db, territory.id, version)).toBe(a);
    // As every plan command does in its transaction (commands.ts; view-cache.test.ts goes through them).
    await database.db.transaction(async (tx) => {
      await tx.update(planActions).set({ title: "Renommée" }).where(eq(planActions.versionId, version.id));
      await bumpPlanRevision(tx, territory.id, version.id);
    });
    expect((await loadPlan(database.db, territory.id, version)).actions.map((x) => x.title)).toEqual(["Renommée"]);
    await database.db.transaction(async (tx) => {
      await tx.update(planActions).set({ title: "Version de travail" }).where(eq(planActions.versionId, version.id));
      await bumpPlanRevision(tx, territory.id, version.id);
    });
  });
});
