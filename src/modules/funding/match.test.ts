import { describe, expect, it } from "vitest";
import { matchSource, matchSources, type MatchAction, type MatchSource } from "./match";

// Hand-written cases: an action in Soyaux (16374, Grand Angoulême 200071827, Charente 16, Nouvelle-Aquitaine 75).
const action: MatchAction = {
  themes: ["competences_base", "acces_droits"],
  leadLegalType: "association",
  places: { communes: ["16374"], epcis: ["200071827"], departements: ["16"], regions: ["75"] },
  startMonth: "2027-03-01",
  endMonth: "2027-12-01",
  amountNeeded: 12000,
};
const source = (over: Partial<MatchSource>): MatchSource => ({
  id: over.name ?? "s",
  name: "Source",
  local: false,
  aidKind: "subvention",
  themes: [],
  bearers: [],
  scopeKind: "national",
  scopeCodes: [],
  amountMin: null,
  amountMax: null,
  rateMax: null,
  deadlines: [],
  ...over,
});
const today = "2027-01-10";
/** French number formatting puts narrow no-break spaces in "12 000 €": compared with plain spaces. */
const plain = (xs: string[] | undefined) => xs?.map((s) => s.replace(/[\u00a0\u202f]/g, " "));

describe("matching funding sources to one action", () => {
  it("leaves out a source outside the action's perimeter, one that does not fund its bearer, one with no theme in common", () => {
    expect(matchSource(action, source({ scopeKind: "departement", scopeCodes: ["17"] }), today)).toBeNull();
    expect(matchSource(action, source({ bearers: ["collectivite"] }), today)).toBeNull();
    expect(matchSource(action, source({ themes: ["insertion"] }), today)).toBeNull();
  });

  it("says why a source fits: common themes first, perimeter, bearer, deadline before the start, ceiling, local", () => {
    const m = matchSource(
      action,
      source({
        name: "Fonds départemental",
        local: true,
        themes: ["acces_droits", "insertion"],
        bearers: ["association", "collectivite"],
        scopeKind: "departement",
        scopeCodes: ["16"],
        amountMax: 20000,
        deadlines: [
          { kind: "depot", date: "2026-11-30", label: "" },
          { kind: "depot", date: "2027-02-01", label: "" },
        ],
      }),
      today,
      { theme: (t) => ({ acces_droits: "Accès aux droits" })[t] ?? t, legalType: () => "Association", place: (c) => (c === "16" ? "Charente" : c) },
    );
    expect(plain(m?.reasons)).toEqual([
      "Thème commun : Accès aux droits.",
      "Finance sur le département où l'action a lieu : Charente.",
      "Le porteur de l'action (association) fait partie des porteurs éligibles.",
      "Prochaine échéance le 1er février 2027 (dans 22 jours), avant le début de l'action.",
      "Son plafond (20 000 €) couvre les 12 000 € à trouver.",
      "Source locale, connue de la coordination.",
    ]);
    expect(m?.cautions).toEqual([]);
    // 3 (one theme) + 2 (perimeter) + 1 (bearer) + 2 (deadline) + 1 (ceiling) + 1 (local)
    expect(m?.score).toBe(10);
    expect(m?.nextDeadline?.date).toBe("2027-02-01");
  });

  it("keeps with cautions: no lead chosen, a deadline after the start, a past call, a ceiling below the need, an action with no theme", () => {
    const noLead = matchSource({ ...action, leadLegalType: null }, source({ bearers: ["association"] }), today, { legalType: () => "Association" });
    expect(noLead?.cautions).toEqual(["Porteurs éligibles : Association. Choisissez le porteur de l'action pour le vérifier."]);
    expect(noLead?.score).toBe(-1);

    const late = matchSource(action, source({ deadlines: [{ kind: "depot", date: "2027-04-15", label: "" }] }), today);
    expect(late?.cautions).toEqual(["La prochaine échéance (15 avril 2027) tombe après le début de l'action : décaler le début ou financer la première période autrement."]);

    const past = matchSource(action, source({ deadlines: [{ kind: "depot", date: "2026-10-01", label: "" }] }), today);
    expect(past?.cautions).toEqual(["La dernière échéance connue (1er octobre 2026) est passée : guettez le prochain appel."]);
    expect(past?.nextDeadline).toBeNull();

    const small = matchSource(action, source({ amountMax: 5000 }), today);
    expect(plain(small?.cautions)).toEqual(["Plafond de 5 000 € : il faudra compléter les 12 000 € à trouver."]);

    const themeless = matchSource({ ...action, themes: [] }, source({ themes: ["insertion"] }), today);
    expect(themeless?.cautions).toEqual(["L'action n'a pas de thème : ajoutez-en pour des propositions plus justes."]);
  });

  it("ranks by score, then the soonest deadline, then the name", () => {
    const ranked = matchSources(
      action,
      [
        source({ name: "B national", themes: ["competences_base"] }),
        source({ name: "A national", themes: ["competences_base"] }),
        source({ name: "Deux thèmes", themes: ["competences_base", "acces_droits"] }),
        source({ name: "Échéance proche", themes: ["competences_base"], deadlines: [{ kind: "depot", date: "2027-01-20", label: "" }] }),
        source({ name: "Hors périmètre", scopeKind: "region", scopeCodes: ["84"] }),
        source({ name: "Région sans codes", scopeKind: "region", themes: ["competences_base"], amountMin: 50000 }),
      ],
      today,
    );
    // Deux thèmes 6; Échéance proche 3 + 2 = 5; A and B national 3 (by name); Région sans codes 3 − 2 (minimum above the need) = 1.
    expect(ranked.map((m) => [m.source.name, m.score])).toEqual([
      ["Deux thèmes", 6],
      ["Échéance proche", 5],
      ["A national", 3],
      ["B national", 3],
      ["Région sans codes", 1],
    ]);
  });
});
