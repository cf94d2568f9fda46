import { describe, expect, it } from "vitest";
import { planReach } from "./reach";

describe("communes reached by the plan over the fragility index", () => {
  const communes = [
    { code: "16102", name: "Cognac", population: 18000, ifn: 6.2 },
    { code: "16015", name: "Angoulême", population: 42000, ifn: 5.1 },
    { code: "16001", name: "Abzac", population: 400, ifn: 7.9 },
    { code: "16002", name: "Agris", population: 900, ifn: 6.8 },
    { code: "16003", name: "Aigre", population: 1000, ifn: null },
  ];
  const actions = [
    { id: "a", title: "Permanences", communes: ["16102", "16015", "16102"], status: "en_cours" as const },
    { id: "b", title: "Bus", communes: ["16102"], status: "planifiee" as const },
    { id: "c", title: "Abandonnée", communes: ["16001"], status: "abandonnee" as const },
  ];
  const r = planReach(actions, communes, 6);

  it("each commune with the actions naming it (once each), in alphabetical order", () => {
    expect(r.communes.map((c) => [c.name, c.fragile, c.actions.map((a) => a.id)])).toEqual([
      ["Abzac", true, []],
      ["Agris", true, []],
      ["Aigre", false, []],
      ["Angoulême", false, ["a"]],
      ["Cognac", true, ["a", "b"]],
    ]);
    expect(r.reached).toBe(2);
  });

  it("fragile communes no action reaches, most fragile first; an abandoned action reaches no one; no IFN is not fragile", () => {
    expect(r.unreachedFragile.map((c) => c.code)).toEqual(["16001", "16002"]);
  });
});
