import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { placesForMap } from "@/modules/places/queries";
import { parseFilters } from "@/modules/places/filters";
import { isOpenAt } from "@/modules/places/hours";

/** The places of the map as GeoJSON points, with the list's filters (the map and the list always agree). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, (await params).slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const query: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
  const filters = parseFilters(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.length === 1 ? v[0] : v])));
  const now = new Date();
  const keep = filters.openNow ? (hours: string | null) => (hours ? isOpenAt(hours, now)?.state === "open" : false) : undefined;
  const rows = await placesForMap(db, territory.id, filters, keep);
  const features = rows.map((r) => ({ type: "Feature", geometry: { type: "Point", coordinates: [r.lon, r.lat] }, properties: { id: r.id, n: r.name } }));
  return Response.json({ type: "FeatureCollection", features }, { headers: { "cache-control": "no-store" } });
}
