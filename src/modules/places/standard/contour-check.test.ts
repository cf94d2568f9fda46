import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { contourCheck, contourIssues } from "./contour-check";
import { validateFile } from "./normalize";
import type { NormalizedPlace } from "./schema";

// A place in Angoulême (16015); coordinates written by hand: the town hall, place de l'Hôtel de Ville.
const angouleme = { id: "lieu-1", pivot: "43493312300029", nom: "Médiathèque", commune: "Angoulême", code_postal: "16000", adresse: "1 place de l'Hôtel de Ville", date_maj: "2024-04-02" };
const file = (...records: object[]) => new TextEncoder().encode(JSON.stringify(records));
const check = (records: object[]) => validateFile(file(...records), "lieux.json", { check: contourCheck });

describe("the import checks a place's coordinates against its commune's contour", () => {
  it("says nothing of a point inside its commune", () => {
    const report = check([{ ...angouleme, latitude: 45.6484, longitude: 0.1561 }]);
    expect(report).toMatchObject({ accepted: 1, warned: 0, rejected: 0, issues: [] });
  });

  it("warns once, naming the coordinates, the distance and the commune, for a point 10+ km away; the place is kept where the file puts it", () => {
    // Cognac's town hall, 0.43° of longitude west of Angoulême's western edge (≈ 0.105° E): 0.434 × 77.8 km ≈ 34 km at 45.7° N.
    const report = check([{ ...angouleme, latitude: 45.6958, longitude: -0.3286 }]);
    expect(report).toMatchObject({ accepted: 0, warned: 1, rejected: 0 });
    expect(report.issues).toEqual([
      {
        line: 1,
        id: "lieu-1",
        field: "latitude",
        level: "warning",
        message: "Les coordonnées (latitude 45.6958, longitude -0.3286) tombent à 34\u00a0km de la commune Angoulême (16015) : vérifiez la latitude et la longitude, ou la commune de l'adresse.",
      },
    ]);
    expect(report.results[0]?.record).toMatchObject({ latitude: 45.6958, longitude: -0.3286, commune: "Angoulême" });
  });

  it("says that latitude and longitude seem swapped when the swapped point falls in the commune", () => {
    const report = check([{ ...angouleme, latitude: 0.1561, longitude: 45.6484 }]);
    expect(report.warned).toBe(1);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]?.message).toMatch(/^Les coordonnées \(latitude 0\.1561, longitude 45\.6484\) tombent à [\d\s\u00a0]+km de la commune Angoulême \(16015\) : la latitude et la longitude semblent inversées\.$/);
  });

  it("checks against the INSEE code the file gives, and keeps the other warnings of the line", () => {
    // A Cognac (16102) place whose point is Angoulême's town hall; its phone number is rewritten too.
    const report = check([{ ...angouleme, commune: "Cognac", code_postal: "16100", code_insee: "16102", telephone: "545 00 00 00", latitude: 45.6484, longitude: 0.1561 }]);
    expect(report.warned).toBe(1);
    const fields = report.issues.map((i) => i.field);
    expect(fields).toContain("telephone");
    expect(report.issues.filter((i) => i.field === "latitude").map((i) => i.message)).toEqual([
      expect.stringMatching(/^Les coordonnées \(latitude 45\.6484, longitude 0\.1561\) tombent à .+ de la commune Cognac \(16102\) : vérifiez/),
    ]);
  });

  it("cannot tell without coordinates, without a commune found, or without the commune's contour", () => {
    expect(check([angouleme]).issues).toEqual([]);
    const place = { ...angouleme, latitude: 45.6958, longitude: -0.3286 } as NormalizedPlace;
    expect(contourIssues(place, 1, "lieu-1", () => null)).toEqual([]);
    expect(contourIssues({ ...place, commune: "Nulle-Part", code_postal: "16000" }, 1, "lieu-1")).toEqual([]);
  });

  it("is not run by validateFile alone (normalizeRecord stays the browser's pure check)", () => {
    expect(validateFile(file({ ...angouleme, latitude: 45.6958, longitude: -0.3286 }), "lieux.json").warned).toBe(0);
  });
});

describe("on the national standard's real files", () => {
  const dir = "../shared/data/standard-mediation-numerique/datasets";
  const contourWarnings = (name: string) =>
    validateFile(fs.readFileSync(`${dir}/${name}`), name, { check: contourCheck })
      .issues.filter((i) => i.field === "latitude" && i.message.startsWith("Les coordonnées ("))
      .map((i) => `${i.line} ${i.message}`);

  it("Charente: one place out of its commune, CoCowork in Cognac whose longitude lost its minus sign", () => {
    // Line 145 of the file: « CoCowork », 34 rue Gabriel Jaulin, 16100 COGNAC, latitude 45.6915, longitude 0.3331:
    // Cognac lies at 0.33° W; 0.3331° E is some 50 km east, beyond Angoulême.
    expect(contourWarnings("20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json")).toEqual([
      "145 Les coordonnées (latitude 45.6915, longitude 0.3331) tombent à 49\u00a0km de la commune Cognac (16102) : vérifiez la latitude et la longitude, ou la commune de l'adresse.",
    ]);
  });

  it("Charente's France Services bus: the stop at Valence (Charente) placed near Aix-en-Provence", () => {
    // Line 4: « Bus France Services - [En face de la Mairie] », 16460 Valence, INSEE 16392, latitude 43.451334, longitude 5.411872.
    expect(contourWarnings("20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json")).toEqual([
      "4 Les coordonnées (latitude 43.451334, longitude 5.411872) tombent à 489\u00a0km de la commune Valence (16392) : vérifiez la latitude et la longitude, ou la commune de l'adresse.",
    ]);
  });
});
