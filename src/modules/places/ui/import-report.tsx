import type { ImportReport } from "../commands";
import { Table } from "@/ui/table";

/** The counts of an import report (check or commit), as both import pages show them. */
export type ReportCounts = { records: number; accepted: number; warned: number; rejected: number; created: number; updated: number; unchanged: number; skipped: number; conflicts?: number; toImport: number };

export function ImportSummary({ report, committed, testId }: { report: ReportCounts; committed: boolean; testId: string }) {
  return (
    <ul data-testid={testId}>
      <li>{report.records} lieu(x) lus dans le fichier</li>
      <li>
        {report.accepted} accepté(s), {report.warned} accepté(s) avec avertissements, {report.rejected} refusé(s)
      </li>
      {committed ? (
        <li>
          Import enregistré : {report.created} créé(s), {report.updated} mis à jour, {report.unchanged} inchangé(s), {report.skipped} ignoré(s) hors du périmètre
        </li>
      ) : (
        <li>
          {report.toImport} lieu(x) seront importés, {report.skipped} ignoré(s) hors du périmètre
        </li>
      )}
      {report.conflicts ? (
        <li>
          <strong>{report.conflicts} conflit(s)</strong> : ligne(s) désignant un lieu d&apos;un autre territoire, que vous ne pouvez pas modifier ; rien n&apos;a été changé
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
