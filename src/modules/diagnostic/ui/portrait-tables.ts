/**
 * The two long tables of the diagnostic page, as markup kept per portrait: the table of communes (one page
 * of 50 rows in a chosen order) and the communes beside the map (up to 1,000 rows: Charente's 365). They
 * were half the elements of the page, rendered by React twice on every view (HTML and RSC payload); the
 * portrait is cached per territory, places, settings and indicators version and never mutated, so its
 * tables are the same until it changes, and kept with it (a new portrait is a new key; the old one and
 * its tables go together). Links are plain links: sorting or paging reloads the page, as without JavaScript.
 */
import { html, tableHtml, type Html } from "@/ui/html";
import { formatNumber } from "@/platform/text";
import { formatValue, type IndicatorDef, type Portrait, type PortraitRow } from "../portrait";
import type { MapCommune } from "../map";

/** Kept tables per portrait (each view of another order, page or indicator adds one; the oldest goes first). */
const TABLES_PER_PORTRAIT = 64;
const kept = new WeakMap<Portrait, Map<string, Html>>();

function keep(portrait: Portrait, key: string, make: () => Html): Html {
  let perPortrait = kept.get(portrait);
  if (!perPortrait) kept.set(portrait, (perPortrait = new Map()));
  const known = perPortrait.get(key);
  if (known) return known;
  const made = make();
  const oldest = perPortrait.keys().next();
  if (perPortrait.size >= TABLES_PER_PORTRAIT && !oldest.done) perPortrait.delete(oldest.value);
  perPortrait.set(key, made);
  return made;
}

export type CommuneTableView = {
  /** The page's address, without query (`/espace/<slug>/diagnostic`). */
  base: string;
  /** The indicator on the map (kept in every link). */
  mapped: IndicatorDef;
  columns: IndicatorDef[];
  sortBy: IndicatorDef | null;
  descending: boolean;
  page: number;
  pageSize: number;
  /** The rows in the chosen order (asked only when the table is not kept yet). */
  sorted: () => PortraitRow[];
};

/** The table of communes for one order and page (`<table>` for a `.fr-table`), kept per portrait. */
export function communeTableHtml(portrait: Portrait, view: CommuneTableView): Html {
  const { base, mapped, columns, sortBy, descending, page, pageSize } = view;
  const key = JSON.stringify(["communes", base, mapped.id, columns.map((c) => c.id), sortBy?.id ?? null, descending, page, pageSize]);
  return keep(portrait, key, () => {
    const query = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ indicateur: mapped.id, ...(sortBy ? { tri: sortBy.id, ordre: descending ? "desc" : "asc" } : {}), ...extra }).toString()}`;
    const caption = `${formatNumber(portrait.rows.length)} communes${sortBy ? `, triées par ${sortBy.label.toLowerCase()} (${descending ? "décroissant" : "croissant"})` : ", par ordre alphabétique"}`;
    const head = html`<tr><th scope="col"${sortBy ? "" : html` aria-sort="ascending"`}><a href="${`${base}?indicateur=${encodeURIComponent(mapped.id)}`}">Commune</a></th>${columns.map((c) => {
      const active = sortBy?.id === c.id;
      const sort = active ? html` aria-sort="${descending ? "descending" : "ascending"}"` : "";
      const hint = active ? (descending ? ", trié décroissant, cliquer pour croissant" : ", trié croissant, cliquer pour décroissant") : ", cliquer pour trier";
      return html`<th scope="col"${sort}><a href="${query({ tri: c.id, ordre: active && descending ? "asc" : "desc", page: "1" })}">${c.label}${c.unit && c.unit !== "habitants" ? ` (${c.unit})` : ""}<span class="fr-sr-only">${hint}</span></a></th>`;
    })}</tr>`;
    const shown = view.sorted().slice((page - 1) * pageSize, page * pageSize);
    const body = shown.map(
      (r) =>
        html`<tr><th scope="row">${r.name} <span class="fr-text--xs">(${r.code})</span></th>${columns.map(
          (c) => html`<td>${c.id === "white_zone" ? (r.whiteZone === null ? "—" : r.whiteZone ? "oui" : "non") : formatValue(c, c.value(r))}</td>`,
        )}</tr>`,
    );
    return tableHtml(caption, head, body);
  });
}

/** The communes beside the map (name, value, class with its colour), kept per portrait and indicator. */
export function mapCommunesTableHtml(portrait: Portrait, mapped: IndicatorDef, communes: () => MapCommune[]): Html {
  return keep(portrait, JSON.stringify(["map", mapped.id]), () =>
    tableHtml(
      "Communes de la carte, par ordre alphabétique",
      html`<tr><th scope="col">Commune</th><th scope="col">${mapped.label}</th><th scope="col">Classe</th></tr>`,
      communes().map(
        (c) =>
          html`<tr><th scope="row">${c.name}</th><td>${c.value}</td><td><span aria-hidden="true" style="${`display:inline-block;width:0.9rem;height:0.9rem;background:${c.color};border:1px solid #666;vertical-align:middle;margin-right:0.35rem`}"></span>${c.classLabel}</td></tr>`,
      ),
    ),
  );
}
