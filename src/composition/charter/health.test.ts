import { describe, expect, it } from "vitest";
import { actionSignal, healthOf } from "./health";

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
