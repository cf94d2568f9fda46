import { isSpreadsheetFormat, spreadsheetFormats } from "@/platform/spreadsheet";
import { territoryRoute } from "@/modules/territories/web";
import { readStatsFilter } from "@/modules/accompaniments";
import { exportRecords, exportStats, isStatsExportDimension } from "@/modules/accompaniments/export";
import { statsPolicy } from "@/modules/accompaniments/stats-policy";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The statistics (`?par=theme|…` for one dimension in CSV; every dimension in XLSX/ODS) or, with
 * `?contenu=accompagnements`, the records one line each; the page's filters (du, au, lieu, commune) apply.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isSpreadsheetFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const search = new URL(request.url).searchParams;
  const records = search.get("contenu") === "accompagnements";
  const opened = await territoryRoute(request, slug, records ? statsPolicy.exportRecords : statsPolicy.exportStats, { signInBack: `/espace/${slug}/accompagnements/statistiques` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const { filter, errors } = readStatsFilter({ from: search.get("du") ?? undefined, to: search.get("au") ?? undefined, place: search.get("lieu") ?? undefined, commune: search.get("commune") ?? undefined });
  if (errors.length > 0) return text(errors.join("\n"), 400);
  const by = search.get("par") ?? "theme";
  if (!isStatsExportDimension(by)) return text(`Regroupement inconnu : « ${by} ».`, 400);
  const body = records ? await exportRecords(db, territory.id, filter, format) : await exportStats(db, territory.id, filter, format, by);
  const name = records ? `accompagnements-${territory.slug}` : format === "csv" ? `statistiques-accompagnements-${by}-${territory.slug}` : `statistiques-accompagnements-${territory.slug}`;
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: { "content-type": spreadsheetFormats[format], "content-disposition": `attachment; filename="${name}.${format}"`, "cache-control": "private, no-store" },
  });
}
