import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { findPlace } from "@/modules/places/queries";
import { exportCsv, exportJson } from "@/modules/places/standard/export";
import { exportGeoJson } from "@/modules/places/geojson";
import { slugify } from "@/platform/text";

const types = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8", geojson: "application/geo+json; charset=utf-8" } as const;
const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** One place in the national standard v1.0.2 (CSV, JSON) or as GeoJSON: the same files as the territory's export. */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string; id: string; format: string }> }) {
  const { slug, id, format } = await params;
  if (!(format in types)) return text("Format inconnu : csv, json ou geojson.", 404);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  const place = territory ? await findPlace(db, territory.id, id) : undefined;
  if (!place) return text("Lieu introuvable.", 404);
  const list = [place.data];
  const body = format === "csv" ? exportCsv(list, { bom: true }) : format === "json" ? exportJson(list) : exportGeoJson(list).json;
  return new Response(body, {
    headers: { "content-type": types[format as keyof typeof types], "content-disposition": `attachment; filename="lieu-${slugify(place.name).slice(0, 60) || "sans-nom"}.${format}"` },
  });
}
