import { territoryRoute } from "@/modules/territories/web";
import { actorPolicy, noParticularActor } from "@/modules/actors/policy";
import { actorsForExport } from "@/modules/actors/queries";
import { exportActors, exportFormats, isExportFormat } from "@/modules/actors/export";
import { parseActorFilters } from "@/modules/actors/validation";
import { readSingleSearchParams } from "@/platform/web/search-params";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The territory's actors (public fields, with the list's filters) as CSV, XLSX or ODS; members only. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isExportFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const opened = await territoryRoute(request, slug, (principal, territory) => actorPolicy.export(principal, territory, noParticularActor), { signInBack: `/espace/${slug}/acteurs` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const url = new URL(request.url);
  const list = await actorsForExport(db, territory.id, parseActorFilters(readSingleSearchParams(url.searchParams)));
  const body = await exportActors(list, format);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      "content-type": exportFormats[format].type,
      "content-disposition": `attachment; filename="acteurs-${territory.slug}-${day}.${exportFormats[format].extension}"`,
      // Member-only data: never kept by a shared cache.
      "cache-control": "private, no-store",
    },
  });
}
