import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CurrentCommune } from "./cog";
import type { Contour2018 } from "./contours-2018";
import { buildDepartementContours, buildDepartementsTopology } from "./departement-contours";
import { pointInRings } from "./point";
import { areaObjectToGeoJson, type NamedAreaObject } from "./topo";
import type { Ring } from "./util";

/** Closed rectangle ring, counter-clockwise. */
const rectangle = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const part = (code: string, ring: Ring): Contour2018 => ({ code, name: code, geometry: { type: "Polygon", coordinates: [ring] } });
const commune = (code: string, name: string): CurrentCommune => ({
  code,
  name,
  departement: "16",
  region: "75",
  zone: "metro",
  population: null,
  postcodes: null,
  epci: null,
});

describe("data-build, contours of one département", () => {
  // Three 2018 communes side by side (0.1° squares); the last two are one commune today.
  const partsOf = new Map([
    ["16015", [part("16015", rectangle(0, 45, 0.1, 45.1))]],
    ["16023", [part("16023", rectangle(0.1, 45, 0.2, 45.1)), part("16238", rectangle(0.2, 45, 0.3, 45.1))]],
  ]);
  const members = [commune("16015", "Angoulême"), commune("16023", "Aunac-sur-Charente"), commune("16001", "Abzac")];

  it("makes one geometry per current commune with a contour, named, the merged one from both its parts", () => {
    const { topo, geo } = buildDepartementContours(members, partsOf);
    expect(topo).not.toBeNull();
    const object = topo?.objects["communes"];
    expect(object?.type).toBe("GeometryCollection");
    const geometries = object?.type === "GeometryCollection" ? (object.geometries as NamedAreaObject[]) : [];
    expect(geometries.map((g) => [g.id, g.properties?.name])).toEqual([
      ["16015", "Angoulême"],
      ["16023", "Aunac-sur-Charente"],
    ]);
    expect(geo.get("16015")?.parts).toBe(1);
    expect(geo.get("16023")?.parts).toBe(2);
    expect(geo.has("16001")).toBe(false);

    // The merged commune covers both former squares, without the border between them.
    const merged = geometries[1];
    if (!topo || !merged) throw new Error("no merged commune");
    const shape = areaObjectToGeoJson(topo, merged);
    const rings = shape.type === "Polygon" ? shape.coordinates : (shape.coordinates[0] ?? []);
    expect(rings).toHaveLength(1);
    const xs = (rings[0] ?? []).map((position) => position[0] ?? Number.NaN);
    expect(Math.min(...xs)).toBeCloseTo(0.1, 4);
    expect(Math.max(...xs)).toBeCloseTo(0.3, 4);
  });

  it("puts each commune's point inside its own contour", () => {
    const { geo } = buildDepartementContours(members, partsOf);
    const angouleme = geo.get("16015")?.point;
    const aunac = geo.get("16023")?.point;
    expect(angouleme && pointInRings(angouleme[0], angouleme[1], [rectangle(0, 45, 0.1, 45.1)])).toBe(true);
    expect(aunac && pointInRings(aunac[0], aunac[1], [rectangle(0.1, 45, 0.3, 45.1)])).toBe(true);
    expect(geo.get("16015")?.pointOutside).toBe(false);
  });

  it("writes no file for a département without any contour", () => {
    expect(buildDepartementContours([commune("97501", "Miquelon-Langlade")], partsOf)).toEqual({ topo: null, geo: new Map() });
  });

  describe("the map of all départements", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-dep-"));
    afterAll(() => rmSync(dir, { recursive: true }));

    it("names each département after the current COG, falling back on the contour's own name", () => {
      const file = path.join(dir, "departements.geojson");
      const featureOf = (code: string, nom: string, ring: Ring): unknown => ({
        type: "Feature",
        properties: { code, nom },
        geometry: { type: "Polygon", coordinates: [ring] },
      });
      writeFileSync(
        file,
        JSON.stringify({
          type: "FeatureCollection",
          features: [featureOf("17", "Charente-Maritime", rectangle(-1, 45, 0, 46)), featureOf("16", "CHARENTE", rectangle(0, 45, 1, 46))],
        }),
      );
      const topo = buildDepartementsTopology(new Map([["16", "Charente"]]), file);
      const object = topo.objects["departements"];
      const geometries = object?.type === "GeometryCollection" ? (object.geometries as NamedAreaObject[]) : [];
      expect(geometries.map((g) => [g.id, g.properties?.name])).toEqual([
        ["16", "Charente"],
        ["17", "Charente-Maritime"],
      ]);
      expect(topo.transform).toBeDefined(); // quantized: delta-encoded arcs
    });
  });
});
