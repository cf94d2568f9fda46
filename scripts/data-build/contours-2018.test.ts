import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCommuneContours2018, readFeatures } from "./contours-2018";

const polygon = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };

describe("data-build, 2018 contours", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-contours-"));
  afterAll(() => rmSync(dir, { recursive: true }));
  const file = (name: string, content: unknown): string => {
    const full = path.join(dir, name);
    writeFileSync(full, JSON.stringify(content));
    return full;
  };

  it("reads each feature's code, name and (multi)polygon", () => {
    const f = file("ok.geojson", {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: "16015", nom: "Angoulême" }, geometry: polygon }],
    });
    expect(readFeatures(f)).toEqual([{ code: "16015", name: "Angoulême", geometry: polygon }]);
  });

  it("refuses a feature without code or name, a geometry that is not an area, and a file that is not a collection", () => {
    const noName = file("noname.geojson", { type: "FeatureCollection", features: [{ type: "Feature", properties: { code: "16015" }, geometry: polygon }] });
    expect(() => readFeatures(noName)).toThrow(`${noName}: feature 0 has no code/nom`);
    const point = file("point.geojson", {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { code: "16015", nom: "Angoulême" }, geometry: { type: "Point", coordinates: [0, 0] } }],
    });
    expect(() => readFeatures(point)).toThrow(`${point}: feature 16015 is not a (Multi)Polygon`);
    const single = file("single.geojson", { type: "Feature", properties: {}, geometry: polygon });
    expect(() => readFeatures(single)).toThrow(`${single} is not a FeatureCollection`);
  });

  it("refuses a folder that does not hold the ~101 files of the départements", () => {
    file("communes-16-charente.geojson", { type: "FeatureCollection", features: [] });
    expect(() => loadCommuneContours2018(dir)).toThrow(`expected ~101 commune files in ${dir}, found 1`);
  });
});
