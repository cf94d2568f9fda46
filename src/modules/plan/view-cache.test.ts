import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { seedEmptyPlan } from "@/testing/plan-fixture";
import type { Territory } from "@/modules/territories/queries";
import { actors } from "@/modules/actors/schema";
import { updateAxis } from "@/modules/strategy/commands";
import {
  addBudgetLine,
  addFunding,
  addIndicator,
  addInKind,
  addStep,
  createAction,
  createVersion,
  deleteAction,
  deleteBudgetLine,
  duplicateAction,
  freezeVersion,
  moveAction,
  publishVersion,
  setActionStatus,
  setInKindValuation,
  setPartner,
  setStepDone,
  unpublishPlan,
  updateAction,
  updateBudgetLine,
} from "./commands";
import { loadPlanVersionView } from "./document";
import { loadPlan } from "./read";
import { planActions, planBudgetLines } from "./schema";
import { findPlanVersion } from "./versions";

// The views of a version are kept per content revision (read.ts, ADR 031): what a person just saved must show
// on the next page, whatever was kept before.

let database: Database;
let territory: Territory;
let coordinator: Principal;
let axis: string;
let actor: string;

function got<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

const view = async () => got(await loadPlanVersionView(database.db, territory.id));
const revision = async () => got(await findPlanVersion(database.db, territory.id)).contentRevision;
const actionInput = (title: string) => ({ title, description: "", axisId: axis, objectiveIds: [], leadActorId: actor, publics: [], themes: [], communes: [], status: "planifiee", recurring: false, startMonth: "2026-01", endMonth: "2026-06" });

beforeAll(async () => {
  database = await openTestDatabase();
  ({ territory, coordinator, axis, actor } = await seedEmptyPlan(database.db, "angouleme-cache"));
});
afterAll(async () => {
  await database?.close();
});

describe("a plan write shows at once on the views", () => {
  it("a budget line added, changed, then deleted changes the synthesis at the next read", async () => {
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Permanences"));
    const line = await addBudgetLine(database.db, coordinator, territory, id, { year: 2026, item: "Poste", planned: 1000 });
    const before = await view();
    expect(before.rollup.totals.planned).toBe(1000);
    // Kept: the same objects while nothing is written.
    const again = await view();
    expect(again.view).toBe(before.view);
    expect(again.rollup).toBe(before.rollup);

    await updateBudgetLine(database.db, coordinator, territory, id, line.id, { year: 2026, item: "Poste", planned: 1250.5, actual: 300 });
    const changed = await view();
    expect(changed.view).not.toBe(before.view);
    expect(changed.rollup.totals).toMatchObject({ planned: 1250.5, actual: 300, missing: 1250.5 });

    await addFunding(database.db, coordinator, territory, id, { funderLabel: "Ville", year: 2026, status: "accorde", amount: 250.5 });
    expect((await view()).rollup.totals).toMatchObject({ secured: 250.5, missing: 1000 });

    await deleteBudgetLine(database.db, coordinator, territory, id, line.id);
    expect((await view()).rollup.totals).toMatchObject({ planned: 0, actual: 0, missing: 0 });
    await deleteAction(database.db, coordinator, territory, id);
    expect((await view()).view.actions).toEqual([]);
  });

  it("simultaneous reads of one revision share one read", async () => {
    const version = got(await findPlanVersion(database.db, territory.id));
    const [a, b] = await Promise.all([loadPlan(database.db, territory.id, version), loadPlan(database.db, territory.id, version)]);
    expect(a).toBe(b);
  });

  it("the in-kind valuation, an axis renamed by the strategy, an actor renamed: seen at the next read", async () => {
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Ateliers"));
    await addInKind(database.db, coordinator, territory, id, { kind: "salle", description: "", year: 2026, days: 2 });
    expect((await view()).rollup.totals).toMatchObject({ inKindEuros: 600, inKindDays: 2 });
    await setInKindValuation(database.db, coordinator, territory, { inKindUnit: "jours", dayValueEuros: "250" });
    const valued = await view();
    expect(valued.view.settings).toEqual({ unit: "jours", dayValueEuros: 250 });
    expect(valued.rollup.totals).toMatchObject({ inKindEuros: 500, inKindDays: 2 });

    await updateAxis(database.db, coordinator, territory, axis, { title: "Proximité et accueil", description: "" });
    expect((await view()).view.axes.map((a) => a.title)).toEqual(["Proximité et accueil"]);

    await database.db.update(actors).set({ name: "Centre social de la Grand-Font", updatedAt: new Date(Date.now() + 1000) }).where(eq(actors.id, actor));
    expect((await view()).view.actions.find((a) => a.id === id)?.lead?.name).toBe("Centre social de la Grand-Font");
  });

  it("a row changed in the tables without a plan write is not seen until the next write (the contract of the revision)", async () => {
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Bus"));
    const line = await addBudgetLine(database.db, coordinator, territory, id, { year: 2026, item: "Carburant", planned: 100 });
    const kept = (await view()).rollup.totals.planned;
    await database.db.update(planBudgetLines).set({ planned: 900 }).where(eq(planBudgetLines.id, line.id));
    expect((await view()).rollup.totals.planned).toBe(kept);
    await setActionStatus(database.db, coordinator, territory, id, { status: "en_cours" });
    expect((await view()).rollup.totals.planned).toBe(kept + 800);
  });
});

