import { countOf } from "@/platform/text";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { queuePosition, readRun } from "@/platform/jobs/queue";
import { pdfJob } from "@/platform/pdf";
import { territoryPage } from "@/modules/territories/web";
import { AutoRefresh } from "@/ui/auto-refresh";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Impression du plan d'action en PDF" };

/**
 * While a PDF waits in the print queue: the person's place in it, refreshed every 2 seconds with
 * JavaScript (an "actualiser" link without: a meta refresh is a time limit people cannot control);
 * once printed, the download starts by itself (with a link, in case).
 * Only the person who asked sees it: anyone else gets 404.
 */
export default async function PdfWaitPage({ params }: { params: Promise<{ slug: string; run: string }> }) {
  const { slug, run: runId } = await params;
  const base = `/espace/${slug}/plan`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", base);
  const { db } = await getRuntime();
  const run = await readRun(db, runId);
  if (!run || run.queue !== pdfJob.name || run.scopeId !== territory.id || principal.kind !== "user" || run.ownerId !== principal.userId) notFound();
  const here = `${base}/export/pdf/${run.id}`;
  const file = `${here}/fichier`;
  const position = run.state === "queued" ? await queuePosition(db, run) : undefined;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: `/espace/${territory.slug}/plan` }} current="Impression en PDF" />
      <h2>Impression du plan d&apos;action en PDF</h2>
      <p>{run.label}</p>
      {run.state === "queued" || run.state === "running" ? (
        <>
          <AutoRefresh seconds={2} />
          <div className="fr-alert fr-alert--info fr-mb-3w" role="status" data-testid="pdf-queue">
            {position ? (
              <p>
                Votre demande attend son tour : position {position.ahead + 1} dans la file d&apos;impression ({countOf(position.ahead, "demande", "demandes")} avant la
                vôtre, {countOf(position.running, "impression", "impressions")} en cours).
              </p>
            ) : (
              <p>Impression en cours : votre PDF sera prêt dans quelques secondes.</p>
            )}
          </div>
          <p>
            Avec JavaScript, cette page se met à jour toute seule toutes les 2 secondes, puis le téléchargement commence. Sinon,{" "}
            <Link href={here}>actualisez-la</Link> pour voir où en est votre demande. Vous pouvez aussi revenir à <Link href={`${base}/budget`}>la synthèse budgétaire</Link> : le PDF reste
            disponible 30 minutes à cette adresse.
          </p>
        </>
      ) : run.state === "done" ? (
        <>
          <meta httpEquiv="refresh" content={`0;url=${file}`} />
          <div className="fr-alert fr-alert--success fr-mb-3w" role="status" data-testid="pdf-ready">
            <p>Votre PDF est prêt : le téléchargement commence.</p>
          </div>
          <p>
            S&apos;il ne commence pas, <a href={file}>téléchargez le PDF</a>. Il reste disponible 30 minutes à cette adresse.{" "}
            <Link href={`${base}/budget`}>Revenir à la synthèse budgétaire</Link>
          </p>
        </>
      ) : (
        <>
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <h3 className="fr-alert__title">Le PDF n&apos;a pas pu être imprimé</h3>
            <p>{run.error ?? "Erreur inconnue."}</p>
          </div>
          <p>
            <Link href={`${base}/budget`}>Revenir à la synthèse budgétaire</Link> pour le demander à nouveau, ou utilisez « Imprimer » de votre navigateur.
          </p>
        </>
      )}
    </>
  );
}
