import { getRuntime } from "@/platform/runtime";
import { cachedOutline, outlineSvg } from "@/modules/geo/outline";
import { findTerritoryBySlug, territoryCommuneCodes } from "@/modules/territories/queries";

/** The perimeter map as an SVG image: public like the territory page, cached by the browser. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, (await params).slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const etag = `"${territory.id}-${territory.updatedAt.getTime()}"`;
  const headers = { etag, "cache-control": "public, max-age=300, must-revalidate" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, () => territoryCommuneCodes(db, territory.id));
  if (!outline) return new Response("Contour indisponible.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(outlineSvg(outline, `Contour du territoire ${territory.name}`), {
    headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8" },
  });
}
