import { ODT_MIMETYPE } from "@/platform/odt";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { indicatorPolicy } from "@/modules/indicators/policy";
import { findEvaluationReport } from "@/modules/indicators/queries";
import { currentEvaluation, type EvaluationSnapshot } from "@/composition/evaluation/report";
import { evaluationOdt } from "@/composition/evaluation/render";

/** The evaluation report as an ODT (working state, or `?version=N`), from the same data as the page and the PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const opened = await territoryRoute(request, slug, (principal, territory) => indicatorPolicy.view(principal, territory), { signInBack: `/espace/${slug}/evaluation/rapport` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const wanted = new URL(request.url).searchParams.get("version");
  const number = wanted === null ? undefined : searchInt(wanted, { min: 1 });
  const published = number ? await findEvaluationReport<EvaluationSnapshot>(db, territory.id, number) : undefined;
  if (wanted !== null && !published) return new Response("Cette version du rapport d'évaluation n'existe pas.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const bytes = evaluationOdt(published ? published.data : await currentEvaluation(db, territory), { version: published?.version ?? null, publishedAt: published?.publishedAt ?? null });
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": ODT_MIMETYPE,
      "content-disposition": `attachment; filename="evaluation-${territory.slug}${published ? `-v${published.version}` : ""}.odt"`,
      "cache-control": "private, no-store",
    },
  });
}
