import { describe, expect, it } from "vitest";
import { minAreaKm2ForExtent, pruneArcs, triangleAreaKm2, type Topology } from "./topo";

describe("data-build, TopoJSON helpers", () => {
  it("sets the simplification threshold at 2.5 px² of an 800 px map of the extent", () => {
    // 8° tall at the equator: 8 × 111.32 km / 800 px = 1.1132 km per pixel; 2.5 × 1.1132² = 3.098 km².
    expect(minAreaKm2ForExtent([0, -4, 1, 4])).toBeCloseTo(3.098, 3);
    // At 60° N a degree of longitude is half as long: 16° wide counts as 8°.
    expect(minAreaKm2ForExtent([0, 59.99, 16, 60.01])).toBeCloseTo(3.098, 2);
  });

  it("measures a triangle in km², longitudes shortened by the cosine of the latitude", () => {
    // Half a square degree at the equator: 0.5 × 111.32² = 6196.07 km² (× cos(1/3°) ≈ 0.99998).
    expect(triangleAreaKm2([[0, 0], [1, 0], [0, 1]])).toBeCloseTo(6195.97, 1);
    // At 60°: half of it.
    expect(triangleAreaKm2([[0, 59.9], [0.2, 59.9], [0, 60.2]]) / triangleAreaKm2([[0, -0.1], [0.2, -0.1], [0, 0.2]])).toBeCloseTo(0.5, 2);
  });

  it("drops the arcs no geometry uses and renumbers the others, reversed ones included", () => {
    const topo: Topology = {
      type: "Topology",
      arcs: [
        [[0, 0], [1, 0]],
        [[5, 5], [6, 6]],
        [[1, 0], [0, 1], [0, 0]],
      ],
      objects: {
        communes: {
          type: "GeometryCollection",
          geometries: [
            { type: "Polygon", id: "16015", arcs: [[0, ~2]] },
            { type: "MultiPolygon", id: "16023", arcs: [[[2]]] },
          ],
        },
      },
    };
    const pruned = pruneArcs(topo);
    expect(pruned.arcs).toEqual([
      [[0, 0], [1, 0]],
      [[1, 0], [0, 1], [0, 0]],
    ]);
    expect(pruned.objects).toEqual({
      communes: {
        type: "GeometryCollection",
        geometries: [
          { type: "Polygon", id: "16015", arcs: [[0, ~1]] },
          { type: "MultiPolygon", id: "16023", arcs: [[[1]]] },
        ],
      },
    });
  });
});
