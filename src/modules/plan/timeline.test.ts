import { describe, expect, it } from "vitest";
import { buildTimeline, monthLabel, timelineOf, versionYears } from "./timeline";

const base = { axisId: null, status: "planifiee" as const, steps: [] as { id: string; title: string; dueDate: string | null; done: boolean }[] };
const actions = [
  { ...base, id: "before", title: "Commence avant", startMonth: "2025-11-01", endMonth: "2026-03-01" },
  {
    ...base,
    id: "across",
    title: "Déborde",
    startMonth: "2026-06-01",
    endMonth: "2027-02-01",
    steps: [
      { id: "s1", title: "Lancement", dueDate: "2026-06-15", done: true },
      { id: "s2", title: "Bilan", dueDate: "2027-01-10", done: false },
      { id: "s3", title: "Sans date", dueDate: null, done: false },
    ],
  },
  { ...base, id: "none", title: "Sans dates", startMonth: null, endMonth: null },
  { ...base, id: "later", title: "Plus tard", startMonth: "2027-04-01", endMonth: "2027-05-01" },
  { ...base, id: "one", title: "Un mois", startMonth: "2026-09-01", endMonth: null },
];

describe("timeline grid", () => {
  it("annual: twelve months, actions cut at the edges, steps in their month, undated and outside apart", () => {
    const t = buildTimeline(actions, [2026]);
    expect(t.scope).toBe("annuel");
    expect(t.months).toHaveLength(12);
    expect(t.months[0]).toMatchObject({ key: "2026-01", label: "janv.", long: "janvier 2026" });
    expect(t.months[11]).toMatchObject({ key: "2026-12", label: "déc." });
    expect(t.rows.map((r) => [r.id, r.from, r.to, r.startsBefore, r.endsAfter])).toEqual([
      ["before", 0, 2, true, false],
      ["across", 5, 11, false, true],
      ["one", 8, 8, false, false],
    ]);
    const across = t.rows.find((r) => r.id === "across");
    expect([...(across?.steps ?? [])]).toEqual([[5, [{ title: "Lancement", dueDate: "2026-06-15", done: true }]]]);
    expect(across?.otherSteps.map((s) => s.title)).toEqual(["Bilan", "Sans date"]);
    expect(t.undated.map((r) => r.id)).toEqual(["none"]);
    expect(t.outside.map((r) => r.id)).toEqual(["later"]);
  });

  it("multi-year: 24 months over two years, the second year's steps placed", () => {
    const t = buildTimeline(actions, [2026, 2027]);
    expect(t.scope).toBe("pluriannuel");
    expect(t.months).toHaveLength(24);
    expect(t.months[12]).toMatchObject({ key: "2027-01", year: 2027, month: 1 });
    expect(t.rows.map((r) => [r.id, r.from, r.to, r.endsAfter])).toEqual([
      ["before", 0, 2, false],
      ["across", 5, 13, false],
      ["later", 15, 16, false],
      ["one", 8, 8, false],
    ]);
    expect(t.rows.find((r) => r.id === "across")?.steps.get(12)?.map((s) => s.title)).toEqual(["Bilan"]);
    expect(t.outside).toEqual([]);
  });

  it("years of a version and month labels", () => {
    expect(versionYears({ startYear: 2026, endYear: 2028 })).toEqual([2026, 2027, 2028]);
    expect(versionYears({ startYear: 2026, endYear: 2025 })).toEqual([2026]);
    expect(monthLabel("2027-02-01")).toBe("février 2027");
  });

  it("built once per list of actions and years", () => {
    expect(timelineOf(actions, [2026])).toBe(timelineOf(actions, [2026]));
    expect(timelineOf(actions, [2026, 2027])).not.toBe(timelineOf(actions, [2026]));
    expect(timelineOf(actions, [2026]).rows.map((r) => r.id)).toEqual(["before", "across", "one"]);
  });
});
