import Link from "next/link";
import { CheckedReport, CommittedReport, ImportJobProgress } from "./import-places";
import type { ImportJobView } from "../import-jobs";
import { jobProgress } from "../import-view";

/** A background check or import of a places file: its progress while it runs, then its report or its error. */
export function JobView({ job, territory }: { job: ImportJobView; territory: string }) {
  const again = (
    <p>
      <Link href={`/espace/${territory}/lieux`}>{job.kind === "check" ? "Vérifier un autre fichier" : "Importer un autre fichier"}</Link>
    </p>
  );
  if (!job.finished) {
    return (
      <>
        {/* With JavaScript the bar asks the server every second. Without it, the person refreshes the
            page when they choose: an automatic refresh (meta refresh) is a time limit they cannot
            control (WCAG 2.2.1, RGAA 13.1; axe's meta-refresh rule). */}
        <ImportJobProgress territory={territory} initial={jobProgress(job)} />
        <noscript>
          <p>
            <Link className="fr-btn fr-btn--secondary" href={`/espace/${territory}/lieux?import=${encodeURIComponent(job.id)}`}>
              Actualiser la progression
            </Link>
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
  const report = job.report;
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
      <CommittedReport report={report} territory={territory} />
      {again}
    </>
  );
}
