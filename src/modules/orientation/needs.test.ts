import { describe, expect, it } from "vitest";
import { enumValues } from "@/modules/places/standard/schema";
import { accessibilityNeeds, findNeed, isAccessibilityKey, isNeedKey, needs } from "./needs";

describe("plain-language needs mapped to the national standard v1.0.2", () => {
  it("maps every need to values that exist in the `services` enumeration", () => {
    const allowed = new Set<string>(enumValues("services"));
    for (const need of needs) {
      expect(need.services.length, need.key).toBeGreaterThan(0);
      for (const value of need.services) expect(allowed.has(value), `${need.key} → ${value}`).toBe(true);
    }
  });

  it("covers every service of the standard but leisure, left out on purpose", () => {
    const mapped = new Set<string>(needs.flatMap((n) => n.services));
    expect(enumValues("services").filter((v) => !mapped.has(v))).toEqual(["Loisirs et créations numériques"]);
  });

  it("maps every accessibility need to `prise_en_charge_specifique` values, and covers them all", () => {
    const allowed = enumValues("prise_en_charge_specifique");
    const mapped = accessibilityNeeds.flatMap((a) => a.support);
    for (const value of mapped) expect(allowed).toContain(value);
    expect([...mapped].sort()).toEqual([...allowed].sort());
  });

  it("has unique keys, safe in a URL, and recognises only them", () => {
    const keys = [...needs.map((n) => n.key), ...accessibilityNeeds.map((a) => a.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]+$/);
    expect(isNeedKey("demarches")).toBe(true);
    expect(isNeedKey("Aide aux démarches administratives")).toBe(false);
    expect(isAccessibilityKey("surdite")).toBe(true);
    expect(isAccessibilityKey("demarches")).toBe(false);
    expect(findNeed("demarches")?.services).toEqual(["Aide aux démarches administratives"]);
    expect(findNeed(undefined)).toBeUndefined();
  });
});
