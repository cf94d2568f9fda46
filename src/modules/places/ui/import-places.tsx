"use client";

import type { ActionState } from "@/platform/web/action";
import { ActionForm, FileField, Hidden } from "@/ui/form";
import { checkPlacesFileAction, commitPlacesFileAction } from "@/app/_actions/places";
import type { ImportReport } from "../commands";

const statusLabels = { created: "à créer", updated: "mis à jour", unchanged: "inchangé", skipped: "ignoré (hors périmètre)", rejected: "refusé" } as const;
const MAX_ROWS = 500;

function Summary({ report, committed }: { report: ImportReport; committed: boolean }) {
  return (
    <ul data-testid="import-summary">
      <li>{report.records} lieu(x) lus dans le fichier</li>
      <li>{report.accepted} accepté(s), {report.warned} accepté(s) avec avertissements, {report.rejected} refusé(s)</li>
      {committed ? (
        <li>
          Import enregistré : {report.created} créé(s), {report.updated} mis à jour, {report.unchanged} inchangé(s), {report.skipped} ignoré(s) hors du périmètre
        </li>
      ) : (
        <li>{report.lines.filter((l) => l.status === "created").length} lieu(x) seront importés, {report.skipped} ignoré(s) hors du périmètre</li>
      )}
    </ul>
  );
}

function IssuesTable({ report }: { report: ImportReport }) {
  if (report.issues.length === 0) return <p>Aucune remarque : toutes les lignes sont conformes au standard.</p>;
  return (
    <div className="fr-table fr-table--sm">
      <table>
        <caption>
          Rapport ligne à ligne ({report.issues.length} remarque{report.issues.length > 1 ? "s" : ""}
          {report.issues.length > MAX_ROWS ? `, ${MAX_ROWS} premières affichées` : ""})
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
          {report.issues.slice(0, MAX_ROWS).map((i, n) => (
            <tr key={n}>
              <td>{i.line || "fichier"}</td>
              <td className="maillage-pre">{i.id}</td>
              <td>{i.field}</td>
              <td>{i.level === "error" ? <span className="fr-badge fr-badge--sm fr-badge--error">Erreur</span> : <span className="fr-badge fr-badge--sm fr-badge--warning">Avertissement</span>}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function committedResult(state: ActionState) {
  const report = JSON.parse(state.result?.report ?? "{}") as ImportReport;
  return (
    <div className="fr-alert fr-alert--success fr-mb-3w">
      <h3 className="fr-alert__title">Import terminé</h3>
      <Summary report={report} committed />
    </div>
  );
}

export function ImportPlaces({ territory }: { territory: string }) {
  const checked = (state: ActionState) => {
    const report = JSON.parse(state.result?.report ?? "{}") as ImportReport;
    const toImport = report.lines.filter((l) => l.status === "created").length;
    return (
      <section aria-labelledby="verification-titre" className="fr-mb-4w">
        <h2 id="verification-titre">Vérification de « {state.result?.filename} »</h2>
        <Summary report={report} committed={false} />
        <IssuesTable report={report} />
        <details className="fr-mb-3w">
          <summary>État de chaque ligne</summary>
          <ul className="fr-text--sm">
            {report.lines.slice(0, MAX_ROWS).map((l) => (
              <li key={`${l.line}-${l.id}`}>
                Ligne {l.line} ({l.id || "sans identifiant"}) : {statusLabels[l.status]}
              </li>
            ))}
          </ul>
        </details>
        {toImport > 0 ? (
          <ActionForm action={commitPlacesFileAction} submitLabel={`Importer ${toImport} lieu(x)`} success={committedResult}>
            <Hidden name="territory" value={territory} />
            <Hidden name="upload" value={state.result?.token ?? ""} />
            <p>L&apos;import s&apos;enregistre en une seule fois : tout ou rien. Réimporter le même fichier ne crée pas de doublon.</p>
          </ActionForm>
        ) : (
          <p>Aucun lieu à importer dans ce fichier.</p>
        )}
      </section>
    );
  };
  return (
    <ActionForm action={checkPlacesFileAction} submitLabel="Vérifier le fichier" success={checked}>
      <Hidden name="territory" value={territory} />
      <FileField
        name="file"
        label="Fichier de lieux"
        hint="CSV (virgule ou point-virgule, UTF-8 ou Windows-1252) ou JSON, au standard national des lieux de médiation numérique, toute version de v0.1.0 à v1.0.2. 20 Mo au plus. La vérification n'écrit rien."
        accept=".csv,.json,text/csv,application/json"
      />
    </ActionForm>
  );
}
