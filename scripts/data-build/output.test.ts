import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CurrentCommune } from "./cog";
import { folderSize, sumPopulation, tableJson, writeOutput } from "./output";

describe("data-build, output tables", () => {
  it("writes the metadata, the columns, then one row per line", () => {
    expect(
      tableJson({ source: "COG", millesime: "2026" }, ["code", "name", "population"], [
        ["16", "Charente", 350_000],
        ["17", "Charente-Maritime", null],
      ]),
    ).toBe(
      '{"source":"COG","millesime":"2026","columns":["code","name","population"],"rows":[\n["16","Charente",350000],\n["17","Charente-Maritime",null]\n]}\n',
    );
  });

  it("adds up the known populations, and has none when no commune has one", () => {
    const commune = (population: number | null): CurrentCommune => ({
      code: "16015",
      name: "",
      departement: "16",
      region: "75",
      zone: "metro",
      population,
      postcodes: null,
      epci: null,
    });
    expect(sumPopulation([commune(100), commune(null), commune(23)])).toBe(123);
    expect(sumPopulation([commune(null)])).toBeNull();
    expect(sumPopulation([])).toBeNull();
  });

  describe("files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-output-"));
    afterAll(() => rmSync(dir, { recursive: true }));

    it("creates the folders it writes into, and measures a folder with its subfolders", () => {
      writeOutput(path.join(dir, "contours", "16.topo.json"), "0123456789");
      writeOutput(path.join(dir, "communes.json"), "abc");
      mkdirSync(path.join(dir, "empty"));
      expect(readFileSync(path.join(dir, "contours", "16.topo.json"), "utf8")).toBe("0123456789");
      expect(folderSize(dir)).toBe(13);
    });
  });
});
