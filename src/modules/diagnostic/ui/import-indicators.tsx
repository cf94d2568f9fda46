"use client";

import { countOf } from "@/platform/text";
import type { ActionState } from "@/platform/web/action";
import { INDICATORS_FILE } from "@/platform/files/limits";
import { CheckedFile, CheckFileForm } from "@/ui/two-step-import";
import { checkIndicatorsAction, commitIndicatorsAction } from "@/modules/diagnostic/actions";
import type { IndicatorReport } from "../indicators";
import { Table } from "@/ui/table";

const MAX_ROWS = 500;

function Report({ report }: { report: IndicatorReport }) {
  return (
    <>
      <ul data-testid="indicators-summary">
        <li>{countOf(report.rows, "ligne lue", "lignes lues")} : {countOf(report.accepted, "acceptée", "acceptées")}, {countOf(report.rejected, "refusée", "refusées")}</li>
        {report.indicators.map((i) => (
          <li key={i.key}>
            « {i.label} »{i.unit ? ` (${i.unit})` : ""} : {countOf(i.values, "valeur", "valeurs")}
          </li>
        ))}
      </ul>
      {report.issues.length === 0 ? (
        <p>Aucune remarque : toutes les lignes sont valables.</p>
      ) : (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Rapport ligne à ligne ({countOf(report.issues.length, "remarque", "remarques")})</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Colonne</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.slice(0, MAX_ROWS).map((i, n) => (
                <tr key={n}>
                  <td>{i.line || "fichier"}</td>
                  <td>{i.column}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}

export function ImportIndicators({ territory }: { territory: string }) {
  const committed = (state: ActionState) => (
    <div className="fr-alert fr-alert--success fr-mb-3w">
      <h3 className="fr-alert__title">Indicateurs importés</h3>
      <Report report={JSON.parse(state.result?.report ?? "{}") as IndicatorReport} />
      <p>
        <a href={`/espace/${territory}/diagnostic`}>Voir le portrait du territoire</a>
      </p>
    </div>
  );
  const checked = (state: ActionState) => {
    const report = JSON.parse(state.result?.report ?? "{}") as IndicatorReport;
    return (
      <CheckedFile
        heading="h3"
        filename={state.result?.filename ?? ""}
        commit={
          report.accepted > 0 && report.indicators.length > 0
            ? {
                action: commitIndicatorsAction,
                label: `Importer ${countOf(report.indicators.length, "indicateur", "indicateurs")}`,
                territory,
                upload: state.result?.token ?? "",
                note: "Les lignes refusées sont ignorées. Un indicateur déjà importé sous le même nom est remplacé par ces valeurs.",
                success: committed,
              }
            : undefined
        }
        nothing="Rien à importer : corrigez le fichier puis vérifiez-le à nouveau."
      >
        <Report report={report} />
      </CheckedFile>
    );
  };
  return (
    <CheckFileForm
      action={checkIndicatorsAction}
      territory={territory}
      checked={checked}
      file={{
        name: "file",
        label: "Fichier d'indicateurs",
        hint: `CSV (virgule ou point-virgule) ou XLSX, ${INDICATORS_FILE.limitLabel} au plus. Une colonne code_insee, puis une colonne par indicateur ; l'unité entre parenthèses dans le titre, par exemple « Taux de chômage (%) ». La vérification n'écrit rien.`,
        maxBytes: INDICATORS_FILE.maxBytes,
        limitLabel: INDICATORS_FILE.limitLabel,
        accept: INDICATORS_FILE.accept,
      }}
    />
  );
}
