import { getRuntime } from "@/platform/runtime";
import { askPdf, pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { planPolicy } from "@/modules/plan/policy";
import { findPlanVersion } from "@/modules/plan/versions";

/**
 * The plan (working version or `?version=N`) as an A4 PDF: the print page joins the job queue (src/platform/pdf.ts),
 * printed as the person who asked; they wait on `export/pdf/<run>`, which downloads it once printed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { database } = await getRuntime();
  const opened = await territoryRoute(request, slug, (principal, territory) => principal.kind === "user" && planPolicy.view(principal, territory), {
    signInBack: `/espace/${slug}/plan/budget`,
    refuse: pdfRefusal,
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  if (principal.kind !== "user") return pdfRefusal("forbidden");
  const wanted = new URL(request.url).searchParams.get("version");
  const number = wanted === null ? undefined : searchInt(wanted, { min: 1 });
  const version = wanted !== null && number === undefined ? undefined : await findPlanVersion(db, territory.id, number);
  if (!version) return pdfMessage(404, "PDF indisponible", wanted === null ? "Ce territoire n'a pas encore de plan d'action." : "Cette version du plan n'existe pas.");
  const base = `/espace/${territory.slug}/plan`;
  const label = `Plan d'action — ${territory.name} — version ${version.number}`;
  return askPdf(database, request, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label,
    printPath: `${base}/impression?impression=1&version=${version.number}`,
    filename: `plan-${territory.slug}-v${version.number}.pdf`,
    waitBase: `${base}/export/pdf`,
    fallbackHtml: `Ouvrez <a href="${base}/impression?version=${version.number}">la version imprimable du plan</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`,
  });
}
