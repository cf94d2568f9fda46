import { getRuntime } from "@/platform/runtime";
import { askPdf, pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { indicatorPolicy } from "@/modules/indicators/policy";
import { findEvaluationReport } from "@/modules/indicators/queries";

/**
 * The evaluation report (working state, or `?version=N`) as an A4 PDF: its page joins the print queue
 * (src/platform/pdf.ts), printed as the person who asked; they wait on `rapport/pdf/<run>`, which downloads it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { database } = await getRuntime();
  const opened = await territoryRoute(request, slug, (principal, territory) => principal.kind === "user" && indicatorPolicy.view(principal, territory), {
    signInBack: `/espace/${slug}/evaluation/rapport`,
    refuse: pdfRefusal,
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  if (principal.kind !== "user") return pdfRefusal("forbidden");
  const wanted = new URL(request.url).searchParams.get("version");
  const number = wanted === null ? undefined : searchInt(wanted, { min: 1 });
  if (wanted !== null && (number === undefined || !(await findEvaluationReport(db, territory.id, number)))) return pdfMessage(404, "PDF indisponible", "Cette version du rapport d'évaluation n'existe pas.");
  const base = `/espace/${territory.slug}/evaluation/rapport`;
  const query = number ? `&version=${number}` : "";
  return askPdf(database, request, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label: `Rapport d'évaluation — ${territory.name}${number ? ` — version ${number}` : ""}`,
    printPath: `${base}?impression=1${query}`,
    filename: `evaluation-${territory.slug}${number ? `-v${number}` : ""}.pdf`,
    waitBase: `${base}/pdf`,
    fallbackHtml: `Ouvrez <a href="${base}${number ? `?version=${number}` : ""}">le rapport d'évaluation</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`,
  });
}
