import type { ReportView } from "../wizard";

import { ImportIssues, ImportSummary } from "../../ui/import-report";

// The summary and the line-by-line table of an import report: the same pieces as the standard import page.

export function ReportSummary({ report }: { report: ReportView }) {
  return <ImportSummary report={report} committed={!report.dryRun} testId="mapping-summary" />;
}

export function IssuesTable({ report }: { report: ReportView }) {
  return <ImportIssues issues={report.issues} total={report.totalIssues} />;
}

const statusLabels = { created: "à créer", updated: "mis à jour", unchanged: "inchangé", skipped: "ignoré (hors périmètre)", rejected: "refusé", conflict: "conflit (lieu d'un autre territoire, inchangé)" } as const;

export function NotImported({ report }: { report: ReportView }) {
  if (report.totalNotImported === 0) return null;
  return (
    <details className="fr-mb-3w">
      <summary>
        Lignes qui ne seront pas importées ({report.totalNotImported}
        {report.totalNotImported > report.notImported.length ? `, ${report.notImported.length} premières affichées` : ""})
      </summary>
      <ul className="fr-text--sm">
        {report.notImported.map((l) => (
          <li key={`${l.line}-${l.id}`}>
            Ligne {l.line} ({l.id || "sans identifiant"}) : {statusLabels[l.status]}
          </li>
        ))}
      </ul>
    </details>
  );
}
