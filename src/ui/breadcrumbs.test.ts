import { describe, expect, it } from "vitest";
import { crumbLabel, territoryCrumbs } from "./breadcrumbs";

describe("breadcrumb pieces", () => {
  it("a public page of a territory: Territoires › the territory (after the common root, Accueil)", () => {
    expect(territoryCrumbs({ slug: "charente", name: "Charente" })).toEqual([
      { label: "Territoires", href: "/territoires" },
      { label: "Charente", href: "/territoires/charente" },
    ]);
  });

  it("an item named by a long text: spaces folded, cut to the length given with an ellipsis", () => {
    expect(crumbLabel("Peu de lieux   ouverts\nle samedi")).toBe("Peu de lieux ouverts le samedi");
    expect(crumbLabel("Les personnes âgées des communes rurales ne trouvent pas d'aide près de chez elles", 30)).toBe("Les personnes âgées des commu…");
  });
});
