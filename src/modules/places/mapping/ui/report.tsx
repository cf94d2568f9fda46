import type { ReportView } from "../wizard";

import { ImportIssues, ImportOutcome, ImportSummary } from "../../ui/import-report";

// The summary and the line-by-line table of an import report: the same pieces as the standard import page.

export function ReportSummary({ report }: { report: ReportView }) {
  return <ImportSummary report={report} committed={!report.dryRun} testId="mapping-summary" />;
}

/** The lines left out travel with the remarks, so the table offers the « Hors du périmètre » filter as on the standard import. */
export function IssuesTable({ report }: { report: ReportView }) {
  const committed = !report.dryRun;
  return (
    <ImportIssues
      issues={report.issues}
      total={report.totalIssues}
      lines={report.notImported}
      committed={committed}
      prefix={committed ? "import" : "verification"}
      title={committed ? "Détail de l'import, ligne par ligne" : "Détail de la vérification, ligne par ligne"}
    />
  );
}

/** What a committed import did, in words, with links to the places written (same sentence as the standard import). */
export function Outcome({ report, territory }: { report: ReportView; territory: string }) {
  return <ImportOutcome report={report} territory={territory} sources={report.sources ?? []} />;
}
