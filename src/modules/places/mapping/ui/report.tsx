import type { ReportView } from "../wizard";

// The summary and the line-by-line table of an import report, as on the standard import page
// (copied from places/ui/import-places.tsx, which another change is editing: to be shared later).

export function ReportSummary({ report }: { report: ReportView }) {
  return (
    <ul data-testid="mapping-summary">
      <li>{report.records} lieu(x) lus dans le fichier</li>
      <li>
        {report.accepted} accepté(s), {report.warned} accepté(s) avec avertissements, {report.rejected} refusé(s)
      </li>
      {report.dryRun ? (
        <li>
          {report.toImport} lieu(x) seront importés, {report.skipped} ignoré(s) hors du périmètre
        </li>
      ) : (
        <li>
          Import enregistré : {report.created} créé(s), {report.updated} mis à jour, {report.unchanged} inchangé(s), {report.skipped} ignoré(s) hors du périmètre
        </li>
      )}
    </ul>
  );
}

const statusLabels = { created: "à créer", updated: "mis à jour", unchanged: "inchangé", skipped: "ignoré (hors périmètre)", rejected: "refusé" } as const;

export function IssuesTable({ report }: { report: ReportView }) {
  if (report.totalIssues === 0) return <p>Aucune remarque : toutes les lignes sont conformes au standard.</p>;
  return (
    <div className="fr-table fr-table--sm">
      <table>
        <caption>
          Rapport ligne à ligne ({report.totalIssues} remarque{report.totalIssues > 1 ? "s" : ""}
          {report.totalIssues > report.issues.length ? `, ${report.issues.length} premières affichées` : ""})
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
          {report.issues.map((i, n) => (
            <tr key={n}>
              <td>{i.line || "fichier"}</td>
              <td className="maillage-pre">{i.id}</td>
              <td>{i.field}</td>
              <td>
                {i.level === "error" ? (
                  <span className="fr-badge fr-badge--sm fr-badge--error">Erreur</span>
                ) : (
                  <span className="fr-badge fr-badge--sm fr-badge--warning">Avertissement</span>
                )}
              </td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
