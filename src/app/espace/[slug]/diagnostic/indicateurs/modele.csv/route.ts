import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { indicatorTemplate } from "@/modules/diagnostic/indicators";

/** The template of an indicators file: the territory's communes, one column to fill in. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const opened = await territoryRoute(request, slug, diagnosticPolicy.view);
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  return new Response(await indicatorTemplate(db, territory.id), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="modele-indicateurs-${territory.slug}.csv"`, "cache-control": "private, no-store" },
  });
}
