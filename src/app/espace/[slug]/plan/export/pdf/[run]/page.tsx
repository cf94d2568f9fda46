import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { queuePosition } from "@/platform/jobs/queue";
import { ownPdfRun } from "@/platform/web/pdf-run";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { PdfWait } from "@/ui/pdf-wait";

export const metadata: Metadata = { title: "Impression du plan d'action en PDF" };

/** The plan's PDF in the print queue; only the person who asked sees it (anyone else: 404). */
export default async function PdfWaitPage({ params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const base = `/espace/${slug}/plan`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", base);
  const { db } = await getRuntime();
  const run = await ownPdfRun(db, runId, territory.id, principal);
  if (!run) notFound();
  const position = run.state === "queued" ? await queuePosition(db, run) : undefined;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: base }} current="Impression en PDF" />
      <PdfWait title="Impression du plan d'action en PDF" run={run} position={position} here={`${base}/export/pdf/${run.id}`} back={{ href: `${base}/budget`, label: "la synthèse budgétaire" }} />
    </>
  );
}
