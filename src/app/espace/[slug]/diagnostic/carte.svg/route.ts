import { territoryCommuneCodes } from "@/modules/territories/queries";
import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { territoryPortrait, type IndicatorDef } from "@/modules/diagnostic/portrait";
import { cachedOutline } from "@/modules/geo/outline";
import { choroplethSvg, classify, NO_VALUE } from "@/modules/diagnostic/map";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The choropleth image of the portrait (members only); its legend and values are in the page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // An image: a signed-out person gets 403, no sign-in redirect.
  const opened = await territoryRoute(request, slug, diagnosticPolicy.view);
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const portrait = await territoryPortrait(db, territory.id);
  const wanted = new URL(request.url).searchParams.get("indicateur") ?? "ifn_total";
  const def = portrait.indicators.find((i) => i.id === wanted) ?? (portrait.indicators.find((i) => i.id === "ifn_total") as IndicatorDef);
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, () => territoryCommuneCodes(db, territory.id), { detailed: true });
  if (!outline) return text("Pas de contour pour ce territoire.", 404);
  const values = new Map(portrait.rows.map((r) => [r.code, def.value(r)]));
  const { classes, classOf } = classify([...values.values()], def);
  const svg = choroplethSvg(outline, (code) => classes[classOf(values.get(code) ?? null)]?.color ?? NO_VALUE, `${territory.name} : ${def.label}`);
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=300" } });
}
