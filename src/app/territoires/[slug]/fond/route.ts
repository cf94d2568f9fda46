import { getRuntime } from "@/platform/runtime";
import { baseLayer } from "@/modules/geo/outline";
import { findTerritoryBySlug, territoryCommuneCodes } from "@/modules/territories/queries";

const cache = new Map<string, string>();

/** The map's base layer (our own contours, no tile server), cached by territory version. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, (await params).slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const key = `${territory.id}-${territory.updatedAt.getTime()}`;
  const headers = { etag: `"${key}"`, "cache-control": "public, max-age=300, must-revalidate", "content-type": "application/geo+json; charset=utf-8" };
  if (request.headers.get("if-none-match") === `"${key}"`) return new Response(null, { status: 304, headers });
  let body = cache.get(key);
  if (!body) {
    body = JSON.stringify(baseLayer(await territoryCommuneCodes(db, territory.id)));
    cache.set(key, body);
    if (cache.size > 32) cache.delete(cache.keys().next().value as string);
  }
  return new Response(body, { headers });
}
