import { getRuntime } from "@/platform/runtime";
import { jobQueue } from "@/platform/jobs/queue";
import { pdfAvailable, pdfJob } from "@/platform/pdf";
import { slugify } from "@/platform/text";
import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { findReport } from "@/composition/etat-des-lieux/report";
import { searchInt } from "@/platform/web/search-params";

const page = (status: number, body: string) =>
  new Response(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>PDF indisponible</title><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto"><h1>PDF indisponible</h1><p>${body}</p></body></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

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
    refuse: (why) => (why === "not_found" ? page(404, "Ce territoire n'existe pas.") : page(403, "Vous n'avez pas les droits nécessaires pour cette action.")),
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  // Narrows the type only: the check above already refused anyone signed out.
  if (principal.kind !== "user") return page(403, "Vous n'avez pas les droits nécessaires pour cette action.");
  const base = `/espace/${territory.slug}/diagnostic/etat-des-lieux`;
  const wanted = new URL(request.url).searchParams.get("version");
  const wantedNumber = searchInt(wanted ?? undefined);
  const published = wantedNumber !== undefined ? await findReport(db, territory.id, wantedNumber) : undefined;
  if (wanted && !published) return page(404, "Cette version de l'état des lieux n'existe pas.");
  if (!pdfAvailable()) {
    return page(503, `Ce serveur ne peut pas produire de PDF (navigateur Chromium absent). Ouvrez <a href="${base}${published ? `?version=${published.version}` : ""}">l'état des lieux</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`);
  }
  const label = published ? `version ${published.version}` : `version de travail du ${new Date().toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}`;
  const queued = await (
    await jobQueue(database)
  ).enqueue(pdfJob, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label: `État des lieux — ${territory.name} — ${label}`,
    input: {
      path: `${base}?impression=1${published ? `&version=${published.version}` : ""}`,
      footer: `État des lieux — ${territory.name} — ${label}`,
      filename: `etat-des-lieux-${slugify(territory.slug)}-${published ? `v${published.version}` : "travail"}.pdf`,
    },
    // The page is printed as the person who asked: their session, erased from the run once printed.
    secret: request.headers.get("cookie") ?? "",
  });
  if (!queued.ok) throw new Error("pdf queue has no exclusive key");
  return new Response(null, { status: 303, headers: { location: `${base}/pdf/${queued.run.id}`, "cache-control": "no-store" } });
}
