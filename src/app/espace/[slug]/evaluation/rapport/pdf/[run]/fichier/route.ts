import { getRuntime } from "@/platform/runtime";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { ownPdfRun, pdfFile } from "@/platform/web/pdf-run";
import { findTerritoryBySlug } from "@/modules/territories/queries";

/** The printed PDF, for the person who asked for it only (anyone else: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  const run = territory ? await ownPdfRun(db, runId, territory.id, await getCurrentPrincipal()) : undefined;
  return pdfFile(db, run, "le rapport d'évaluation");
}
