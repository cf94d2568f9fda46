import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { planPolicy } from "@/modules/plan/policy";
import { isPlanExportFormat, loadPlanDocument, planExportFormats, planFilename, writePlanExport } from "@/modules/plan/document";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The plan (working version, or `?version=N`) as XLSX, ODS, ODT or JSON; members only. The PDF has its own route (export/pdf). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isPlanExportFormat(format)) return text("Format inconnu : xlsx, ods, odt, json ou pdf.", 404);
  const opened = await territoryRoute(request, slug, planPolicy.view, { signInBack: `/espace/${slug}/plan/budget` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const wanted = new URL(request.url).searchParams.get("version");
  const number = wanted === null ? undefined : searchInt(wanted, { min: 1 });
  if (wanted !== null && number === undefined) return text("Numéro de version invalide.", 404);
  const doc = await loadPlanDocument(db, territory, { number });
  if (!doc) return text(number === undefined ? "Ce territoire n'a pas encore de plan d'action." : "Cette version du plan n'existe pas.", 404);
  const body = await writePlanExport(doc, format);
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      "content-type": planExportFormats[format],
      "content-disposition": `attachment; filename="${planFilename(doc, format)}"`,
      "cache-control": "private, no-store",
    },
  });
}
