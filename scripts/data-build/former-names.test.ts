import { describe, expect, it } from "vitest";
import type { Cog } from "./cog";
import { formerCommuneRows } from "./former-names";

const commune = (code: string, nom: string, type: string, chefLieu?: string) => ({ code, nom, type, zone: "metro", departement: code.slice(0, 2), region: "75", ...(chefLieu ? { chefLieu } : {}) });

describe("formerCommuneRows", () => {
  it("lists déléguées and merged 2018 communes under their current commune, without the current name itself", () => {
    const cog = {
      communes: [
        commune("16023", "Aunac-sur-Charente", "commune-actuelle"),
        commune("16023", "Aunac", "commune-deleguee", "16023"),
        commune("16238", "Moutonneau", "commune-deleguee", "16023"),
        commune("51230", "Épernay", "commune-actuelle"),
      ],
    } as unknown as Cog;
    const contours = [
      { code: "16238", name: "Moutonneau" },
      { code: "16999", name: "Vieille-Commune" },
      { code: "51230", name: "Épernay" },
    ];
    const successorOf = new Map([["16238", "16023"], ["16999", "16023"], ["51230", "51230"]]);
    expect(formerCommuneRows(cog, contours, successorOf)).toEqual([
      ["16023", "Aunac", "16023"],
      ["16238", "Moutonneau", "16023"],
      ["16999", "Vieille-Commune", "16023"],
    ]);
  });
});
