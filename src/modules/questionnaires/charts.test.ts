import { describe, expect, it } from "vitest";
import { clearChartCache, questionChart } from "./ui/charts";
import type { QuestionResult } from "./results";

const result = (rows: { label: string; count: number; percent: number }[]): QuestionResult => ({
  id: "q1",
  number: 3,
  label: "Vous sentez-vous à l'aise <vraiment> ?",
  type: "single",
  answered: rows.reduce((s, r) => s + r.count, 0),
  rows: rows.map((r) => ({ value: r.label, ...r })),
  texts: [],
  textCount: 0,
});

describe("the bar chart of a question's answers", () => {
  it("is an image with its text alternative, one bar per answer in the table's order, as long as its percentage", () => {
    clearChartCache();
    const svg = questionChart(result([{ label: "Oui", count: 3, percent: 75 }, { label: "Non & peut-être", count: 1, percent: 25 }])) ?? "";
    const alt = "Q3. Vous sentez-vous à l&#39;aise &lt;vraiment&gt; ? : répartition des 4 réponses (une réponse par personne), détaillée dans le tableau.";
    expect(svg.startsWith(`<svg role="img" aria-label="${alt}"`)).toBe(true);
    expect(svg).toContain(`<title>${alt}</title>`);
    // The plot is 640 − 250 (labels) − 110 (counts) = 280 px wide: 75 % is 210 px, 25 % is 70 px.
    const bars = [...svg.matchAll(/<rect x="250" y="(\d+)" width="([\d.]+)" height="22" fill="#000091"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bars).toEqual([
      [12, 210],
      [42, 70],
    ]);
    expect(svg).toContain(">Oui</text>");
    expect(svg).toContain(">Non &amp; peut-être</text>");
    expect(svg).toContain(">3 (75 %)</text>");
    expect(svg).toContain(">1 (25 %)</text>");
    expect(svg).toContain('viewBox="0 0 640 92"');
  });

  it("draws nothing when nobody answered", () => {
    expect(questionChart(result([]))).toBeNull();
  });
});
