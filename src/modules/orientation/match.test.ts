import { describe, expect, it } from "vitest";
import { editDistance, matchCommunes, type MatchableCommune } from "./match";

const c = (code: string, name: string, postcodes: string[], population: number): MatchableCommune => ({ code, name, postcodes, departement: code.slice(0, 2), population });
const table = [
  c("16102", "Cognac", ["16100"], 18000),
  c("16097", "Châteaubernard", ["16100"], 3500),
  c("16100", "Chirac", ["16150"], 781),
  c("16167", "Jarnac", ["16200"], 4486),
  c("16139", "Fleurac", ["16200"], 201),
  c("16015", "Angoulême", ["16000"], 41000),
  c("16028", "Barbezieux-Saint-Hilaire", ["16300"], 4700),
];
const names = (m: ReturnType<typeof matchCommunes<MatchableCommune>>) => (m.kind === "choose" || m.kind === "suggest" ? m.choices.map((x) => x.name) : m.kind === "found" ? [m.commune.name] : []);

describe("matching what a person typed to communes", () => {
  it("offers every commune of a postcode, the smallest included", () => {
    const m = matchCommunes(table, "16200");
    expect(m.kind).toBe("choose");
    expect(names(m)).toEqual(["Jarnac", "Fleurac"]);
  });

  it("reads 16100 as Cognac's postcode, not as Chirac's INSEE code", () => {
    expect(names(matchCommunes(table, "16100"))).toEqual(["Cognac", "Châteaubernard"]);
  });

  it("falls back to the INSEE code when no commune has that postcode", () => {
    const m = matchCommunes(table, "16015");
    expect(m.kind === "found" && m.commune.code).toBe("16015");
  });

  it("understands a name followed by its postcode", () => {
    for (const text of ["Angoulême 16000", "16000 angouleme", "Cognac 16100"]) {
      const m = matchCommunes(table, text);
      expect(m.kind, text).toBe("found");
    }
    expect(names(matchCommunes(table, "Cognac 16100"))).toEqual(["Cognac"]);
  });

  it("suggests the closest names for a typo", () => {
    expect(matchCommunes(table, "Cogniac")).toEqual({ kind: "suggest", choices: [table[0]] });
    expect(names(matchCommunes(table, "Jarnak"))).toEqual(["Jarnac"]);
    expect(names(matchCommunes(table, "Barbesieux"))).toEqual(["Barbezieux-Saint-Hilaire"]);
  });

  it("says unknown when nothing is close", () => {
    expect(matchCommunes(table, "Zzyzx").kind).toBe("unknown");
    expect(matchCommunes(table, "99999").kind).toBe("unknown");
  });

  it("counts edits", () => {
    expect(editDistance("jarnak", "jarnac")).toBe(1);
    expect(editDistance("cogniac", "cognac")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
  });
});
