/**
 * "En faire un constat": a free-text answer of a questionnaire (its results page) opens the findings
 * page with the form prefilled from the address (`origine=answer`, `texte`, `ref`, `provenance`). The
 * page puts that form first and says what it filled in and from where, so that the person is not left
 * at the top of a long list wondering what the click did.
 */
export type FindingPrefill = { text: string; originRef: string; originLabel: string };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const TEXT_FROM_ADDRESS = 2000;

/** The prefill carried by the address, if any. */
export function readPrefill(sp: Record<string, string | string[] | undefined>): FindingPrefill | undefined {
  if (one(sp.origine) !== "answer") return undefined;
  return {
    text: (one(sp.texte) ?? "").slice(0, TEXT_FROM_ADDRESS),
    originRef: one(sp.ref) ?? "",
    originLabel: (one(sp.provenance) ?? "").trim() || "Réponse à un questionnaire",
  };
}

/** The message above the prefilled form: what was filled in, from where, and what is left to do. */
export function prefillNotice(p: FindingPrefill): { title: string; body: string } {
  return {
    title: `Constat prérempli à partir d'une réponse : ${p.originLabel}`,
    body: p.text
      ? "Le texte de la réponse et sa provenance sont repris dans le formulaire ci-dessous. Choisissez s'il s'agit d'un atout ou d'un questionnement, reformulez le texte si besoin, puis ajoutez le constat."
      : "La provenance est reprise dans le formulaire ci-dessous, mais pas de texte : écrivez le constat, choisissez s'il s'agit d'un atout ou d'un questionnement, puis ajoutez-le.",
  };
}
