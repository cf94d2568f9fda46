import { openPortraitMap } from "../portrait-map";
import { choroplethSvg, classify, NO_VALUE } from "@/modules/diagnostic/map";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The choropleth image of the portrait (members only); its legend and values are in the page. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const opened = await openPortraitMap(request, slug);
  if (opened instanceof Response) return opened;
  const { territory, portrait, def, outline } = opened;
  if (!outline) return text("Pas de contour pour ce territoire.", 404);
  const values = new Map(portrait.rows.map((r) => [r.code, def.value(r)]));
  const { classes, classOf } = classify([...values.values()], def);
  const svg = choroplethSvg(outline, (code) => classes[classOf(values.get(code) ?? null)]?.color ?? NO_VALUE, `${territory.name} : ${def.label}`);
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=300" } });
}
