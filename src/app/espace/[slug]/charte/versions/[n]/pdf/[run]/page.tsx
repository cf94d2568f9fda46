import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { queuePosition } from "@/platform/jobs/queue";
import { ownPdfRun } from "@/platform/web/pdf-run";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { PdfWait } from "@/ui/pdf-wait";

export const metadata: Metadata = { title: "Impression de la charte en PDF" };

/** The charter's PDF in the print queue; only the person who asked sees it (anyone else: 404). */
export default async function CharterPdfWaitPage({ params }: { params: Promise<{ slug: string; n: string; run: string }> }) {
  const { slug, n, run: runId } = await params;
  const base = `/espace/${slug}/charte`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", base);
  const { db } = await getRuntime();
  const run = await ownPdfRun(db, runId, territory.id, principal);
  if (!run) notFound();
  const position = run.state === "queued" ? await queuePosition(db, run) : undefined;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte d'engagements", href: base }} current="Impression en PDF" />
      <PdfWait title="Impression de la charte en PDF" run={run} position={position} here={`${base}/versions/${n}/pdf/${run.id}`} back={{ href: `${base}/versions/${n}`, label: "la version de la charte" }} />
    </>
  );
}
