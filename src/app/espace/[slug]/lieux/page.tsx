import type { Metadata } from "next";
import Link from "next/link";
import { isAppError } from "@/platform/errors";
import { territoryPage } from "@/platform/web/guard";
import { WorkspaceNav } from "@/modules/territories/ui/workspace-nav";
import { CheckedReport, CommittedReport, ImportJobProgress, ImportPlaces } from "@/modules/places/ui/import-places";
import { readImportJob, runningImport, type ImportJobView } from "@/modules/places/import-jobs";
import { importReportView, jobProgress } from "@/modules/places/import-view";

export const metadata: Metadata = { title: "Importer des lieux" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPlacesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const { territory, actor, abilities } = await territoryPage(slug, "editRegistry", `/espace/${slug}/lieux`);
  const jobId = typeof sp.import === "string" ? sp.import : undefined;
  let job: ImportJobView | undefined;
  let lost = false;
  if (jobId) {
    try {
      job = readImportJob(actor, territory, jobId);
    } catch (e) {
      if (!isAppError(e) || e.status !== 404) throw e;
      lost = true;
    }
  }
  const running = job ? undefined : runningImport(territory.id);
  return (
    <>
      <WorkspaceNav slug={territory.slug} name={territory.name} current="lieux" abilities={abilities} isDemo={territory.isDemo} />
      <h2>Importer des lieux de médiation numérique</h2>
      {job ? (
        <JobView job={job} territory={territory.slug} />
      ) : (
        <>
          <p>
            Déposez un fichier au format du standard national. Il est d&apos;abord vérifié ligne à ligne, sans rien écrire ; vous importez
            ensuite, en une fois, les lieux situés dans le périmètre du territoire. Les lieux déjà connus (même source, même identifiant)
            sont mis à jour, jamais dupliqués. <Link href={`/territoires/${territory.slug}/lieux`}>Voir les lieux du territoire</Link>.
          </p>
          <p>
            Votre fichier n&apos;est pas au standard national (export d&apos;un tableur, d&apos;un annuaire, d&apos;un réseau) ?{" "}
            <Link href={`/espace/${territory.slug}/lieux/colonnes`}>Importer un fichier dans votre propre format</Link> : vous associez ses
            colonnes aux champs du standard, avec des suggestions.
          </p>
          {lost ? (
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
              <p>
                Cet import n&apos;est plus suivi : les imports terminés sont gardés 30 minutes, et un redémarrage du serveur les oublie (un import
                interrompu n&apos;a rien enregistré). Vérifiez les lieux du territoire, ou déposez le fichier à nouveau.
              </p>
            </div>
          ) : null}
          {running ? (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
              <p>
                Un import est en cours pour ce territoire (« {running.filename} », {running.percent} %).{" "}
                <Link href={`/espace/${territory.slug}/lieux?import=${encodeURIComponent(running.id)}`}>Suivre sa progression</Link>
              </p>
            </div>
          ) : null}
          <ImportPlaces territory={territory.slug} />
        </>
      )}
    </>
  );
}

/** A long check or import: its progress while it runs, then its report (or its error). */
function JobView({ job, territory }: { job: ImportJobView; territory: string }) {
  const again = (
    <p>
      <Link href={`/espace/${territory}/lieux`}>{job.kind === "check" ? "Vérifier un autre fichier" : "Importer un autre fichier"}</Link>
    </p>
  );
  if (!job.finished) {
    return (
      <>
        {/* Without JavaScript the page refreshes itself every 2 seconds until the job is over;
            with JavaScript the bar asks the server every second instead (this tag is then inert). */}
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
        <ImportJobProgress territory={territory} initial={jobProgress(job)} />
        <noscript>
          <p>
            Cette page se met à jour toute seule. Sinon, <Link href={`/espace/${territory}/lieux?import=${encodeURIComponent(job.id)}`}>actualisez-la</Link>.
          </p>
        </noscript>
      </>
    );
  }
  if (job.state === "failed" || !job.report) {
    return (
      <>
        <div className="fr-alert fr-alert--error fr-mb-3w">
          <h3 className="fr-alert__title">{job.kind === "check" ? "La vérification n'a pas pu aboutir" : "L'import n'a pas pu aboutir"}</h3>
          <p>{job.error ?? "Erreur inconnue."}</p>
        </div>
        {again}
      </>
    );
  }
  const report = importReportView(job.report);
  if (job.kind === "check") {
    return (
      <>
        <CheckedReport report={report} filename={job.filename} territory={territory} upload={job.upload ?? ""} />
        {again}
      </>
    );
  }
  return (
    <>
      <p>Fichier : « {job.filename} »</p>
      <CommittedReport report={report} />
      <p>
        <Link href={`/territoires/${territory}/lieux`}>Voir les lieux du territoire</Link>
      </p>
      {again}
    </>
  );
}
