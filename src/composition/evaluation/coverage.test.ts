import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { insertPlanActions, insertPlanVersion } from "@/testing/plan-rows";
import { createIndicator } from "@/modules/indicators";
import { planActions } from "@/modules/plan";
import { strategyObjectives } from "@/modules/strategy";
import { loadCoverage } from "@/composition/coverage/load";
import { actionIndicatorChoices } from "./picker";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("indicators tied to actions, either way", () => {
  it("the coverage matrix counts an action measured by a picked indicator or by an evaluation indicator on its lineage", async () => {
    const { db } = database;
    const territory = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-couverture-eval", name: "Angoulême" });
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, "coordinator");
    const coordinator = await principalOf(db, u.id);
    const [objective] = await db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Aller vers", horizon: "court" }).returning();
    if (!objective) throw new Error("no objective");
    const v = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2026 });
    const [, evaluated] = await insertPlanActions(db, territory.id, v.id, [
      { title: "Picked", status: "en_cours", objectives: [objective.id], indicators: [{ indicatorKey: "ifn_total", label: "Indice de fragilité numérique" }] },
      { title: "Evaluated", status: "en_cours", objectives: [objective.id] },
      { title: "Unmeasured", status: "en_cours", objectives: [objective.id] },
    ]);
    const before = await loadCoverage(db, territory.id);
    expect(before.actionsWithoutIndicator.map((a) => a.title).sort()).toEqual(["Evaluated", "Unmeasured"]);
    const [row] = await db.select({ lineageId: planActions.lineageId }).from(planActions).where(eq(planActions.id, evaluated ?? ""));
    await createIndicator(db, coordinator, territory, { name: "Personnes rencontrées", unit: "personnes", direction: "hausse", periodicity: "annuelle", startsOn: "2026-01-01", endsOn: "2026-12-31", source: "manuel", actionLineageId: row?.lineageId });
    const after = await loadCoverage(db, territory.id);
    expect(after.actionsWithoutIndicator.map((a) => a.title)).toEqual(["Unmeasured"]);
    expect(after.rows.length).toBe(0);
    // The picker offers the evaluation's indicator and the diagnostic's, without those the action already has.
    const options = await actionIndicatorChoices(db, territory.id, ["ifn_total"]);
    expect(options[0]?.label).toBe("Évaluation : Personnes rencontrées");
    expect(options.some((o) => o.value === "population" && o.label === "Diagnostic : Population")).toBe(true);
    expect(options.some((o) => o.value === "ifn_total")).toBe(false);
  });
});
