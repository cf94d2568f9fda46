import { describe, expect, it } from "vitest";
import { list, normalizeName } from "./summary";
import { byCode, check, formatBytes, groupBy, round } from "./util";

describe("data-build, small utilities", () => {
  it("rounds to a number of decimals, never to -0", () => {
    expect(round(0.123456, 5)).toBe(0.12346);
    expect(round(2.675, 1)).toBe(2.7);
    expect(Object.is(round(-0.000001, 5), 0)).toBe(true);
  });

  it("sorts by code and groups by key, keeping the order of the items", () => {
    expect([{ code: "2B" }, { code: "16" }, { code: "2A" }].sort(byCode)).toEqual([{ code: "16" }, { code: "2A" }, { code: "2B" }]);
    expect(Object.fromEntries(groupBy(["16015", "17300", "16023"], (code) => code.slice(0, 2)))).toEqual({
      "16": ["16015", "16023"],
      "17": ["17300"],
    });
  });

  it("shows sizes in B, KB or MB", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.00 MB");
  });

  it("throws a sanity check's message", () => {
    expect(() => check(false, "Angoulême (16015) missing")).toThrow("data-build sanity check failed: Angoulême (16015) missing");
    expect(() => check(true, "never")).not.toThrow();
  });

  it("compares names across sources without accents, case or punctuation, and shortens long lists", () => {
    expect(normalizeName("Saint-Pompon")).toBe(normalizeName("SAINT POMPON"));
    expect(normalizeName("Angoulême")).toBe("angouleme");
    expect(list(["a", "b", "c"], 2)).toBe("a, b, … (+1)");
    expect(list(["a", "b"], 2)).toBe("a, b");
  });
});
