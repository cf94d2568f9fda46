import { getRuntime } from "@/platform/runtime";
import { jobQueue } from "@/platform/jobs/queue";
import { pdfAvailable, pdfJob } from "@/platform/pdf";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { planPolicy } from "@/modules/plan/policy";
import { findPlanVersion } from "@/modules/plan/read";

const page = (status: number, body: string) =>
  new Response(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>PDF indisponible</title><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto"><h1>PDF indisponible</h1><p>${body}</p></body></html>`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

/**
 * The plan (working version or `?version=N`) as an A4 PDF: the print page joins the job queue (src/platform/pdf.ts),
 * printed as the person who asked; they wait on `export/pdf/<run>`, which downloads it once printed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { database } = await getRuntime();
  const opened = await territoryRoute(request, slug, (principal, territory) => principal.kind === "user" && planPolicy.view(principal, territory), {
    signInBack: `/espace/${slug}/plan/budget`,
    refuse: (why) => (why === "not_found" ? page(404, "Ce territoire n'existe pas.") : page(403, "Vous n'avez pas les droits nécessaires pour cette action.")),
  });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  if (principal.kind !== "user") return page(403, "Vous n'avez pas les droits nécessaires pour cette action.");
  const wanted = new URL(request.url).searchParams.get("version");
  const number = wanted === null ? undefined : searchInt(wanted, { min: 1 });
  const version = wanted !== null && number === undefined ? undefined : await findPlanVersion(db, territory.id, number);
  if (!version) return page(404, wanted === null ? "Ce territoire n'a pas encore de plan d'action." : "Cette version du plan n'existe pas.");
  const base = `/espace/${territory.slug}/plan`;
  if (!pdfAvailable()) {
    return page(503, `Ce serveur ne peut pas produire de PDF (navigateur Chromium absent). Ouvrez <a href="${base}/impression?version=${version.number}">la version imprimable du plan</a> et utilisez « Imprimer », puis « Enregistrer au format PDF ».`);
  }
  const label = `Plan d'action — ${territory.name} — version ${version.number}`;
  const queued = await (
    await jobQueue(database)
  ).enqueue(pdfJob, {
    scopeId: territory.id,
    ownerId: principal.userId,
    label,
    input: { path: `${base}/impression?impression=1&version=${version.number}`, footer: label, filename: `plan-${territory.slug}-v${version.number}.pdf` },
    // The page is printed as the person who asked: their session, erased from the run once printed.
    secret: request.headers.get("cookie") ?? "",
  });
  if (!queued.ok) throw new Error("pdf queue has no exclusive key");
  return new Response(null, { status: 303, headers: { location: `${base}/export/pdf/${queued.run.id}`, "cache-control": "no-store" } });
}
