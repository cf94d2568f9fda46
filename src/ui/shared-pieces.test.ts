import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerTable } from "./answer-table";
import { FilterSelect } from "./filter-select";

// The markup the pages wrote by hand before these pieces existed, written out here by hand.
describe("filter select", () => {
  it("labels the select and offers an empty choice, then the options, the current one selected", () => {
    const html = renderToStaticMarkup(
      createElement(FilterSelect, { id: "constats-type", name: "type", label: "Type", value: "question", options: [{ value: "strength", label: "Atout" }, { value: "question", label: "Questionnement" }] }),
    );
    expect(html).toBe(
      '<div class="fr-select-group"><label class="fr-label" for="constats-type">Type</label><select class="fr-select" id="constats-type" name="type">' +
        '<option value="">Tous</option><option value="strength">Atout</option><option value="question" selected="">Questionnement</option></select></div>',
    );
  });

  it("words the empty choice as asked, keeps the page's grid classes, and takes its options as children when given so", () => {
    const worded = renderToStaticMarkup(createElement(FilterSelect, { className: "fr-col-12", id: "f-action", name: "action", label: "Opération", value: undefined, empty: "Toutes", options: [] }));
    expect(worded).toBe('<div class="fr-select-group fr-col-12"><label class="fr-label" for="f-action">Opération</label><select class="fr-select" id="f-action" name="action"><option value="" selected="">Toutes</option></select></div>');
    const grouped = renderToStaticMarkup(createElement(FilterSelect, { id: "indicateur", name: "indicateur", label: "Indicateur affiché", value: "b", children: createElement("optgroup", { label: "G" }, createElement("option", { value: "a" }, "A"), createElement("option", { value: "b" }, "B")) }));
    expect(grouped).toBe('<div class="fr-select-group"><label class="fr-label" for="indicateur">Indicateur affiché</label><select class="fr-select" id="indicateur" name="indicateur"><optgroup label="G"><option value="a">A</option><option value="b" selected="">B</option></optgroup></select></div>');
  });
});

describe("answer / count / share table", () => {
  it("shows each answer as a row header with its count and its share as the page writes it", () => {
    const html = renderToStaticMarkup(createElement(AnswerTable, { caption: "Q1. Âge", rows: [{ key: "a", label: "Moins de 25 ans", count: 1200, percent: 12.5 }], share: (p: number) => `${p} %` }));
    expect(html).toBe(
      '<div class="fr-table fr-table--sm"><table tabindex="0"><caption>Q1. Âge</caption><thead><tr><th scope="col">Réponse</th><th scope="col">Nombre</th><th scope="col">Part</th></tr></thead>' +
        '<tbody><tr><th scope="row">Moins de 25 ans</th><td>1\u202f200</td><td>12.5 %</td></tr></tbody></table></div>',
    );
  });
});
