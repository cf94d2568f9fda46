import { getRuntime } from "@/platform/runtime";
import { isAppError, toPayload } from "@/platform/errors";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { readImportJob } from "@/modules/places/import-jobs";
import { jobProgress } from "@/modules/places/import-view";

/**
 * Progress of a long check or import, polled every second by the page's progress bar: the
 * territory's edit right, and the job must belong to this territory. Only the progress travels
 * here; the report is shown by the page itself.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; job: string }> }) {
  const { slug, job: jobId } = await params;
  const headers = { "cache-control": "no-store" };
  try {
    const { db } = await getRuntime();
    const territory = await findTerritoryBySlug(db, slug);
    if (!territory) return Response.json({ error: "not_found", status: 404, message: "Territoire introuvable." }, { status: 404, headers });
    const job = await readImportJob(db, await getCurrentPrincipal(), territory, jobId);
    return Response.json(jobProgress(job), { headers });
  } catch (e) {
    if (isAppError(e)) return Response.json(toPayload(e), { status: e.status, headers });
    throw e;
  }
}
