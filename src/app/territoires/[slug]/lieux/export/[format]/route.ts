import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { placesForExport } from "@/modules/places/queries";
import { exportCsv, exportJson } from "@/modules/places/standard/export";
import { exportGeoJson } from "@/modules/places/geojson";
import { dataInclusionJson } from "@/modules/places/data-inclusion/export";

const types = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8", geojson: "application/geo+json; charset=utf-8", "data-inclusion": "application/json; charset=utf-8" } as const;

/** Open data: the territory's places in the national standard v1.0.2 (CSV, JSON), as GeoJSON, or as data·inclusion structures and services. */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!(format in types)) return new Response("Format inconnu : csv, json, geojson ou data-inclusion.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const list = await placesForExport(db, territory.id);
  const body =
    format === "csv" ? exportCsv(list, { bom: true }) : format === "json" ? exportJson(list) : format === "data-inclusion" ? dataInclusionJson(list) : exportGeoJson(list).json;
  const kind = format as keyof typeof types;
  const filename = format === "data-inclusion" ? `lieux-${territory.slug}.data-inclusion.json` : `lieux-${territory.slug}.${format}`;
  return new Response(body, {
    headers: { "content-type": types[kind], "content-disposition": `attachment; filename="${filename}"` },
  });
}
