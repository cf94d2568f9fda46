import { describe, expect, it } from "vitest";
import { renderEchartsSvg } from "./svg-chart";

const option = {
  radar: { indicator: [{ name: "Accueil", max: 4 }, { name: "Équipement", max: 4 }, { name: "Évaluation", max: 4 }] },
  series: [{ type: "radar", data: [{ name: "Cette structure", value: [1, 3, 4] }] }],
};

describe("charts rendered on the server", () => {
  it("give an SVG image with a text alternative, escaped, that scales with its container", () => {
    const svg = renderEchartsSvg(option, { width: 400, height: 300 }, `Niveaux de « L'Atelier » <1 & 2>`);
    expect(svg.startsWith(`<svg role="img" aria-label="Niveaux de « L&#39;Atelier » &lt;1 &amp; 2&gt;"`)).toBe(true);
    expect(svg).toContain(`<title>Niveaux de « L&#39;Atelier » &lt;1 &amp; 2&gt;</title>`);
    expect(svg).toContain(`viewBox="0 0 400 300"`);
    expect(svg).toContain("max-width:100%");
    expect(svg).toContain(">Évaluation<");
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("draws the same chart the same way twice (each chart is disposed of; only its own CSS class names differ)", () => {
    const draw = () => renderEchartsSvg(option, { width: 200, height: 200 }, "a").replace(/zr\d+-cls-\d+/g, "zr-cls");
    expect(draw()).toBe(draw());
  });
});
