import { describe, expect, it } from "vitest";
import { clusterName, clusterSize, clusterText, MAP_LOCALE_FR, placesMapLegend } from "./map-view";

describe("the places map in words", () => {
  it("names maplibre's controls in French, for every string maplibre knows", async () => {
    // The keys of maplibre's own table (src/ui/default_locale.ts): none may be left in English.
    const source = await import("node:fs").then((fs) => fs.readFileSync("node_modules/maplibre-gl/src/ui/default_locale.ts", "utf8"));
    const keys = [...source.matchAll(/'([A-Za-z]+\.[A-Za-z]+)':/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(MAP_LOCALE_FR, key).toHaveProperty(key as string);
    expect(MAP_LOCALE_FR["NavigationControl.ZoomIn"]).toBe("Zoomer");
    expect(MAP_LOCALE_FR["NavigationControl.ZoomOut"]).toBe("Dézoomer");
    expect(MAP_LOCALE_FR["AttributionControl.ToggleAttribution"]).toBe("Afficher ou masquer les sources de la carte");
    expect(MAP_LOCALE_FR["Popup.Close"]).toBe("Fermer");
  });

  it("writes a cluster's count as people read it, short enough for its circle", () => {
    expect(clusterText(2)).toBe("2");
    expect(clusterText(1234)).toBe("1\u202f234");
    expect(clusterText(12_345)).toBe("12,3\u00a0k");
  });

  it("names a cluster button by its count and what it does, with real plurals", () => {
    expect(clusterName(2)).toBe("2 lieux regroupés ici : zoomer pour les voir");
    expect(clusterName(1)).toBe("1 lieu regroupé ici : zoomer pour les voir");
  });

  it("draws larger circles for larger counts", () => {
    expect([clusterSize(3), clusterSize(42), clusterSize(420), clusterSize(4200)]).toEqual([26, 32, 40, 48]);
  });

  it("explains each mark of the map in its legend", () => {
    expect(placesMapLegend("Charente")).toEqual([
      { shape: "point", color: "#e1000f", label: "Un lieu de médiation numérique (cliquer pour son nom et sa fiche)" },
      { shape: "cluster", color: "#000091", label: "Plusieurs lieux proches, avec leur nombre (cliquer pour zoomer)" },
      { shape: "area", color: "#e3e3fd", label: "Communes du territoire : Charente" },
      { shape: "area", color: "#e5e5e5", label: "Communes voisines, hors du territoire" },
    ]);
  });
});
