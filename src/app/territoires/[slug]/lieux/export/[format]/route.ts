import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { placesForExport } from "@/modules/places/queries";
import { exportCsv, exportJson } from "@/modules/places/standard/export";
import { exportGeoJson } from "@/modules/places/geojson";

const types = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8", geojson: "application/geo+json; charset=utf-8" } as const;

/** Open data: the territory's places in the national standard v1.0.2 (CSV, JSON) or as GeoJSON. */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!(format in types)) return new Response("Format inconnu : csv, json ou geojson.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const list = await placesForExport(db, territory.id);
  const body = format === "csv" ? exportCsv(list, { bom: true }) : format === "json" ? exportJson(list) : exportGeoJson(list).json;
  const kind = format as keyof typeof types;
  return new Response(body, {
    headers: { "content-type": types[kind], "content-disposition": `attachment; filename="lieux-${territory.slug}.${format}"` },
  });
}
