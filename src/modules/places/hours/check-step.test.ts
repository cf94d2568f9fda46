import { describe, expect, it } from "vitest";
import { hoursChecked } from "./check-step";

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};

describe("« Vérifier les horaires » without JavaScript: nothing saved, everything typed comes back", () => {
  it("understood: a success message, the typed French text and the other fields kept (services as a list)", () => {
    const state = hoursChecked(formOf([["nom", "Tiers-lieu"], ["horaires", "lun-ven 9h00-12h30"], ["services", "A"], ["services", "B"], ["verifier_horaires", "1"]]));
    expect(state.status).toBe("success");
    expect(state.message).toContain("Rien n'a encore été enregistré");
    expect(state.values).toEqual({ nom: "Tiers-lieu", horaires: "lun-ven 9h00-12h30", services: "B" });
    expect(state.lists).toEqual({ services: ["A", "B"] });
  });

  it("the grid, when used, becomes the text (its OSM value), so that the table shows it; the grid comes back empty", () => {
    const state = hoursChecked(formOf([["horaires", ""], ["grille_1_matin_debut", "09:00"], ["grille_1_matin_fin", "12:00"], ["grille_1_apres_debut", ""]]));
    expect(state.values?.horaires).toBe("Tu 09:00-12:00");
    expect(state.values?.grille_1_matin_debut).toBeUndefined();
  });

  it("an incomplete grid: its French error, the grid kept as typed", () => {
    const state = hoursChecked(formOf([["horaires", ""], ["grille_4_apres_debut", "14:00"]]));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.horaires).toEqual(["Vendredi après-midi : indiquez l'heure d'ouverture et l'heure de fermeture."]);
    expect(state.values?.grille_4_apres_debut).toBe("14:00");
  });

  it("not understood: the field's French error, the text kept as typed", () => {
    const state = hoursChecked(formOf([["horaires", "le matin tôt"]]));
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.horaires).toEqual(["Le mot «\u00a0tôt\u00a0» n'est pas compris. Écrivez par exemple «\u00a0du lundi au vendredi 9h-12h et 14h-17h\u00a0»."]);
    expect(state.values?.horaires).toBe("le matin tôt");
  });
});
