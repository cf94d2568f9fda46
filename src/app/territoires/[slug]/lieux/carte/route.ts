import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { parseFilters } from "@/modules/places/filters";
import { mapAnswer, notModified } from "@/modules/places/map-data";
import { readSearchParams } from "@/platform/web/search-params";

/**
 * The places of the map as GeoJSON points, with the list's filters (the map and the list always agree).
 * Answers are built once per version and kept (see map-data.ts); the browser keeps them too and
 * revalidates with the ETag (304 when nothing changed).
 *
 * `?format=gzip`: the same GeoJSON as a gzip file, made once with the answer, for the map (which
 * inflates it in the browser). Plain JSON is gzipped again by Next.js on every request (~100 ms for
 * 20,000 places), since Next.js drops a route's own content-encoding.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, (await params).slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const filters = parseFilters(readSearchParams(url.searchParams));
  const answer = await mapAnswer(db, territory, filters, new Date());
  const file = url.searchParams.get("format") === "gzip";
  const etag = file ? answer.etag.replace(/"$/, '-gz"') : answer.etag;
  // no-transform: nothing on the way may recompress the gzip file.
  const headers = { "cache-control": file ? "no-cache, no-transform" : "no-cache", etag };
  if (notModified(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const body = file ? answer.gzip : answer.body;
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    headers: { ...headers, "content-type": file ? "application/gzip" : "application/json" },
  });
}
