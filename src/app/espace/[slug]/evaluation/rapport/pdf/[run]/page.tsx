import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { queuePosition } from "@/platform/jobs/queue";
import { ownPdfRun } from "@/platform/web/pdf-run";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { PdfWait } from "@/ui/pdf-wait";

export const metadata: Metadata = { title: "Impression du rapport d'évaluation en PDF" };

/** The report's PDF in the print queue; only the person who asked sees it (anyone else: 404). */
export default async function EvaluationPdfWaitPage({ params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const base = `/espace/${slug}/evaluation`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `${base}/rapport`);
  const { db } = await getRuntime();
  const run = await ownPdfRun(db, runId, territory.id, principal);
  if (!run) notFound();
  const position = run.state === "queued" ? await queuePosition(db, run) : undefined;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Évaluation", href: base }} current="Impression en PDF" />
      <PdfWait title="Impression du rapport d'évaluation en PDF" run={run} position={position} here={`${base}/rapport/pdf/${run.id}`} back={{ href: `${base}/rapport`, label: "le rapport d'évaluation" }} />
    </>
  );
}
