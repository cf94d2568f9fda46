import { describe, expect, it } from "vitest";
import { classify, mapCommunes, NO_VALUE, valueText } from "./map";

const ifn = { id: "ifn_total", label: "Indice de fragilité numérique (IFN)", unit: "sur 10", decimals: 2, higherIsWorse: true };

describe("the portrait map's communes in words", () => {
  const rows = [
    { code: "16015", name: "Angoulême" },
    { code: "16102", name: "Cognac" },
    { code: "16001", name: "Abzac" },
    { code: "16999", name: "Éraville" },
  ];
  const values = new Map<string, number | null>([
    ["16015", 4.5],
    ["16102", 6.25],
    ["16001", 7],
    ["16999", null],
  ]);
  const classes = classify([...values.values()], ifn);
  const communes = mapCommunes(rows, (code) => values.get(code) ?? null, ifn, classes);

  it("lists them in French alphabetical order (É after E, before F), as the table beside the map shows them", () => {
    expect(communes.map((c) => c.name)).toEqual(["Abzac", "Angoulême", "Cognac", "Éraville"]);
  });

  it("names each commune with its value and its class, the sentence shown on hover and on keyboard focus", () => {
    expect(communes[1]).toEqual({
      code: "16015",
      name: "Angoulême",
      value: "4,5\u00a0sur 10",
      classLabel: "4,5 sur 10",
      color: "#fef0d9",
      text: "Angoulême — Indice de fragilité numérique (IFN) : 4,5\u00a0sur 10 (classe 4,5 sur 10)",
    });
    expect(communes[0]?.color).toBe("#b30000");
  });

  it("says plainly when a commune has no value, in the hatched grey of the legend", () => {
    expect(communes[3]).toMatchObject({ value: "pas de valeur", classLabel: "pas de valeur", color: NO_VALUE, text: "Éraville — Indice de fragilité numérique (IFN) : pas de valeur" });
  });

  it("writes values with their unit and real singulars, and white zones as yes or no", () => {
    expect(valueText({ id: "places", decimals: 0, unit: "lieux" }, 1)).toBe("1\u00a0lieu");
    expect(valueText({ id: "places", decimals: 0, unit: "lieux" }, 3)).toBe("3\u00a0lieux");
    expect(valueText({ id: "population", decimals: 0, unit: "habitants" }, 12500)).toBe("12\u202f500\u00a0habitants");
    expect(valueText({ id: "nearest_place_km", decimals: 1, unit: "km" }, 12.46)).toBe("12,5\u00a0km");
    expect(valueText({ id: "white_zone", decimals: 0, unit: "" }, 1)).toBe("oui");
    expect(valueText({ id: "white_zone", decimals: 0, unit: "" }, 0)).toBe("non");
  });
});
