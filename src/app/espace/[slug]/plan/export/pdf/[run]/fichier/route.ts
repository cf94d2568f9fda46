import { getRuntime } from "@/platform/runtime";
import { readRun, runFile } from "@/platform/jobs/queue";
import { pdfJob, type PdfJobInput } from "@/platform/pdf";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { findTerritoryBySlug } from "@/modules/territories/queries";

const notFound = () =>
  new Response(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>PDF introuvable</title><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto"><h1>PDF introuvable</h1><p>Ce PDF n'existe pas ou plus (il est gardé 30 minutes). Demandez-le à nouveau depuis le plan d'action.</p></body></html>`, {
    status: 404,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

/** The printed PDF, for the person who asked for it only (anyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  const principal = await getCurrentPrincipal();
  const run = territory && principal.kind === "user" ? await readRun(db, runId) : undefined;
  if (!territory || !run || run.queue !== pdfJob.name || run.scopeId !== territory.id || principal.kind !== "user" || run.ownerId !== principal.userId) return notFound();
  const file = await runFile(db, run.id);
  if (!file) return notFound();
  const { filename } = run.input as PdfJobInput;
  return new Response(new Blob([new Uint8Array(file)]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, "-")}"`,
      "cache-control": "private, no-store",
    },
  });
}
