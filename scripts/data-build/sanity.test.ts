import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readContours, readTable } from "./sanity";

describe("data-build, reading the written files back", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-sanity-"));
  afterAll(() => rmSync(dir, { recursive: true }));
  const write = (file: string, content: unknown): void => writeFileSync(path.join(dir, file), JSON.stringify(content));

  it("reads a table into records by code", () => {
    write("regions.json", { source: "x", columns: ["code", "name", "population"], rows: [["75", "Nouvelle-Aquitaine", 6_000_000], ["76", "Occitanie", null]] });
    expect(Object.fromEntries(readTable("regions.json", dir))).toEqual({
      "75": { code: "75", name: "Nouvelle-Aquitaine", population: 6_000_000 },
      "76": { code: "76", name: "Occitanie", population: null },
    });
  });

  it("fails when codes are not strictly sorted (a duplicate included)", () => {
    write("unsorted.json", { columns: ["code"], rows: [["76"], ["75"]] });
    expect(() => readTable("unsorted.json", dir)).toThrow("data-build sanity check failed: unsorted.json: codes not strictly sorted at 75");
    write("twice.json", { columns: ["code"], rows: [["75"], ["75"]] });
    expect(() => readTable("twice.json", dir)).toThrow("codes not strictly sorted at 75");
  });

  it("reads a contours file's collection, and fails when it is missing", () => {
    write("16.topo.json", { type: "Topology", arcs: [], objects: { communes: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "16015", arcs: [] }] } } });
    expect(readContours("16.topo.json", "communes", dir).geometries.map((g) => g.id)).toEqual(["16015"]);
    expect(() => readContours("16.topo.json", "departements", dir)).toThrow('16.topo.json: no GeometryCollection "departements"');
  });
});
