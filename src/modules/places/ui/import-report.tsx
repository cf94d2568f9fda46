import { countOf, plural } from "@/platform/text";
import type { ImportReport } from "../commands";
import { Table } from "@/ui/table";

/** The counts of an import report (check or commit), as both import pages show them. */
export type ReportCounts = { records: number; accepted: number; warned: number; rejected: number; created: number; updated: number; unchanged: number; skipped: number; conflicts?: number; toImport: number };

export function ImportSummary({ report, committed, testId }: { report: ReportCounts; committed: boolean; testId: string }) {
  return (
    <ul data-testid={testId}>
      <li>{countOf(report.records, "lieu lu", "lieux lus")} dans le fichier</li>
      <li>
        {countOf(report.accepted, "accepté", "acceptés")}, {countOf(report.warned, "accepté", "acceptés")} avec avertissements, {countOf(report.rejected, "refusé", "refusés")}
      </li>
      {committed ? (
        <li>
          Import enregistré : {countOf(report.created, "créé", "créés")}, {report.updated} mis à jour, {countOf(report.unchanged, "inchangé", "inchangés")}, {countOf(report.skipped, "ignoré", "ignorés")} hors du périmètre
        </li>
      ) : (
        <li>
          {countOf(report.toImport, "lieu sera importé", "lieux seront importés")}, {countOf(report.skipped, "ignoré", "ignorés")} hors du périmètre
        </li>
      )}
      {report.conflicts ? (
        <li>
          <strong>{countOf(report.conflicts, "conflit", "conflits")}</strong> : {plural(report.conflicts, "ligne désignant", "lignes désignant")} un lieu d&apos;un autre territoire, que vous ne pouvez pas modifier ; rien n&apos;a été changé
          pour elles (voir les remarques ligne par ligne).
        </li>
      ) : null}
    </ul>
  );
}

/** The line-by-line remarks (the first `issues.length` of `total`). */
export function ImportIssues({ issues, total }: { issues: ImportReport["issues"]; total: number }) {
  if (total === 0) return <p>Aucune remarque : toutes les lignes sont conformes au standard.</p>;
  return (
    <div className="fr-table fr-table--sm">
      <Table>
        <caption>
          Rapport ligne à ligne ({total} remarque{total > 1 ? "s" : ""}
          {total > issues.length ? `, ${issues.length} premières affichées` : ""})
        </caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Identifiant</th>
            <th scope="col">Champ</th>
            <th scope="col">Niveau</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n}>
              <td>{i.line || "fichier"}</td>
              <td className="maillage-pre">{i.id}</td>
              <td>{i.field}</td>
              <td>{i.level === "error" ? <span className="fr-badge fr-badge--sm fr-badge--error">Erreur</span> : <span className="fr-badge fr-badge--sm fr-badge--warning">Avertissement</span>}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
