"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/platform/web/action";
import { countOf, formatNumber } from "@/platform/text";
import { PLACES_FILE, TABLE_LIMITS } from "@/platform/files/limits";
import { CheckedFile, CheckFileForm } from "@/ui/two-step-import";
import { checkPlacesFileAction, commitPlacesFileAction } from "@/modules/places/actions";
import type { ImportReportView, JobProgress } from "../import-view";
import { ImportIssues, ImportOutcome, ImportSummary } from "./import-report";

const MAX_ROWS = 500;

function Summary({ report, committed }: { report: ImportReportView; committed: boolean }) {
  return <ImportSummary report={report} committed={committed} testId="import-summary" />;
}

function Lines({ report, committed }: { report: ImportReportView; committed: boolean }) {
  return <ImportIssues issues={report.issues.slice(0, MAX_ROWS)} total={report.issueCount} lines={report.lines.slice(0, MAX_ROWS)} committed={committed} prefix={committed ? "import" : "verification"} title={committed ? "Détail de l'import, ligne par ligne" : "Détail de la vérification, ligne par ligne"} />;
}

/** The import's outcome, as shown after a commit (in the same page, or on the job's page): in words first, then the counts and the lines. */
export function CommittedReport({ report, territory }: { report: ImportReportView; territory: string }) {
  return (
    <>
      <div className="fr-alert fr-alert--success fr-mb-3w">
        <h3 className="fr-alert__title">Import terminé</h3>
        <ImportOutcome report={report} territory={territory} sources={report.sources ?? []} />
      </div>
      <Summary report={report} committed />
      <Lines report={report} committed />
    </>
  );
}

/** The check's summary, the button that imports the checked file, then the lines (the button stays near the top). */
export function CheckedReport({ report, filename, territory, upload }: { report: ImportReportView; filename: string; territory: string; upload: string }) {
  const committedResult = (state: ActionState) => <CommittedReport report={JSON.parse(state.result?.report ?? "{}") as ImportReportView} territory={territory} />;
  return (
    <CheckedFile
      heading="h2"
      filename={filename}
      commit={
        report.toImport > 0
          ? {
              action: commitPlacesFileAction,
              label: `Importer ${countOf(report.toImport, "lieu", "lieux")}`,
              territory,
              upload,
              note: "L'import s'enregistre en une seule fois : tout ou rien. Réimporter le même fichier ne crée pas de doublon.",
              success: committedResult,
            }
          : undefined
      }
      nothing="Aucun lieu à importer dans ce fichier."
      details={<Lines report={report} committed={false} />}
    >
      <Summary report={report} committed={false} />
    </CheckedFile>
  );
}

export function ImportPlaces({ territory }: { territory: string }) {
  const checked = (state: ActionState) => (
    <CheckedReport
      report={JSON.parse(state.result?.report ?? "{}") as ImportReportView}
      filename={state.result?.filename ?? ""}
      territory={territory}
      upload={state.result?.token ?? ""}
    />
  );
  return (
    <CheckFileForm
      action={checkPlacesFileAction}
      territory={territory}
      checked={checked}
      file={{
        name: "file",
        label: "Fichier de lieux",
        hint: `CSV (virgule ou point-virgule, UTF-8 ou Windows-1252) ou JSON, au standard national des lieux de médiation numérique, toute version de v0.1.0 à v1.0.2, ou structures et services data·inclusion v1 (JSON). ${PLACES_FILE.limitLabel} et ${formatNumber(TABLE_LIMITS.rows)} lieux au plus. La vérification n'écrit rien.`,
        maxBytes: PLACES_FILE.maxBytes,
        limitLabel: PLACES_FILE.limitLabel,
        accept: PLACES_FILE.accept,
      }}
    />
  );
}

// ---------------------------------------------------------------- progress of a long import

const stateLabels: Record<JobProgress["state"], string> = {
  queued: "En attente de son tour",
  reading: "Lecture du fichier",
  checking: "Vérification des lieux",
  saving: "Enregistrement des lieux",
  done: "Terminé",
  failed: "Arrêté sur une erreur",
};

const count = new Intl.NumberFormat("fr-FR");

function progressText(p: JobProgress): string {
  const detail = p.total > 0 && (p.state === "checking" || p.state === "saving") ? ` (${count.format(p.done)} sur ${count.format(p.total)})` : "";
  return `${stateLabels[p.state]} : ${p.percent} %${detail}`;
}

/** What screen readers hear: every 10 %, and each change of step — not every second. */
function announcement(p: JobProgress): string {
  if (p.finished) return p.state === "done" ? "Terminé : le rapport s'affiche." : "L'import s'est arrêté sur une erreur.";
  return `${stateLabels[p.state]} : ${Math.floor(p.percent / 10) * 10} %`;
}

/**
 * The progress bar of a long check or import. With JavaScript it asks the server every second
 * (`/espace/<territory>/lieux/import/<job>`) and shows the report when done; without, the page
 * around it refreshes itself (see the page) and this renders the state it was given.
 */
export function ImportJobProgress({ territory, initial }: { territory: string; initial: JobProgress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [heard, setHeard] = useState(() => announcement(initial));
  const stopped = useRef(false);

  useEffect(() => {
    stopped.current = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch(`/espace/${encodeURIComponent(territory)}/lieux/import/${encodeURIComponent(initial.id)}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (stopped.current) return;
        if (res.status === 404) {
          // The job is gone (kept 30 minutes; a restart forgets it): the page says so.
          router.refresh();
          return;
        }
        if (res.ok) {
          const next = (await res.json()) as JobProgress;
          if (stopped.current) return;
          setProgress(next);
          const said = announcement(next);
          setHeard((previous) => (previous === said ? previous : said));
          if (next.finished) {
            // The page, rendered again, shows the report (or the error) in place of the bar.
            router.refresh();
            return;
          }
        }
      } catch {
        // A lost poll (network, server restarting): the next one tries again.
      }
      if (!stopped.current) timer = setTimeout(poll, 1000);
    };
    timer = setTimeout(poll, 1000);
    return () => {
      stopped.current = true;
      if (timer) clearTimeout(timer);
    };
  }, [territory, initial.id, router]);

  const title = progress.kind === "check" ? `Vérification de « ${progress.filename} » en cours` : `Import de « ${progress.filename} » en cours`;
  return (
    <section aria-labelledby="import-progression-titre" className="fr-mb-4w">
      <h2 id="import-progression-titre">{title}</h2>
      <p id="import-progression-texte" className="fr-mb-1w">
        {progressText(progress)}
      </p>
      <progress
        className="maillage-progress"
        max={100}
        value={progress.percent}
        aria-labelledby="import-progression-titre"
        aria-describedby="import-progression-texte"
        style={{ display: "block", width: "100%", height: "1.5rem", accentColor: "var(--background-action-high-blue-france)" }}
      >
        {progress.percent} %
      </progress>
      <p className="fr-sr-only" aria-live="polite" role="status">
        {heard}
      </p>
      <p className="fr-text--sm fr-mt-2w">
        {progress.kind === "commit"
          ? "Les lieux s'enregistrent en une seule fois : tant que l'import n'est pas terminé, rien n'est encore visible. Vous pouvez quitter cette page : l'import continue."
          : "La vérification n'écrit rien. Vous pouvez quitter cette page : elle continue, et son rapport reste disponible 30 minutes à cette adresse."}
      </p>
    </section>
  );
}
