import { describe, expect, it } from "vitest";
import { prefillNotice, readPrefill } from "./prefill";

describe("'En faire un constat': the findings form prefilled from an answer", () => {
  it("reads the answer's text and origin from the address", () => {
    const p = readPrefill({ origine: "answer", texte: "Pas d'ordinateur à la maison", ref: "questionnaire:q1:r1", provenance: "Questionnaire « Habitants », Q4" });
    expect(p).toEqual({ text: "Pas d'ordinateur à la maison", originRef: "questionnaire:q1:r1", originLabel: "Questionnaire « Habitants », Q4" });
    if (!p) throw new Error("no prefill");
    expect(prefillNotice(p)).toEqual({
      title: "Constat prérempli à partir d'une réponse : Questionnaire « Habitants », Q4",
      body: "Le texte de la réponse et sa provenance sont repris dans le formulaire ci-dessous. Choisissez s'il s'agit d'un atout ou d'un questionnement, reformulez le texte si besoin, puis ajoutez le constat.",
    });
  });

  it("without a provenance, names it as an answer; without a text, says so", () => {
    const p = readPrefill({ origine: "answer" });
    expect(p).toEqual({ text: "", originRef: "", originLabel: "Réponse à un questionnaire" });
    if (!p) throw new Error("no prefill");
    expect(prefillNotice(p).body).toBe("La provenance est reprise dans le formulaire ci-dessous, mais pas de texte : écrivez le constat, choisissez s'il s'agit d'un atout ou d'un questionnement, puis ajoutez-le.");
  });

  it("nothing to prefill on a plain visit, and a text too long is cut", () => {
    expect(readPrefill({})).toBeUndefined();
    expect(readPrefill({ origine: "typed", texte: "x" })).toBeUndefined();
    expect(readPrefill({ origine: "answer", texte: "a".repeat(2500) })?.text).toHaveLength(2000);
  });
});
