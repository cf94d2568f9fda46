import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CogCommune, CurrentCommune } from "./cog";
import { loadIfn, matchCommuneIfn, roundIfn, weightedMeanIfn, type IfnRow } from "./ifn";
import type { IfnValues } from "./settings";

const values = (total: number | null, rest: number | null = null): IfnValues => ({
  ifn_total: total,
  ifn_no_thd: rest,
  ifn_no_4g: rest,
  ifn_poverty: rest,
  ifn_older_65: rest,
  ifn_no_diploma: rest,
});

const HEADER = "code,name,total,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate";

describe("data-build, IFN", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-ifn-"));
  afterAll(() => rmSync(dir, { recursive: true }));
  const file = (name: string, text: string): string => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
  };

  it("reads the six values of each row, an empty or unreadable value as missing", () => {
    const { rows, duplicates, empty } = loadIfn(
      file("ok.csv", `${HEADER}\n16015,Angoulême,5.1234,0,1.5,2,3,4\n16023, Aunac ,6,,n/a,2,3,4\n`),
    );
    expect([...rows.keys()]).toEqual(["16015", "16023"]);
    expect(rows.get("16015")).toEqual({
      code: "16015",
      name: "Angoulême",
      values: { ifn_total: 5.1234, ifn_no_thd: 0, ifn_no_4g: 1.5, ifn_poverty: 2, ifn_older_65: 3, ifn_no_diploma: 4 },
    });
    expect(rows.get("16023")?.values).toEqual({ ifn_total: 6, ifn_no_thd: null, ifn_no_4g: null, ifn_poverty: 2, ifn_older_65: 3, ifn_no_diploma: 4 });
    expect(duplicates).toEqual([]);
    expect(empty).toEqual([]);
  });

  it("treats a row with no value at all as absent, and keeps the first of two rows with the same code", () => {
    const { rows, duplicates, empty } = loadIfn(
      file("quirks.csv", `${HEADER}\n13055,Marseille,,,,,,\n16015,Angoulême,5,1,1,1,1,1\n16015,Angoulême bis,9,9,9,9,9,9\n`),
    );
    expect(empty).toEqual(["13055"]);
    expect(duplicates).toEqual(["16015"]);
    expect(rows.get("16015")?.values.ifn_total).toBe(5);
    expect(rows.has("13055")).toBe(false);
  });

  it("refuses a row without code", () => {
    const f = file("nocode.csv", `${HEADER}\n ,Nulle part,1,1,1,1,1,1\n`);
    expect(() => loadIfn(f)).toThrow(`${f}: row without code`);
  });

  it("rounds to two decimals, in output order, missing values as null", () => {
    expect(roundIfn({ ifn_total: 5.126, ifn_no_thd: null, ifn_no_4g: 0.004, ifn_poverty: 2, ifn_older_65: -0.001, ifn_no_diploma: 9.999 })).toEqual([
      5.13, null, 0, 2, 0, 10,
    ]);
    expect(roundIfn(null)).toEqual([null, null, null, null, null, null]);
  });

  it("averages each field over the parts that have a value for it", () => {
    expect(
      weightedMeanIfn([
        { values: values(2, 1), weight: 1 },
        { values: values(6, null), weight: 3 },
        { values: values(100, 100), weight: 0 },
      ]),
    ).toEqual(values(5, 1));
    expect(weightedMeanIfn([])).toEqual(values(null, null));
  });

  describe("matching a current commune", () => {
    const commune = (code: string): CurrentCommune => ({
      code,
      name: code,
      departement: "16",
      region: "75",
      zone: "metro",
      population: null,
      postcodes: null,
      epci: null,
    });
    const rows = new Map<string, IfnRow>(
      [
        ["16015", values(5, 1)],
        ["16238", values(4, 2)],
        ["16999", values(8, 4)],
        ["75101", values(2, 2)],
        ["75102", values(6, 6)],
      ].map(([code, v]) => [code as string, { code: code as string, name: "", values: v as IfnValues }]),
    );
    const arrondissement = (code: string, population?: number): CogCommune => ({
      code,
      nom: code,
      type: "arrondissement-municipal",
      zone: "metro",
      departement: "75",
      region: "11",
      commune: "75056",
      ...(population === undefined ? {} : { population }),
    });

    it("takes the commune's own row first", () => {
      expect(matchCommuneIfn(commune("16015"), rows, ["16015", "16238"], [])).toEqual({ values: values(5, 1), source: "own", usedCodes: ["16015"] });
    });

    it("otherwise averages its former communes' rows, unweighted (no population for former communes)", () => {
      expect(matchCommuneIfn(commune("16023"), rows, ["16023", "16238", "16999", "16000"], [])).toEqual({
        values: values(6, 3),
        source: "parts-unweighted",
        usedCodes: ["16238", "16999"],
      });
    });

    it("weights its arrondissements by population when each has one, and not otherwise", () => {
      expect(matchCommuneIfn(commune("75056"), rows, ["75056"], [arrondissement("75101", 300), arrondissement("75102", 100)])).toEqual({
        values: values(3, 3),
        source: "parts-population-weighted",
        usedCodes: ["75101", "75102"],
      });
      expect(matchCommuneIfn(commune("75056"), rows, ["75056"], [arrondissement("75101", 300), arrondissement("75102")]).source).toBe(
        "parts-unweighted",
      );
    });

    it("has no values when neither the commune nor a part has a row", () => {
      expect(matchCommuneIfn(commune("16001"), rows, ["16001"], [])).toEqual({ values: null, source: "none", usedCodes: [] });
    });
  });
});
