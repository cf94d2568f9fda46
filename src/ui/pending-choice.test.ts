import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormStateContext, PendingChoice } from "./form";

const piece = createElement(PendingChoice, { name: "code", label: "Périmètre choisi", children: "Cherchez d'abord le périmètre." });

describe("a choice still to be made elsewhere on the page (territory creation's perimeter)", () => {
  it("shows its name and what to do", () => {
    const html = renderToStaticMarkup(piece);
    expect(html).toContain('<p class="fr-label fr-mb-1w">Périmètre choisi</p>');
    expect(html).toContain("Cherchez d&#x27;abord le périmètre.");
    expect(html).not.toContain("fr-message--error");
  });

  it("after a failed send, shows the field's error under the field's name", () => {
    const state = { status: "error" as const, message: "Certains champs sont à corriger.", fieldErrors: { code: ["Aucun périmètre choisi : cherchez-le à l'étape 1, puis choisissez-le dans la liste des résultats."] } };
    const html = renderToStaticMarkup(createElement(FormStateContext.Provider, { value: state }, piece));
    expect(html).toContain("fr-input-group fr-input-group--error");
    expect(html).toContain('<p class="fr-message fr-message--error">Aucun périmètre choisi : cherchez-le à l&#x27;étape 1, puis choisissez-le dans la liste des résultats.</p>');
  });
});
