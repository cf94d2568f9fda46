import { describe, expect, it } from "vitest";
import { assembleJourney } from "./assemble";

describe("the journey assembled phase by phase", () => {
  const d1 = new Date("2026-03-01T10:00:00Z");
  const d2 = new Date("2026-04-01T10:00:00Z");
  const journey = assembleJourney(
    [
      { phase: "map", facts: [{ label: "12 acteurs" }], missing: ["Monde absent : santé."], next: [{ text: "Cartographier", href: "/a", urgency: "useful" }], lastChange: d1 },
      { phase: "map", facts: [{ label: "3 lieux" }], missing: [], next: [{ text: "Relayer la campagne", href: "/b", urgency: "urgent" }], lastChange: d2 },
      { phase: "strategy", facts: [], missing: [], next: [] },
    ],
    new Set(["map", "diagnose", "strategy"]),
  );

  it("keeps the eight phases in order, the territory's column left out", () => {
    expect(journey.phases.map((p) => p.id)).toEqual(["map", "diagnose", "means", "collective", "strategy", "commitments", "evaluate", "cooperate"]);
  });

  it("merges the contributions of a phase: facts in order, urgent steps first, the latest change", () => {
    const map = journey.phases[0];
    expect(map?.facts.map((f) => f.label)).toEqual(["12 acteurs", "3 lieux"]);
    expect(map?.next.map((s) => s.text)).toEqual(["Relayer la campagne", "Cartographier"]);
    expect(map?.lastChange).toEqual(d2);
    expect(journey.urgent).toEqual([{ text: "Relayer la campagne", href: "/b", urgency: "urgent", phase: "1. Cartographier et mobiliser" }]);
  });

  it("says which phases no module serves (6, 7, 8 here, and 3, 4 until their modules come)", () => {
    expect(journey.phases.filter((p) => !p.served).map((p) => p.id)).toEqual(["means", "collective", "commitments", "evaluate", "cooperate"]);
    // Served but with nothing to say: still served.
    expect(journey.phases.find((p) => p.id === "diagnose")?.served).toBe(true);
  });
});
