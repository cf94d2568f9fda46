/**
 * The communes the plan targets, drawn over the digital fragility index: the diagnostic's choropleth (its
 * classes, colours and contours: @/modules/diagnostic and @/modules/geo), with the targeted communes
 * outlined in a thick blue line. A standalone SVG; its legend and every figure are in tables beside it.
 */
import { territoryCommuneCodes } from "@/modules/territories";
import { cachedOutline } from "@/modules/geo";
import { choroplethSvg, classify, NO_VALUE } from "@/modules/diagnostic";
import type { Executor } from "@/platform/db/client";
import type { PlanReach } from "./reach";

export const TARGET_STROKE = "#000091";
const IFN = { decimals: 2, higherIsWorse: true, unit: "sur 10" } as const;

export type ReachMap = { svg: string; legend: { color: string; label: string; communes: number }[] };

// Drawn once per reach (kept with the version's view, document.ts) and outline.
const drawn = new WeakMap<PlanReach, { outline: object; map: ReachMap }>();

export async function reachMap(db: Executor, territory: { id: string; name: string; updatedAt: Date }, reach: PlanReach): Promise<ReachMap | null> {
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, () => territoryCommuneCodes(db, territory.id), { detailed: true });
  if (!outline) return null;
  const known = drawn.get(reach);
  if (known && known.outline === outline) return known.map;
  const map = drawReachMap(territory, reach, outline);
  drawn.set(reach, { outline, map });
  return map;
}

function drawReachMap(territory: { name: string }, reach: PlanReach, outline: NonNullable<Awaited<ReturnType<typeof cachedOutline>>>): ReachMap {
  const values = new Map(reach.communes.map((c) => [c.code, c.ifn]));
  const { classes, classOf } = classify([...values.values()], IFN);
  const base = choroplethSvg(outline, (code) => classes[classOf(values.get(code) ?? null)]?.color ?? NO_VALUE, `${territory.name} : communes visées par le plan d'action, sur l'indice de fragilité numérique`);
  const targeted = new Set(reach.communes.filter((c) => c.actions.length > 0).map((c) => c.code));
  const paths = outline.communes.filter((c) => targeted.has(c.code)).map((c) => c.d);
  const overlay = paths.length > 0 ? `<g fill="none" stroke="${TARGET_STROKE}" stroke-width="2.5" stroke-linejoin="round"><path d="${paths.join("")}"/></g>` : "";
  const svg = base.replace(/<\/svg>$/, `${overlay}</svg>`).replace(/^<svg /, '<svg focusable="false" style="max-width:100%;height:auto" ');
  return { svg, legend: classes.map((c) => ({ color: c.color, label: c.label, communes: c.communes })) };
}
