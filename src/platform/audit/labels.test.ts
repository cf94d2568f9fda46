import { describe, expect, it } from "vitest";
import { actionLabel, describeValues, entityLabel, fieldLabel, valueLabel } from "./labels";

const ctx = { communeNames: new Map([["16264", "Rouillac"], ["16015", "Angoulême"]]) };

describe("journal labels", () => {
  it("names entity types and actions in French", () => {
    expect(entityLabel("questionnaire_campaign")).toBe("Campagne de questionnaire");
    expect(entityLabel("actor_follow_up")).toBe("Suivi d'acteur");
    expect(actionLabel("publish")).toBe("Publication");
    expect(actionLabel("flag_suspect")).toBe("Signalement comme suspect");
  });

  it("falls back to readable words for unknown codes", () => {
    expect(entityLabel("budget_line")).toBe("Budget line");
    expect(actionLabel("archive")).toBe("Archive");
    expect(fieldLabel("someNewField")).toBe("some new field");
    expect(fieldLabel("other_field")).toBe("other field");
  });

  it("writes status, role and kind values in words", () => {
    expect(describeValues({ status: "draft" }, ctx)).toEqual([{ label: "statut", value: "brouillon" }]);
    expect(describeValues({ status: "to_mobilise", notes: "" }, ctx)).toEqual([
      { label: "statut", value: "à mobiliser" },
      { label: "notes", value: "(vide)" },
    ]);
    expect(valueLabel("role", "coordinator", ctx)).toBe("coordination");
    expect(valueLabel("kind", "epci", ctx)).toBe("intercommunalité");
    expect(valueLabel("status", "unheard_of", ctx)).toBe("unheard_of");
  });

  it("names communes instead of INSEE codes, keeping an unknown code visible", () => {
    expect(describeValues({ communes: [16264, "16015", "99999"] }, ctx)).toEqual([{ label: "communes", value: "Rouillac, Angoulême, 99999" }]);
    expect(valueLabel("communeCode", "16015", ctx)).toBe("Angoulême");
  });

  it("writes booleans, numbers, dates and nested records in French", () => {
    expect(describeValues({ anonymous: true, admin: false }, ctx)).toEqual([
      { label: "anonyme", value: "oui" },
      { label: "administration de la plateforme", value: "non" },
    ]);
    expect(valueLabel("communeCount", 1234, ctx)).toBe("1\u202f234");
    expect(valueLabel("expiresAt", "2026-03-01T09:30:00.000Z", ctx)).toBe("1 mars 2026 à 10:30");
    expect(valueLabel("levels", { status: "published" }, ctx)).toBe("statut : publié");
    expect(valueLabel("communes", [], ctx)).toBe("(aucun)");
    expect(describeValues(null, ctx)).toEqual([]);
  });
});
