import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSuccessorIndex, currentCommunes, loadCog, type Cog, type CogCommune } from "./cog";

const commune = (fields: Partial<CogCommune> & Pick<CogCommune, "code" | "nom">): CogCommune => ({
  type: "commune-actuelle",
  zone: "metro",
  departement: "16",
  region: "75",
  ...fields,
});

const cog = (communes: CogCommune[], epci: Cog["epci"] = []): Cog => ({
  version: "6.0.0",
  millesime: "2026",
  communes,
  epci,
  departements: [],
  regions: [],
});

describe("data-build, current COG", () => {
  it("keeps the current communes, sorted by code, with their EPCI and their postcodes once each", () => {
    const result = currentCommunes(
      cog(
        [
          commune({ code: "16023", nom: "Aunac-sur-Charente", population: 700, codesPostaux: ["16460", "16230", "16460"] }),
          commune({ code: "16238", nom: "Moutonneau", type: "commune-deleguee", chefLieu: "16023" }),
          commune({ code: "16015", nom: "Angoulême", population: 41_000, codesPostaux: ["16000"] }),
          commune({ code: "16001", nom: "Abzac" }),
        ],
        [{ code: "200071827", nom: "GrandAngoulême", type: "CA", membres: [{ code: "16015" }] }],
      ),
    );
    expect(result).toEqual([
      { code: "16001", name: "Abzac", departement: "16", region: "75", zone: "metro", population: null, postcodes: null, epci: null },
      { code: "16015", name: "Angoulême", departement: "16", region: "75", zone: "metro", population: 41_000, postcodes: "16000", epci: "200071827" },
      { code: "16023", name: "Aunac-sur-Charente", departement: "16", region: "75", zone: "metro", population: 700, postcodes: "16230 16460", epci: null },
    ]);
  });

  it("refuses a commune that belongs to two EPCI", () => {
    const epci = [
      { code: "200071827", nom: "A", type: "CA", membres: [{ code: "16015" }] },
      { code: "241600303", nom: "B", type: "CC", membres: [{ code: "16015" }] },
    ];
    expect(() => currentCommunes(cog([commune({ code: "16015", nom: "Angoulême" })], epci))).toThrow(
      "commune 16015 is in two EPCI: 200071827 and 241600303",
    );
  });

  it("maps former codes to today's commune: itself, then the chef-lieu of a commune déléguée, then anciensCodes", () => {
    const { successorOf, disagreements } = buildSuccessorIndex(
      cog([
        commune({ code: "16023", nom: "Aunac-sur-Charente", anciensCodes: ["16238", "16999"] }),
        commune({ code: "16238", nom: "Moutonneau", type: "commune-deleguee", chefLieu: "16023" }),
        commune({ code: "60694", nom: "Les Hauts-Talican" }),
        commune({ code: "60455", nom: "La Neuville-Garnier", type: "commune-deleguee", chefLieu: "60694" }),
        commune({ code: "60054", nom: "Beaumont-les-Nonains", anciensCodes: ["60455"] }),
      ]),
    );
    expect(Object.fromEntries(successorOf)).toEqual({
      "16023": "16023",
      "60694": "60694",
      "60054": "60054",
      "16238": "16023",
      "60455": "60694",
      "16999": "16023",
    });
    expect(disagreements).toEqual(["60455: chefLieu 60694 vs anciensCodes of 60054"]);
  });

  describe("reading the package folder", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "data-build-cog-"));
    afterAll(() => rmSync(dir, { recursive: true }));
    const write = (file: string, content: unknown): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), typeof content === "string" ? content : JSON.stringify(content));
    };
    const writePackage = (communes: unknown[]): void => {
      write("package.json", { version: "6.0.0" });
      write("README.md", "| Année | Version du package |\n| --- | --- |\n| 2025 | 5.2.0 |\n| 2026 | 6.0.0 |\n");
      write("data/communes.json", communes);
      write("data/epci.json", [{ code: "200071827", nom: "GrandAngoulême", type: "CA", membres: [{ code: "16015" }] }]);
      write("data/departements.json", [{ code: "16", nom: "Charente", region: "75", zone: "metro" }]);
      write("data/regions.json", [{ code: "75", nom: "Nouvelle-Aquitaine", zone: "metro" }]);
    };

    it("reads the version, finds the millésime in the README's table, and reads the four tables", () => {
      writePackage([{ code: "16015", nom: "Angoulême", type: "commune-actuelle", zone: "metro", departement: "16", region: "75" }]);
      const loaded = loadCog(dir);
      expect(loaded.version).toBe("6.0.0");
      expect(loaded.millesime).toBe("2026");
      expect(loaded.communes.map((c) => c.code)).toEqual(["16015"]);
      expect(loaded.epci.map((e) => e.code)).toEqual(["200071827"]);
      expect(loaded.departements.map((d) => d.nom)).toEqual(["Charente"]);
      expect(loaded.regions.map((r) => r.nom)).toEqual(["Nouvelle-Aquitaine"]);
    });

    it("gives no millésime rather than a guess when the README does not list the version", () => {
      writePackage([]);
      write("README.md", "| Année | Version du package |\n| 2025 | 5.2.0 |\n");
      expect(loadCog(dir).millesime).toBeNull();
    });

    it("refuses an unknown commune type (the package would have changed meaning)", () => {
      writePackage([{ code: "16015", nom: "Angoulême", type: "commune-fusionnee", zone: "metro", departement: "16", region: "75" }]);
      expect(() => loadCog(dir)).toThrow();
    });
  });
});
