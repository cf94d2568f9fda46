import { describe, expect, it } from "vitest";
import { equivalentWords, evennessWords, worldsBalance, type BalanceMember } from "./balance";

const m = (...worlds: string[]): BalanceMember => ({ role: "membre", worlds });

// Every expected value below is computed by hand (natural logarithms):
// ln 2 = 0.693147, ln 3 = 1.098612, ln 0.75 = -0.287682, ln 0.25 = -1.386294, ln(1/6) = -1.791759.
describe("worlds balance", () => {
  it("an empty group: all nine worlds missing, no evenness", () => {
    const b = worldsBalance([]);
    expect(b.present).toEqual([]);
    expect(b.missing).toHaveLength(9);
    expect(b.share).toBe(0);
    expect(b.evenness).toBeNull();
    expect(b.equivalentWorlds).toBe(0);
    expect(evennessWords(b)).toBe("Aucun monde n'est représenté pour l'instant : ajoutez des membres liés à leur structure.");
  });

  it("one world only: share 1/9, evenness has no meaning", () => {
    const b = worldsBalance([m("numerique"), m("numerique")]);
    expect(b.present).toEqual(["numerique"]);
    expect(b.share).toBeCloseTo(1 / 9, 10);
    expect(b.evenness).toBeNull();
    expect(b.equivalentWorlds).toBeCloseTo(1, 10);
    expect(evennessWords(b)).toBe("Un seul monde est représenté : le groupe ne croise pas encore les mondes.");
  });

  it("two worlds, two members each: H = ln 2, J = 1, worth 2 worlds", () => {
    const b = worldsBalance([m("numerique"), m("numerique"), m("social"), m("social")]);
    expect(b.present).toEqual(["numerique", "social"]);
    expect(b.missing).toEqual(["emploi_insertion", "education_jeunesse", "culture", "sante", "economie", "habitants", "administration"]);
    expect(b.share).toBeCloseTo(2 / 9, 10);
    expect(b.entropy).toBeCloseTo(0.693147, 5);
    expect(b.evenness).toBeCloseTo(1, 10);
    expect(b.equivalentWorlds).toBeCloseTo(2, 10);
    expect(evennessWords(b)).toBe("Équilibre 1,00 sur 1 : les mondes présents pèsent à peu près autant les uns que les autres.");
    expect(equivalentWords(b)).toBe("Autrement dit, le groupe pèse comme 2,0 mondes également représentés (sur 2 présents).");
  });

  it("three members of one world and one of another: H = 0.562335, J = 0.811278", () => {
    // H = 0.75 × 0.287682 + 0.25 × 1.386294 = 0.215762 + 0.346574 = 0.562335; J = 0.562335 / 0.693147.
    const b = worldsBalance([m("numerique"), m("numerique"), m("numerique"), m("social")]);
    expect(b.entropy).toBeCloseTo(0.562335, 5);
    expect(b.evenness).toBeCloseTo(0.811278, 5);
    expect(b.equivalentWorlds).toBeCloseTo(1.754765, 5);
    expect(evennessWords(b)).toBe("Équilibre 0,81 sur 1 : les mondes présents sont assez bien répartis, l'un ou l'autre pèse un peu plus.");
  });

  it("a structure of two worlds splits its member's weight in halves", () => {
    // numerique 1 + 0.5 = 1.5, social 0.5: the same shares as the case above (0.75 / 0.25).
    const b = worldsBalance([m("numerique", "social"), m("numerique")]);
    expect(b.weights.find((w) => w.world === "numerique")?.weight).toBe(1.5);
    expect(b.weights.find((w) => w.world === "social")?.weight).toBe(0.5);
    expect(b.evenness).toBeCloseTo(0.811278, 5);
  });

  it("three worlds weighing 3, 2, 1: H = 1.011404, J = 0.920620", () => {
    // p = 1/2, 1/3, 1/6: H = 0.5 × 0.693147 + (1/3) × 1.098612 + (1/6) × 1.791759 = 0.346574 + 0.366204 + 0.298627.
    const b = worldsBalance([m("social"), m("social"), m("social"), m("sante"), m("sante"), m("culture")]);
    expect(b.entropy).toBeCloseTo(1.011404, 5);
    expect(b.evenness).toBeCloseTo(0.92062, 5);
    expect(b.share).toBeCloseTo(3 / 9, 10);
  });

  it("invited people do not count as present; members without a structure count apart; unknown worlds are ignored", () => {
    const b = worldsBalance([
      m("numerique"),
      { role: "animateur", worlds: ["administration"] },
      { role: "invite", worlds: ["social"] },
      m(),
      m("inconnu"),
    ]);
    expect(b.present).toEqual(["numerique", "administration"]);
    expect(b.missing).toContain("social");
    expect(b.weights.find((w) => w.world === "social")).toEqual({ world: "social", weight: 0, invited: 1 });
    expect(b.counted).toBe(4);
    expect(b.withoutWorld).toBe(2);
    expect(b.invited).toBe(1);
    expect(b.evenness).toBeCloseTo(1, 10);
  });

  it("one world dominating: 9 to 1 gives J = 0.468996, said as dominating", () => {
    // H = 0.9 × 0.105361 + 0.1 × 2.302585 = 0.094825 + 0.230259 = 0.325083; J = 0.325083 / 0.693147.
    const b = worldsBalance([...Array.from({ length: 9 }, () => m("numerique")), m("habitants")]);
    expect(b.evenness).toBeCloseTo(0.468996, 5);
    expect(evennessWords(b)).toBe("Équilibre 0,47 sur 1 : un monde domine largement le groupe.");
  });
});
