import { describe, expect, it } from "vitest";
import { actionSignal, healthOf } from "./health";
import { indicatorStatus } from "./indicator-status-local";

// Pure rules of commitment health, values written by hand.

describe("commitment health from its signals", () => {
  it("any late signal makes it late; all known signals kept make it kept; no data makes no verdict", () => {
    expect(healthOf([])).toBe("sans_donnees");
    expect(healthOf(["sans_donnees", "sans_donnees"])).toBe("sans_donnees");
    expect(healthOf(["tenu", "tenu", "sans_donnees"])).toBe("tenu");
    expect(healthOf(["tenu", "en_bonne_voie"])).toBe("en_bonne_voie");
    expect(healthOf(["tenu", "en_bonne_voie", "en_retard"])).toBe("en_retard");
  });

  it("an action's status as a signal", () => {
    expect([actionSignal.idee, actionSignal.planifiee, actionSignal.en_cours, actionSignal.terminee, actionSignal.bloquee, actionSignal.abandonnee]).toEqual([
      "sans_donnees",
      "en_bonne_voie",
      "en_bonne_voie",
      "tenu",
      "en_retard",
      "en_retard",
    ]);
  });
});

describe("indicator status (local stand-in for the indicators module)", () => {
  const rising = { direction: "hausse" as const, baselineValue: 0, baselineOn: "2026-01-01", startsOn: "2026-01-01", endsOn: "2026-12-31" };
  const target = [{ periodEnd: "2026-12-31", value: 100 }];
  it("reached, on track or late against the straight line from the baseline to the target", () => {
    expect(indicatorStatus(rising, target, [], "2026-07-01")).toBe("sans_donnees");
    expect(indicatorStatus(rising, [], [{ measuredOn: "2026-06-30", value: 50 }], "2026-07-01")).toBe("sans_donnees");
    expect(indicatorStatus(rising, target, [{ measuredOn: "2026-06-30", value: 120 }], "2026-07-01")).toBe("atteint");
    // On 2026-07-02 (day 182 of 364) the line says 50: 60 is ahead, 30 behind.
    expect(indicatorStatus(rising, target, [{ measuredOn: "2026-07-02", value: 60 }], "2026-07-03")).toBe("en_bonne_voie");
    expect(indicatorStatus(rising, target, [{ measuredOn: "2026-07-02", value: 30 }], "2026-07-03")).toBe("en_retard");
    // A measurement dated after today is not read yet.
    expect(indicatorStatus(rising, target, [{ measuredOn: "2026-09-01", value: 120 }], "2026-07-03")).toBe("sans_donnees");
  });
  it("falling and steady indicators", () => {
    const falling = { ...rising, direction: "baisse" as const, baselineValue: 40 };
    expect(indicatorStatus(falling, [{ periodEnd: "2026-12-31", value: 20 }], [{ measuredOn: "2026-12-01", value: 19 }], "2026-12-02")).toBe("atteint");
    expect(indicatorStatus(falling, [{ periodEnd: "2026-12-31", value: 20 }], [{ measuredOn: "2026-07-02", value: 38 }], "2026-07-03")).toBe("en_retard");
    const steady = { ...rising, direction: "maintien" as const };
    expect(indicatorStatus(steady, [{ periodEnd: "2026-12-31", value: 100 }], [{ measuredOn: "2026-07-02", value: 104 }], "2026-07-03")).toBe("atteint");
    expect(indicatorStatus(steady, [{ periodEnd: "2026-12-31", value: 100 }], [{ measuredOn: "2026-07-02", value: 90 }], "2026-07-03")).toBe("en_retard");
  });
});
