import { getRuntime } from "@/platform/runtime";
import { getCurrentActor } from "@/platform/web/actor";
import { signInPath } from "@/platform/web/guard";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { actorPolicy, noActor } from "@/modules/actors/policy";
import { actorsForExport } from "@/modules/actors/queries";
import { exportActors, exportFormats, isExportFormat } from "@/modules/actors/export";
import { parseActorFilters } from "@/modules/actors/validation";
import { readSingleSearchParams } from "@/platform/web/search-params";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The territory's actors (public fields, with the list's filters) as CSV, XLSX or ODS; members only. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isExportFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) return text("Territoire introuvable.", 404);
  const actor = await getCurrentActor();
  const url = new URL(request.url);
  if (!actorPolicy.export(actor, territory, noActor)) {
    if (actor.kind !== "user") return Response.redirect(new URL(signInPath(`/espace/${slug}/acteurs`), url), 303);
    return text("Vous n'avez pas les droits nécessaires pour cette action.", 403);
  }
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
