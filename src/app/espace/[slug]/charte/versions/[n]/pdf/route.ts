import { getRuntime } from "@/platform/runtime";
import { askPdf, pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { territoryRoute } from "@/modules/territories/web";
import { charterPolicy } from "@/modules/charter/policy";
import { versionOfParam } from "@/composition/charter/route-helpers";

/** The charter version as an A4 PDF: the print page joins the job queue; the person waits on `pdf/<run>`. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const { database } = await getRuntime();
  const opened = await territoryRoute(request, slug, (principal, territory) => principal.kind === "user" && charterPolicy.view(principal, territory), {
    signInBack: `/espace/${slug}/charte/versions/${n}`,
    refuse: pdfRefusal,
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  if (principal.kind !== "user") return pdfRefusal("forbidden");
  const version = await versionOfParam(db, territory.id, n);
  if (!version) return pdfMessage(404, "PDF indisponible", "Cette version de la charte n'existe pas.");
  const base = `/espace/${territory.slug}/charte/versions/${version.number}`;
  return askPdf(database, request, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label: `Charte d'engagements — ${territory.name} — version ${version.number}`,
    printPath: `${base}/impression?impression=1`,
    filename: `charte-${territory.slug}-v${version.number}.pdf`,
    waitBase: `${base}/pdf`,
    fallbackHtml: `Ouvrez <a href="${base}/impression">la version imprimable de la charte</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`,
  });
}
