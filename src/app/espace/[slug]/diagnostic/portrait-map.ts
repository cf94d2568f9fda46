import { territoryCommuneCodes } from "@/modules/territories/queries";
import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { territoryPortrait, type IndicatorDef } from "@/modules/diagnostic/portrait";
import { cachedOutline } from "@/modules/geo/outline";

/**
 * What both answers of the portrait's map read (the image, carte.svg, and the interactive shapes,
 * carte.json): the territory for its members only (a signed-out person gets 403, no sign-in redirect:
 * these are not pages), the indicator asked (« indicateur », the IFN by default), the portrait and
 * the communes' shapes (null when the territory has no contour).
 */
export async function openPortraitMap(request: Request, slug: string) {
  const opened = await territoryRoute(request, slug, diagnosticPolicy.view);
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const portrait = await territoryPortrait(db, territory.id);
  const wanted = new URL(request.url).searchParams.get("indicateur") ?? "ifn_total";
  const def = portrait.indicators.find((i) => i.id === wanted) ?? (portrait.indicators.find((i) => i.id === "ifn_total") as IndicatorDef);
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, () => territoryCommuneCodes(db, territory.id), { detailed: true });
  return { territory, portrait, def, outline };
}
