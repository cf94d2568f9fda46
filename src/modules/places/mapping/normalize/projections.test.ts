import { describe, expect, it } from "vitest";
import { detectProjection, projectionLabel, readNumber, toWgs84 } from "./projections";

describe("toWgs84", () => {
  it("puts each projection's origin where its definition says", () => {
    // Lambert-93: (700 000, 6 600 000) is 3° E, 46.5° N by definition; CC zones: (1 700 000, y0) is 3° E, their latitude.
    expect(toWgs84("2154", 700_000, 6_600_000)).toEqual({ lon: 3, lat: 46.5 });
    expect(toWgs84("3946", 1_700_000, 5_200_000)).toEqual({ lon: 3, lat: 46 });
    expect(toWgs84("3942", 1_700_000, 1_200_000)).toEqual({ lon: 3, lat: 42 });
    // UTM: the central meridian at easting 500 000 (Réunion zone 40: 57° E; Guyane zone 22: 51° W).
    expect(toWgs84("2975", 500_000, 10_000_000)).toEqual({ lon: 57, lat: 0 });
    expect(toWgs84("2972", 500_000, 0)).toEqual({ lon: -51, lat: 0 });
  });
  it("converts Web Mercator by its formula, and inverted degrees", () => {
    // x = R·λ, y = R·ln(tan(π/4 + φ/2)), R = 6 378 137 m: Notre-Dame de Paris (2.3499° E, 48.853° N).
    const R = 6_378_137;
    const rad = Math.PI / 180;
    const p = toWgs84("3857", R * 2.3499 * rad, R * Math.log(Math.tan(Math.PI / 4 + (48.853 * rad) / 2)));
    expect(p?.lon).toBeCloseTo(2.3499, 5);
    expect(p?.lat).toBeCloseTo(48.853, 5);
    expect(toWgs84("4326-inverse", 44.84, -0.58)).toEqual({ lon: -0.58, lat: 44.84 });
    expect(toWgs84("2154", Number.NaN, 1)).toBeNull();
  });
  it("reads numbers written the French way", () => {
    expect(readNumber("6 543 210,5")).toBe(6543210.5);
    expect(readNumber("x")).toBeNaN();
  });
});

describe("detectProjection", () => {
  it("proposes the projection the values fit, with its French label", () => {
    expect(detectProjection([[477_813, 6_514_170], ["652 469", "6861825,3"]])).toEqual({ code: "2154", label: "Lambert-93 (EPSG:2154)", share: 1 });
    expect(detectProjection([[1_652_311, 8_181_692]])?.code).toBe("3949");
    expect(detectProjection([[261_598, 6_250_570], [17_370, 5_710_000]])?.code).toBe("3857");
    expect(detectProjection([[-0.58, 44.84], [0.156, 45.648]])?.code).toBe("4326");
    // Gironde's export: « Coord. X » holds the latitude, « Coord. Y » the longitude.
    expect(detectProjection([[44.839574881764, -0.58023800736287]])).toMatchObject({ code: "4326-inverse", label: "WGS84, degrés décimaux, latitude et longitude inversées" });
    expect(detectProjection([[338_600, 7_689_600]])?.code).toBe("2975");
    expect(detectProjection([[700_000, 1_600_000]])).toMatchObject({ code: "5490" }); // Guadeloupe
    expect(detectProjection([[350_000, 550_000]])).toMatchObject({ code: "2972" }); // Cayenne
    expect(detectProjection([[515_000, 8_586_000]])).toMatchObject({ code: "4471" }); // Mamoudzou
  });
  it("proposes nothing when the values fit nowhere in France", () => {
    expect(detectProjection([])).toBeNull();
    expect(detectProjection([["abc", "def"]])).toBeNull();
    expect(detectProjection([[-74, 40.7]])).toBeNull(); // New York
  });
  it("labels in French", () => {
    expect(projectionLabel("3946")).toBe("Lambert conique conforme CC46 (EPSG:3946)");
  });
});
