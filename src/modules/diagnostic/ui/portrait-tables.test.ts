import { describe, expect, it } from "vitest";
import type { IndicatorDef, Portrait, PortraitRow } from "../portrait";
import { communeTableHtml, mapCommunesTableHtml } from "./portrait-tables";

// A portrait as the page receives it, reduced to what the tables read (rows and indicators).
const row = (code: string, name: string, population: number, whiteZone: boolean | null, custom: number | null) => ({ code, name, population, whiteZone, custom: { c: custom } }) as unknown as PortraitRow;
const population: IndicatorDef = { id: "population", label: "Population", unit: "habitants", group: "Population", decimals: 0, higherIsWorse: false, value: (r) => r.population };
const whiteZone: IndicatorDef = { id: "white_zone", label: "Zone blanche", unit: "", group: "Couverture", decimals: 0, higherIsWorse: true, value: (r) => (r.whiteZone === null ? null : r.whiteZone ? 1 : 0) };
// A coordinator's own indicator: its label is free text.
const hostile: IndicatorDef = { id: "custom:c", label: `Taux <b>"x"</b> & co`, unit: "%", group: "Indicateurs du territoire", decimals: 1, higherIsWorse: true, value: (r) => r.custom.c ?? null };
const makePortrait = () =>
  ({ rows: [row("16015", "Angoulême", 41_711, false, 12.5), row("16001", "Abzac", 196, true, null), row("16102", "Cognac", 18_670, null, 3)], indicators: [population, whiteZone, hostile] }) as unknown as Portrait;
const base = "/espace/trio/diagnostic";
const cellsOf = (markup: string) => [...markup.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map(([, head, cells]) => [head, ...[...(cells ?? "").matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1])]);

describe("the table of communes as kept markup", () => {
  it("shows one page of rows in the order asked, with the caption saying which, sort links keeping the map's indicator", () => {
    const portrait = makePortrait();
    const byPopulation = () => [...portrait.rows].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const markup = communeTableHtml(portrait, { base, mapped: hostile, columns: [population, whiteZone, hostile], sortBy: population, descending: true, page: 1, pageSize: 2, sorted: byPopulation }).__html;
    expect(markup).toContain('<caption>3 communes, triées par population (décroissant)</caption>');
    expect(cellsOf(markup)).toEqual([
      ['Angoulême <span class="fr-text--xs">(16015)</span>', "41\u202f711", "non", "12,5"],
      ['Cognac <span class="fr-text--xs">(16102)</span>', "18\u202f670", "—", "3"],
    ]);
    // The active column says its order and offers the other one; the others sort descending first.
    expect(markup).toContain('<th scope="col" aria-sort="descending"><a href="/espace/trio/diagnostic?indicateur=custom%3Ac&amp;tri=population&amp;ordre=asc&amp;page=1">Population<span class="fr-sr-only">, trié décroissant, cliquer pour croissant</span></a></th>');
    expect(markup).toContain('<a href="/espace/trio/diagnostic?indicateur=custom%3Ac">Commune</a>');
    // The coordinator's label is text, never markup.
    expect(markup).toContain("Taux &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; co (%)<span");
    expect(markup).not.toContain("<b>");
    expect(markup.startsWith('<table tabindex="0">')).toBe(true);
  });

  it("is kept per portrait, order and page: the rows are sorted again only for a new portrait or a new view", () => {
    const portrait = makePortrait();
    let sorts = 0;
    const byName = () => {
      sorts++;
      return [...portrait.rows].sort((a, b) => a.name.localeCompare(b.name));
    };
    const view = { base, mapped: population, columns: [population], sortBy: null, descending: true, page: 2, pageSize: 2, sorted: byName };
    const first = communeTableHtml(portrait, view);
    expect(cellsOf(first.__html)).toEqual([['Cognac <span class="fr-text--xs">(16102)</span>', "18\u202f670"]]);
    expect(first.__html).toContain('<caption>3 communes, par ordre alphabétique</caption>');
    expect(first.__html).toContain('<th scope="col" aria-sort="ascending"><a href="/espace/trio/diagnostic?indicateur=population">Commune</a></th>');
    expect(communeTableHtml(portrait, view)).toBe(first);
    expect(sorts).toBe(1);
    expect(cellsOf(communeTableHtml(portrait, { ...view, page: 1 }).__html).map((r) => r[0])).toEqual(['Abzac <span class="fr-text--xs">(16001)</span>', 'Angoulême <span class="fr-text--xs">(16015)</span>']);
    expect(sorts).toBe(2);
    // A changed territory, place or setting is a new portrait: its table is made again, with its own rows.
    const changed = makePortrait();
    changed.rows[2] = row("16102", "Cognac", 19_000, null, 3);
    expect(cellsOf(communeTableHtml(changed, { ...view, sorted: () => [...changed.rows].sort((a, b) => a.name.localeCompare(b.name)) }).__html)).toEqual([['Cognac <span class="fr-text--xs">(16102)</span>', "19\u202f000"]]);
  });
});

describe("the communes beside the map as kept markup", () => {
  it("lists each commune with its value and class, the colour hidden from screen readers", () => {
    const portrait = makePortrait();
    const markup = mapCommunesTableHtml(portrait, hostile, () => [{ code: "16001", name: "Abzac", value: "—", classLabel: "pas de valeur", color: "#eee", text: "" }]).__html;
    expect(markup).toBe(
      '<table tabindex="0"><caption>Communes de la carte, par ordre alphabétique</caption><thead><tr><th scope="col">Commune</th><th scope="col">Taux &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; co</th><th scope="col">Classe</th></tr></thead>' +
        '<tbody><tr><th scope="row">Abzac</th><td>—</td><td><span aria-hidden="true" style="display:inline-block;width:0.9rem;height:0.9rem;background:#eee;border:1px solid #666;vertical-align:middle;margin-right:0.35rem"></span>pas de valeur</td></tr></tbody></table>',
    );
  });
});
