import Link from "next/link";
import type { JobRun } from "@/platform/jobs/queue";
import { countOf } from "@/platform/text";
import { AutoRefresh } from "@/ui/auto-refresh";

/**
 * While a PDF waits in the print queue: the person's place in it, refreshed every 2 seconds with
 * JavaScript (an "actualiser" link without: a meta refresh is a time limit people cannot control);
 * once printed, the download starts by itself (with a link, in case). Shared by every printed document.
 */
export function PdfWait({ title, run, position, here, back }: { title: string; run: JobRun; position: { ahead: number; running: number } | undefined; here: string; back: { href: string; label: string } }) {
  const file = `${here}/fichier`;
  return (
    <>
      <h2>{title}</h2>
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
            Avec JavaScript, cette page se met à jour toute seule toutes les 2 secondes, puis le téléchargement commence. Sinon, <Link href={here}>actualisez-la</Link> pour voir où en
            est votre demande. Vous pouvez aussi revenir à <Link href={back.href}>{back.label}</Link> : le PDF reste disponible 30 minutes à cette adresse.
          </p>
        </>
      ) : run.state === "done" ? (
        <>
          <meta httpEquiv="refresh" content={`0;url=${file}`} />
          <div className="fr-alert fr-alert--success fr-mb-3w" role="status" data-testid="pdf-ready">
            <p>Votre PDF est prêt : le téléchargement commence.</p>
          </div>
          <p>
            S&apos;il ne commence pas, <a href={file}>téléchargez le PDF</a>. Il reste disponible 30 minutes à cette adresse. <Link href={back.href}>Revenir à {back.label}</Link>
          </p>
        </>
      ) : (
        <>
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <h3 className="fr-alert__title">Le PDF n&apos;a pas pu être imprimé</h3>
            <p>{run.error ?? "Erreur inconnue."}</p>
          </div>
          <p>
            <Link href={back.href}>Revenir à {back.label}</Link> pour le demander à nouveau, ou utilisez « Imprimer » de votre navigateur.
          </p>
        </>
      )}
    </>
  );
}
