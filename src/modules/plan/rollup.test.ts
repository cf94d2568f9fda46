import { describe, expect, it } from "vitest";
import type { PlanActionView, PlanView } from "./read";
import { inKindValue, NO_AXIS_TITLE, rollupOf, rollupPlan } from "./rollup";

function action(id: string, axisId: string | null, parts: Partial<PlanActionView>): PlanActionView {
  return {
    id,
    lineageId: id,
    title: `Action ${id}`,
    description: "",
    axisId,
    status: "planifiee",
    startMonth: null,
    endMonth: null,
    recurring: false,
    position: 0,
    publics: [],
    themes: [],
    communes: [],
    lead: null,
    objectives: [],
    partners: [],
    steps: [],
    budget: [],
    fundings: [],
    inKind: [],
    indicators: [],
    ...parts,
  };
}

const fund = (funder: string, year: number, status: PlanActionView["fundings"][number]["status"], amount: number) => ({ sourceId: null, funder, year, status, amount });
const kind = (year: number, days: number | null, valueEuros: number | null) => ({ actorId: null, actorName: null, kind: "temps_agent" as const, description: "", year, days, valueEuros });

// A hand-computed plan: every expected figure below was worked out on paper from these rows.
const view: Pick<PlanView, "actions" | "axes" | "settings"> = {
  settings: { unit: "euros", dayValueEuros: 300 },
  axes: [
    { id: "A1", title: "Proximité", position: 0 },
    { id: "A2", title: "Compétences", position: 1 },
    { id: "A3", title: "Réseau", position: 2 },
  ],
  actions: [
    action("a1", "A1", {
      budget: [
        { year: 2026, item: "Animation", planned: 10000, actual: 8000.5 },
        { year: 2027, item: "Animation", planned: 12000, actual: null },
      ],
      fundings: [fund("État", 2026, "accorde", 5000), fund("CAF", 2026, "demande", 3000), fund("État", 2027, "verse", 2000), fund("Département", 2027, "refuse", 4000)],
      inKind: [kind(2026, 10, null), kind(2027, null, 600)],
    }),
    action("a2", "A1", {
      budget: [
        { year: 2026, item: "Affiches", planned: 0.1, actual: null },
        { year: 2026, item: "Flyers", planned: 0.2, actual: null },
      ],
      fundings: [fund("État", 2026, "accorde", 1000)],
    }),
    action("a3", null, { budget: [{ year: 2027, item: "Bus", planned: 5000, actual: 5200 }], fundings: [fund("Fondation X", 2027, "envisage", 2500)] }),
    action("a4", "A2", {}),
  ],
};

describe("budget synthesis roll-ups (hand-computed fixture)", () => {
  const r = rollupPlan(view);

  it("each action: planned and actual cost, secured (accordé + versé), requested, missing = planned − secured − requested", () => {
    expect(r.actions.find((a) => a.id === "a1")).toMatchObject({ planned: 22000, actual: 8000.5, secured: 7000, requested: 3000, envisaged: 0, refused: 4000, missing: 12000, inKindEuros: 3600, inKindDays: 12, overfunded: false });
    // 0.1 + 0.2 summed in cents: 0.3 exactly.
    expect(r.actions.find((a) => a.id === "a2")).toMatchObject({ planned: 0.3, secured: 1000, missing: 0, overfunded: true });
    expect(r.actions.find((a) => a.id === "a3")).toMatchObject({ planned: 5000, actual: 5200, secured: 0, envisaged: 2500, missing: 5000 });
    expect(r.actions.find((a) => a.id === "a4")).toMatchObject({ planned: 0, missing: 0, overfunded: false });
  });

  it("axes in the territory's order, unused axis left out, actions without axis last", () => {
    expect(r.axes.map((a) => [a.title, a.actions, a.planned, a.actual, a.secured, a.requested, a.missing])).toEqual([
      ["Proximité", 2, 22000.3, 8000.5, 8000, 3000, 12000],
      ["Compétences", 1, 0, 0, 0, 0, 0],
      [NO_AXIS_TITLE, 1, 5000, 5200, 0, 0, 5000],
    ]);
  });

  it("plan totals", () => {
    expect(r.totals).toEqual({ planned: 27000.3, actual: 13200.5, secured: 8000, requested: 3000, envisaged: 2500, refused: 4000, missing: 17000, inKindEuros: 3600, inKindDays: 12 });
  });

  it("by funder, most secured first", () => {
    expect(r.byFunder).toEqual([
      { funder: "État", secured: 8000, requested: 0, envisaged: 0, refused: 0, actions: 2 },
      { funder: "CAF", secured: 0, requested: 3000, envisaged: 0, refused: 0, actions: 1 },
      { funder: "Département", secured: 0, requested: 0, envisaged: 0, refused: 4000, actions: 1 },
      { funder: "Fondation X", secured: 0, requested: 0, envisaged: 2500, refused: 0, actions: 1 },
    ]);
  });

  it("by year, the missing part computed per action and year", () => {
    expect(r.byYear).toEqual([
      { year: 2026, planned: 10000.3, actual: 8000.5, secured: 6000, requested: 3000, envisaged: 0, refused: 0, missing: 2000, inKindEuros: 3000, inKindDays: 10 },
      { year: 2027, planned: 17000, actual: 5200, secured: 2000, requested: 0, envisaged: 2500, refused: 4000, missing: 15000, inKindEuros: 600, inKindDays: 2 },
    ]);
  });

  it("over-funded actions are listed as a warning", () => {
    expect(r.overfunded.map((a) => a.id)).toEqual(["a2"]);
  });

  it("in-kind valued in days or euros with the territory's value of a day", () => {
    expect(inKindValue({ days: null, valueEuros: 500 }, { unit: "jours", dayValueEuros: 250 })).toEqual({ euros: 50000, days: 200 });
    expect(inKindValue({ days: 1.5, valueEuros: null }, { unit: "jours", dayValueEuros: 250 })).toEqual({ euros: 37500, days: 150 });
    expect(inKindValue({ days: 2, valueEuros: 100 }, { unit: "euros", dayValueEuros: 250 })).toEqual({ euros: 10000, days: 200 });
  });

  it("rolled up once per loaded view (a shared view is never mutated)", () => {
    expect(rollupOf(view)).toBe(rollupOf(view));
    expect(rollupOf(view)).toEqual(r);
  });
});
