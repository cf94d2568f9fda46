import { getRuntime } from "@/platform/runtime";
import { slugify } from "@/platform/text";
import { askPdf, pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { findReport } from "@/composition/etat-des-lieux/report";

/**
 * Asks for the État des lieux (working or published version) as an A4 PDF: the print joins the
 * job queue, and the person is sent to a page that shows their place in it, refreshes itself, then
 * downloads the PDF (`pdf/<run>`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { database } = await getRuntime();
  // The print runs as a signed-in person (their session prints the page): signed out → sign-in first.
  const opened = await territoryRoute(request, slug, (principal, territory) => principal.kind === "user" && diagnosticPolicy.view(principal, territory), {
    signInBack: `/espace/${slug}/diagnostic/etat-des-lieux`,
    refuse: pdfRefusal,
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  // Narrows the type only: the check above already refused anyone signed out.
  if (principal.kind !== "user") return pdfRefusal("forbidden");
  const base = `/espace/${territory.slug}/diagnostic/etat-des-lieux`;
  const wanted = new URL(request.url).searchParams.get("version");
  const wantedNumber = searchInt(wanted ?? undefined);
  const published = wantedNumber !== undefined ? await findReport(db, territory.id, wantedNumber) : undefined;
  if (wanted && !published) return pdfMessage(404, "PDF indisponible", "Cette version de l'état des lieux n'existe pas.");
  const label = `État des lieux — ${territory.name} — ${published ? `version ${published.version}` : `version de travail du ${new Date().toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}`}`;
  return askPdf(database, request, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label,
    printPath: `${base}?impression=1${published ? `&version=${published.version}` : ""}`,
    filename: `etat-des-lieux-${slugify(territory.slug)}-${published ? `v${published.version}` : "travail"}.pdf`,
    waitBase: `${base}/pdf`,
    fallbackHtml: `Ouvrez <a href="${base}${published ? `?version=${published.version}` : ""}">l'état des lieux</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`,
  });
}
