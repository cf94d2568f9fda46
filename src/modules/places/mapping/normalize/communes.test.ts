import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { communeIndex, nameKey, readCommuneCell, resolveCommune } from "./communes";

const index = communeIndex();

describe("readCommuneCell", () => {
  it("cuts polluted cells to the commune's name", () => {
    expect(readCommuneCell("Épernay, Marne, Grand Est, FRA")).toEqual({ name: "Épernay", cedex: false, cut: true });
    expect(readCommuneCell("Angoulême Cedex 9")).toEqual({ name: "Angoulême", cedex: true, cut: true });
    expect(readCommuneCell("16017 CEDEX")).toEqual({ name: "", postcode: "16017", cedex: true, cut: true });
    expect(readCommuneCell("Angoulême (16)")).toEqual({ name: "Angoulême", cedex: false, cut: true });
    expect(readCommuneCell("Paris 15e Arrondissement")).toMatchObject({ name: "Paris" });
    expect(readCommuneCell("Bordeaux")).toEqual({ name: "Bordeaux", cedex: false, cut: false });
  });
  it("compares names as people write them", () => {
    expect(nameKey("St-Jean-d'Angély")).toBe(nameKey("Saint Jean d Angely"));
  });
});

describe("resolveCommune", () => {
  it("finds the commune from the postcode and name, with the official spelling", () => {
    expect(resolveCommune(index, { postcode: "23800", commune: "Dun Le Palestel" })).toMatchObject({ insee: "23075", name: "Dun-le-Palestel", postcode: "23800", notes: [] });
    expect(resolveCommune(index, { postcode: "51200", commune: "Épernay, Marne, Grand Est, FRA" })).toMatchObject({ insee: "51230", name: "Épernay", notes: [] });
  });
  it("a name's last words: the only commune of the département whose name ends so, else none, the candidates named", () => {
    // « Châtain » (23700) in La Creuse's file: no commune of the Creuse is called so (Chatain is in the Vienne).
    expect(resolveCommune(index, { postcode: "23700", commune: "Châtain" })).toMatchObject({
      insee: "23005",
      name: "Arfeuille-Châtain",
      postcode: "23700",
      notes: [{ field: "commune", message: "La commune « Châtain » a été lue comme Arfeuille-Châtain (23005), seule commune du département dont le nom finit ainsi." }],
    });
    // The commune of that name where the postcode says: unchanged.
    expect(resolveCommune(index, { postcode: "86250", commune: "Chatain" })).toMatchObject({ insee: "86063", notes: [] });
    // Two communes of the Charente end with « le Coq »: the postcode's one is taken…
    expect(resolveCommune(index, { postcode: "16130", commune: "Le Coq" })).toMatchObject({ insee: "16171", name: "Juillac-le-Coq" });
    // …and with a CEDEX code, that says nothing of which, none is guessed.
    expect(resolveCommune(index, { postcode: "16017", commune: "Coq" })).toEqual({
      notes: [
        {
          field: "commune",
          message: "La commune « Coq » peut être plusieurs communes du département dont le nom finit ainsi : Juillac-le-Coq (16171), Montignac-le-Coq (16227). Aucune n'est retenue : écrivez le nom complet.",
        },
      ],
    });
    // A whole word only: « Châtain » does not end Châtaincourt.
    expect(index.endingWith("Châtain").map((c) => c.code)).toEqual(["23005"]);
  });
  it("derives a missing postcode when the commune has only one", () => {
    expect(resolveCommune(index, { commune: "Épernay" })).toEqual({
      commune: expect.objectContaining({ code: "51230" }),
      insee: "51230",
      name: "Épernay",
      postcode: "51200",
      notes: [{ field: "code_postal", message: "Le code postal manquant a été déduit de la commune Épernay (51230) : « 51200 »." }],
    });
  });
  it("reads CEDEX codes", () => {
    const r = resolveCommune(index, { postcode: "16017 CEDEX", commune: "Angoulême Cedex 9" });
    expect(r).toMatchObject({ insee: "16015", name: "Angoulême", postcode: "16000" });
    expect(r.notes).toEqual([{ field: "code_postal", message: "Le code postal « 16017 CEDEX » est un code CEDEX : la commune Angoulême (16015) a été retenue, avec son code postal « 16000 »." }]);
  });
  it("finds a former commune in its commune nouvelle", () => {
    const r = resolveCommune(index, { postcode: "16460", commune: "Moutonneau" });
    expect(r).toMatchObject({ insee: "16023", name: "Aunac-sur-Charente" });
    expect(r.notes).toEqual([{ field: "commune", message: "« Moutonneau » est une ancienne commune, aujourd'hui Aunac-sur-Charente (16023) : c'est cette commune qui est retenue." }]);
  });
  it("prefers the address to a geocoder's INSEE code, naming both", () => {
    const r = resolveCommune(index, { postcode: "97400", commune: "Saint-Denis", insee: "29019" });
    expect(r).toMatchObject({ insee: "97411", name: "Saint-Denis" });
    expect(r.notes).toEqual([
      { field: "code_insee", message: "Le code INSEE « 29019 » (Brest) ne correspond pas à l'adresse (Saint-Denis (97411), code postal 97400) : le code de l'adresse est gardé." },
    ]);
  });
  it("uses the INSEE code alone, current or former", () => {
    expect(resolveCommune(index, { insee: "16015" })).toMatchObject({ insee: "16015", postcode: "16000" });
    expect(resolveCommune(index, { insee: "16238" })).toMatchObject({ insee: "16023" });
  });
  it("says when the name and the postcode disagree, and finds nothing rather than guessing", () => {
    expect(resolveCommune(index, { postcode: "16000", commune: "Bordeaux" }).notes[0]?.message).toBe(
      "La commune « Bordeaux » ne correspond pas au code postal « 16000 », qui est celui de Angoulême (16015) : la commune du code postal est gardée.",
    );
    expect(resolveCommune(index, { commune: "Saint-Denis" })).toEqual({ notes: [] });
    expect(resolveCommune(index, { commune: "Nulle-Part-sur-Mer" })).toEqual({ notes: [] });
  });
  it("never throws on any cells", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 6 }), (commune, postcode, insee) => {
        const r = resolveCommune(index, { commune, postcode, insee });
        expect(Array.isArray(r.notes)).toBe(true);
        if (r.commune) expect(r.insee).toBe(r.commune.code);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});
