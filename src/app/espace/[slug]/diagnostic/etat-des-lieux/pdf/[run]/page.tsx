import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { queuePosition } from "@/platform/jobs/queue";
import { ownPdfRun } from "@/platform/web/pdf-run";
import { territoryPage } from "@/modules/territories/web";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { PdfWait } from "@/ui/pdf-wait";

export const metadata: Metadata = { title: "Impression de l'état des lieux en PDF" };

/** The état des lieux' PDF in the print queue; only the person who asked sees it (anyone else: 404). */
export default async function PdfWaitPage({ params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const base = `/espace/${slug}/diagnostic/etat-des-lieux`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", base);
  const { db } = await getRuntime();
  const run = await ownPdfRun(db, runId, territory.id, principal);
  if (!run) notFound();
  const position = run.state === "queued" ? await queuePosition(db, run) : undefined;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Portrait du territoire", href: `/espace/${territory.slug}/diagnostic` }} segments={[{ label: "État des lieux", href: base }]} current="Impression en PDF" />
      <PdfWait title="Impression de l'état des lieux en PDF" run={run} position={position} here={`${base}/pdf/${run.id}`} back={{ href: base, label: "l'état des lieux" }} />
    </>
  );
}
