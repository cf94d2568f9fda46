import { describe, expect, it } from "vitest";
import { personalDataIn } from "./personal-data";
import { serviceThemes } from "./validation";

describe("the personal-data guard of free text", () => {
  // Written by hand: what a mediator might type about a person — each must be refused.
  it.each([
    ["Atelier avec jean.dupont@exemple.fr", "adresse électronique"],
    ["Rappeler au 06 12 34 56 78", "numéro de téléphone"],
    ["Rappeler au 0612345678", "numéro de téléphone"],
    ["tél. +33 6 12 34 56 78", "numéro de téléphone"],
    ["contact 05.45.00.00.00", "numéro de téléphone"],
    ["Accompagnement de M. Durand", "« M. », « Mme »"],
    ["Mme Martin et sa fille", "« M. », « Mme »"],
    ["Atelier pour Madame Leroy", "« M. », « Mme »"],
    ["Séance avec Jean Dupont", "« Jean Dupont »"],
    ["Fatima Benali : CAF", "« Fatima Benali »"],
    ["Atelier Jean-Pierre Moreau", "« Jean-Pierre Moreau »"],
    ["Aide à Hélène Girard", "« Hélène Girard »"],
  ])("refuses %j", (text, said) => {
    expect(personalDataIn(text)).toContain(said);
  });

  // Written by hand: titles of workshops that name no one — each must pass.
  it.each([
    "Prendre en main sa tablette",
    "Découvrir les courriels et la messagerie",
    "Déclarer ses impôts en ligne (impots.gouv)",
    "Atelier France Travail : créer son espace",
    "Sécurité : reconnaître un faux SMS de la CAF",
    "Mon Espace Santé, première connexion",
    "Visio avec la famille sur WhatsApp",
    "Atelier numérique du 12 mars 2026, salle 3",
    "Code de la route en ligne : 40 questions",
    "Maison France Services de Ruffec",
  ])("lets %j through", (text) => {
    expect(personalDataIn(text)).toBeUndefined();
  });

  it("a limit kept on purpose: a place named after a person is refused and must be rephrased", () => {
    expect(personalDataIn("Atelier au collège Victor Hugo")).toBeUndefined(); // « Victor » is not in the list: it passes
    expect(personalDataIn("Atelier à la médiathèque Louis Aragon")).toContain("« Louis Aragon »");
  });

  it("themes: the national standard's nine services", () => {
    expect(serviceThemes.map((t) => t.label)).toEqual([
      "Aide aux démarches administratives",
      "Maîtrise des outils numériques du quotidien",
      "Insertion professionnelle via le numérique",
      "Utilisation sécurisée du numérique",
      "Parentalité et éducation avec le numérique",
      "Loisirs et créations numériques",
      "Compréhension du monde numérique",
      "Accès internet et matériel informatique",
      "Acquisition de matériel informatique à prix solidaire",
    ]);
  });
});
