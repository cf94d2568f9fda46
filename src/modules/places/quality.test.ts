import { describe, expect, it } from "vitest";
import { distanceText, qualityNotes } from "./quality";

const complete = { commune: "Angoulême", horaires: "Mo-Fr 09:00-12:00", telephone: "+33545361950" };

describe("the data-quality notes of a place", () => {
  it("says nothing of a complete place whose point lies in its commune", () => {
    expect(qualityNotes({ lat: 45.6484, lon: 0.1561, communeCode: "16015", data: complete })).toEqual([]);
  });

  it("warns when the point falls outside its commune, with the distance, without blocking anything", () => {
    // Cognac's town hall, recorded for a place in Angoulême.
    const [note, ...rest] = qualityNotes({ lat: 45.6958, lon: -0.3286, communeCode: "16015", data: complete });
    expect(rest).toEqual([]);
    expect(note?.level).toBe("warning");
    expect(note?.text).toMatch(/^Les coordonnées du lieu \(latitude 45,6958, longitude -0,3286\) tombent hors de leur commune, Angoulême, à \d+\u00a0km de ses limites\. Vérifiez la position, ou la commune de l'adresse\.$/);
  });

  it("recognises latitude and longitude swapped", () => {
    const [note] = qualityNotes({ lat: 0.1561, lon: 45.6484, communeCode: "16015", data: complete });
    expect(note?.text).toContain("La latitude et la longitude semblent inversées.");
  });

  it("stays silent when the commune's contour is not held (cannot tell), and uses the check it is given", () => {
    expect(qualityNotes({ lat: 45.6958, lon: -0.3286, communeCode: "16015", data: complete }, () => null)).toEqual([]);
    expect(qualityNotes({ lat: 1, lon: 2, communeCode: "16015", data: complete }, () => ({ inside: false, distanceM: 850 }))[0]?.text).toContain("à 850\u00a0m de ses limites");
  });

  it("notes a place without coordinates, hours or contact", () => {
    expect(qualityNotes({ lat: null, lon: null, communeCode: "16015", data: { commune: "Angoulême" } }).map((n) => n.text)).toEqual([
      "Pas de coordonnées (latitude, longitude) : le lieu n'apparaît pas sur la carte et n'est pas compté dans les distances du portrait.",
      "Horaires non renseignés : les habitants doivent contacter le lieu avant de se déplacer.",
      "Aucun contact (téléphone, courriel ou site) : les habitants ne peuvent que se déplacer.",
    ]);
  });

  it("writes distances as people say them", () => {
    expect(distanceText(846)).toBe("850\u00a0m");
    expect(distanceText(1234)).toBe("1,2\u00a0km");
    expect(distanceText(41_700)).toBe("42\u00a0km");
  });
});
