/**
 * The choropleth: communes coloured by class of an indicator, drawn as SVG from our own contours (no
 * tile server), served as an image with its legend and table in the page, and reused in the État des
 * lieux. Classes are quantiles of the territory's values; the palettes are ColorBrewer sequential ones,
 * readable by colour-blind people; "no value" is a hatched light grey, never a colour of the scale.
 */
import type { Outline } from "@/modules/geo";
import { formatValue, type IndicatorDef } from "./portrait";

const WORSE = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];
const MORE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
export const NO_VALUE = "#e5e5e5";

export type LegendClass = { color: string; label: string; min: number; max: number; communes: number };
export type Classes = { classes: LegendClass[]; classOf: (v: number | null) => number };

/**
 * Up to 5 classes by quantiles of the distinct values (each class holds about as many communes);
 * with 5 distinct values or fewer, one class per value (a yes/no indicator has two).
 */
export function classify(values: readonly (number | null)[], def: Pick<IndicatorDef, "decimals" | "higherIsWorse" | "unit">, n = 5): Classes {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const distinct = [...new Set(known)];
  if (distinct.length === 0) return { classes: [], classOf: () => -1 };
  let bounds: [number, number][];
  if (distinct.length <= n) bounds = distinct.map((v) => [v, v]);
  else {
    const cuts: number[] = [];
    for (let k = 1; k < n; k++) {
      const q = known[Math.floor((k * known.length) / n)] ?? 0;
      if (!cuts.includes(q) && q > (distinct[0] ?? 0)) cuts.push(q);
    }
    // Classes [min, c1), [c1, c2), … [ck, max]: a value equal to a cut goes to the upper class.
    const edges = [distinct[0] ?? 0, ...cuts];
    bounds = edges.map((lo, i) => {
      const next = edges[i + 1];
      const hi = next === undefined ? (distinct.at(-1) ?? lo) : Math.max(...distinct.filter((v) => v < next));
      return [lo, hi];
    });
  }
  const palette = def.higherIsWorse ? WORSE : MORE;
  const pick = (i: number) => palette[Math.round((i * (palette.length - 1)) / Math.max(1, bounds.length - 1))] ?? palette[0] ?? NO_VALUE;
  const classOf = (v: number | null) => {
    if (v === null || !Number.isFinite(v)) return -1;
    for (let i = bounds.length - 1; i >= 0; i--) if (v >= (bounds[i]?.[0] ?? 0)) return i;
    return 0;
  };
  const counts = bounds.map(() => 0);
  for (const v of known) counts[classOf(v)] = (counts[classOf(v)] ?? 0) + 1;
  const unit = def.unit && def.unit !== "habitants" && def.unit !== "lieux" ? ` ${def.unit}` : "";
  const classes = bounds.map(([lo, hi], i) => ({
    color: pick(i),
    label: lo === hi ? `${formatValue(def, lo)}${unit}` : `de ${formatValue(def, lo)} à ${formatValue(def, hi)}${unit}`,
    min: lo,
    max: hi,
    communes: counts[i] ?? 0,
  }));
  return { classes, classOf };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A standalone SVG document of the communes coloured by class. */
export function choroplethSvg(outline: Outline, colorOf: (code: string) => string, title: string): string {
  const [, , width, height] = outline.viewBox.split(" ");
  const byColor = new Map<string, string[]>();
  for (const c of outline.communes) {
    const color = colorOf(c.code);
    const list = byColor.get(color) ?? [];
    list.push(c.d);
    byColor.set(color, list);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${outline.viewBox}" width="${width}" height="${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><pattern id="sans-valeur" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NO_VALUE}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" stroke-width="2"/></pattern></defs>`,
    `<rect width="100%" height="100%" fill="#f6f6f6"/>`,
    `<g fill="#eee" stroke="#ddd" stroke-width="0.5">${outline.neighbours.map((d) => `<path d="${d}"/>`).join("")}</g>`,
    ...[...byColor].map(([color, paths]) => `<g fill="${color === NO_VALUE ? "url(#sans-valeur)" : color}" stroke="#fff" stroke-width="0.4"><path d="${paths.join("")}"/></g>`),
    outline.border ? `<path d="${outline.border}" fill="none" stroke="#161616" stroke-width="1.5"/>` : "",
    "</svg>",
  ].join("");
}

/** One commune as the interactive map and the table beside it name it. */
export type MapCommune = { code: string; name: string; value: string; classLabel: string; color: string; text: string };

const collator = new Intl.Collator("fr");

/** The value as a sentence reads it: "5,21 sur 10", "12,5 km", "3 lieux", "oui" for a zone blanche. */
export function valueText(def: Pick<IndicatorDef, "id" | "decimals" | "unit">, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "pas de valeur";
  if (def.id === "white_zone") return v ? "oui" : "non";
  const n = formatValue(def, v);
  if (!def.unit) return n;
  // "1 habitant", "1 lieu": the unit's singular under 2 (French: 1,5 lieu is singular too).
  const unit = Math.abs(v) < 2 ? def.unit.replace(/^lieux$/, "lieu").replace(/^habitants$/, "habitant") : def.unit;
  return `${n}\u00a0${unit}`;
}

/**
 * The communes of the map in alphabetical order, each with its value, its class and the sentence the
 * map shows on hover and keyboard focus ("Angoulême — Indice de fragilité numérique (IFN) : 5,21 sur 10
 * (classe de 4,8 à 5,5 sur 10)").
 * `classes`/`classOf` come from `classify` over the same values, so the colours match the legend.
 */
export function mapCommunes(
  rows: readonly { code: string; name: string }[],
  value: (code: string) => number | null,
  def: Pick<IndicatorDef, "id" | "label" | "decimals" | "unit">,
  { classes, classOf }: Classes,
): MapCommune[] {
  return [...rows]
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
    .map((r) => {
      const v = value(r.code);
      const cls = classes[classOf(v)];
      const shown = valueText(def, v);
      const classLabel = cls ? cls.label : "pas de valeur";
      return {
        code: r.code,
        name: r.name,
        value: shown,
        classLabel,
        color: cls?.color ?? NO_VALUE,
        text: cls ? `${r.name} — ${def.label} : ${shown} (classe ${classLabel})` : `${r.name} — ${def.label} : pas de valeur`,
      };
    });
}
