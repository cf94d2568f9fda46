import { getRuntime } from "@/platform/runtime";
import { getCurrentActor } from "@/platform/web/actor";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { indicatorTemplate } from "@/modules/diagnostic/indicators";

/** The template of an indicators file: the territory's communes, one column to fill in. */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) return new Response("Territoire introuvable.", { status: 404 });
  if (!diagnosticPolicy.view(await getCurrentActor(), territory)) return new Response("Vous n'avez pas les droits nécessaires pour cette action.", { status: 403 });
  return new Response(await indicatorTemplate(db, territory.id), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="modele-indicateurs-${territory.slug}.csv"`, "cache-control": "private, no-store" },
  });
}
