import { describe, expect, it } from "vitest";
import { fieldSpec, type NormalizedPlace } from "@/modules/places/standard/schema";
import { maxLengths } from "./limits";
import { changedFields, diffLines, fieldsOf, placeFieldsSchema } from "./payload";
import { buildRecord } from "./record";

const place: NormalizedPlace = {
  id: "lieu-1",
  nom: "Médiathèque",
  commune: "Angoulême",
  code_postal: "16000",
  adresse: "1 rue Hergé",
  date_maj: "2025-03-01",
  courriels: ["a@exemple.fr", "b@exemple.fr"],
  services: ["Aide aux démarches administratives"],
  publics_specifiquement_adresses: ["Seniors"],
};

describe("proposed fields", () => {
  it("the short presentation has the standard's own limit", () => {
    expect(maxLengths.presentation_resume).toBe(fieldSpec("presentation_resume").maxLength);
  });

  it("writes values in the standard's form", () => {
    const fields = placeFieldsSchema().parse({ ...fieldsOf(place), telephone: "05 45 00 00 00", courriel: "a@exemple.fr;  c@exemple.fr", site_web: "www.exemple.fr", horaires: "mo-fr 09:00-12:00", services: "Aide aux démarches administratives" });
    expect(fields).toMatchObject({ telephone: "+33545000000", courriel: "a@exemple.fr, c@exemple.fr", site_web: "https://www.exemple.fr", horaires: "Mo-Fr 09:00-12:00", services: ["Aide aux démarches administratives"] });
  });

  it("a correction keeps the changed fields only, and shows current → proposed", () => {
    const current = fieldsOf(place);
    const proposed = { ...current, commune: "Angoulême", adresse: "2 rue Hergé", services: [...current.services].reverse() };
    expect(changedFields(current, proposed)).toEqual({ adresse: "2 rue Hergé" });
    expect(diffLines(current, { adresse: "2 rue Hergé", message: "déménagé" })).toEqual([{ field: "adresse", label: "Adresse", current: "1 rue Hergé", proposed: "2 rue Hergé" }]);
  });

  it("a correction changes its fields in the standard record and keeps the others", () => {
    const built = buildRecord(place, { courriel: "c@exemple.fr", nom: "Médiathèque Alpha" }, { date: "2026-02-02" });
    expect(built).toEqual({ ok: true, record: { ...place, nom: "Médiathèque Alpha", courriels: ["c@exemple.fr"], date_maj: "2026-02-02" } });
  });
});