describe("every plan write bumps the version's content revision in its transaction", () => {
  it("action, steps, money, means, partners, indicators, order, versions, valuation", async () => {
    const bumps: [string, () => Promise<unknown>][] = [];
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Suivi"));
    const { id: second } = await createAction(database.db, coordinator, territory, actionInput("Suivi 2"));
    const step = await addStep(database.db, coordinator, territory, id, { title: "Lancement", dueDate: "2026-02-01" });
    bumps.push(
      ["createAction", () => createAction(database.db, coordinator, territory, actionInput("Autre"))],
      ["updateAction", async () => updateAction(database.db, coordinator, territory, id, { ...actionInput("Suivi modifié"), revision: got((await database.db.select().from(planActions).where(eq(planActions.id, id)))[0]).revision })],
      ["setActionStatus", () => setActionStatus(database.db, coordinator, territory, id, { status: "en_cours" })],
      ["moveAction", () => moveAction(database.db, coordinator, territory, second, "up")],
      ["addStep", () => addStep(database.db, coordinator, territory, id, { title: "Bilan", dueDate: "2026-06-01" })],
      ["setStepDone", () => setStepDone(database.db, coordinator, territory, id, step.id, true)],
      ["addBudgetLine", () => addBudgetLine(database.db, coordinator, territory, id, { year: 2026, item: "Poste", planned: 10 })],
      ["addFunding", () => addFunding(database.db, coordinator, territory, id, { funderLabel: "Ville", year: 2026, status: "demande", amount: 5 })],
      ["addInKind", () => addInKind(database.db, coordinator, territory, id, { kind: "salle", description: "", year: 2026, days: 1 })],
      ["setPartner", async () => {
        const [p] = await database.db.insert(actors).values({ name: "Association", communeCode: "16015", search: "association" }).returning({ id: actors.id });
        return setPartner(database.db, coordinator, territory, id, { actorId: got(p).id, role: "relais" });
      }],
      ["addIndicator", () => addIndicator(database.db, coordinator, territory, id, { label: "Personnes accompagnées" })],
      ["duplicateAction", () => duplicateAction(database.db, coordinator, territory, id)],
      ["setInKindValuation", () => setInKindValuation(database.db, coordinator, territory, { inKindUnit: "euros", dayValueEuros: "300" })],
      ["freezeVersion", async () => freezeVersion(database.db, coordinator, territory, got(await findPlanVersion(database.db, territory.id)).number)],
      ["publishVersion", async () => publishVersion(database.db, coordinator, territory, got(await findPlanVersion(database.db, territory.id)).number)],
      ["unpublishPlan", () => unpublishPlan(database.db, coordinator, territory)],
    );
    for (const [name, write] of bumps) {
      const before = await revision();
      await write();
      expect({ name, bumped: (await revision()) > before }).toEqual({ name, bumped: true });
    }
    // A new version starts from the frozen one; writing to the frozen one is refused and bumps nothing.
    const frozen = got(await findPlanVersion(database.db, territory.id));
    await createVersion(database.db, coordinator, territory, { title: "" });
    const after = got(await findPlanVersion(database.db, territory.id, frozen.number));
    expect(after.contentRevision).toBeGreaterThan(frozen.contentRevision);
    await expect(addBudgetLine(database.db, coordinator, territory, id, { year: 2026, item: "Poste", planned: 10 })).rejects.toMatchObject({ id: "plan_frozen" });
    expect(got(await findPlanVersion(database.db, territory.id, frozen.number)).contentRevision).toBe(after.contentRevision);
  });
});
