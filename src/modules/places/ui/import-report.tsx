import Link from "next/link";
import type { ImportLine, ImportReport } from "../commands";
import { actorSentence, LINE_FILTERS, lineFilters, outcomeDetail, outcomeSentence, reportRows, reportSummary, rowMatches, type ReportCounts, type ReportRow } from "../import-outcome";
import { Table } from "@/ui/table";
import { ReportFilterNav } from "./report-filter-nav";

export type { ReportCounts } from "../import-outcome";

/**
 * The pieces of an import report, shared by the standard import and the column-mapping route: the counts
 * first, then the lines, filterable (refused, with warnings, outside the perimeter, all).
 */
export function ImportSummary({ report, committed, testId }: { report: ReportCounts; committed: boolean; testId: string }) {
  const items = reportSummary(report, committed);
  return (
    <ul data-testid={testId} className="maillage-report-summary">
      {items.map((i) => (
        <li key={i.key} data-count={i.key}>
          {i.count > 0 && (i.key === "rejected" || i.key === "conflicts") ? <strong>{i.label}</strong> : i.label}
        </li>
      ))}
    </ul>
  );
}

/** What a committed import did, in words, and where its places are now (the territory's list, by source). */
export function ImportOutcome({ report, territory, sources }: { report: ReportCounts; territory: string; sources: string[] }) {
  const added = report.created + report.updated + report.unchanged;
  return (
    <>
      <p className="fr-text--lead fr-mb-1w" data-testid="import-outcome">
        {outcomeSentence(report)}
      </p>
      {outcomeDetail(report).map((s) => (
        <p key={s} className="fr-mb-1w">
          {s}
        </p>
      ))}
      {added > 0 ? (
        <ul>
          {sources.length === 1 ? (
            <li>
              <Link href={`/territoires/${territory}/lieux?${new URLSearchParams({ source: sources[0] ?? "" })}`}>Voir les lieux importés (source « {sources[0]} »)</Link>
            </li>
          ) : (
            sources.map((s) => (
              <li key={s}>
                <Link href={`/territoires/${territory}/lieux?${new URLSearchParams({ source: s })}`}>Voir les lieux de la source « {s} »</Link>
              </li>
            ))
          )}
          <li>
            <Link href={`/territoires/${territory}/lieux`}>Voir tous les lieux du territoire</Link>
          </li>
        </ul>
      ) : null}
    </>
  );
}

const statusLabel = (status: ImportLine["status"], committed: boolean) =>
  ({
    created: committed ? "ajouté" : "à importer",
    updated: "mis à jour",
    unchanged: "inchangé",
    skipped: "hors du périmètre, ignoré",
    rejected: "refusé",
    conflict: "conflit : inchangé",
  })[status];

function rowState(r: ReportRow, committed: boolean): string {
  if (r.status) return statusLabel(r.status, committed);
  if (r.line === 0) return "fichier";
  return r.messages.some((m) => m.level === "error") ? "refusé" : "accepté";
}

const captions: Record<(typeof LINE_FILTERS)[number]["key"], string> = {
  refusees: "Lignes refusées",
  avertissements: "Lignes acceptées avec avertissements",
  "hors-perimetre": "Lignes hors du périmètre",
  toutes: "Toutes les lignes",
};
const empty: Record<(typeof LINE_FILTERS)[number]["key"], string> = {
  refusees: "Aucune ligne refusée.",
  avertissements: "Aucune ligne avec avertissement.",
  "hors-perimetre": "Aucune ligne hors du périmètre.",
  toutes: "Aucune ligne.",
};

function RowsTable({ rows, caption, committed }: { rows: ReportRow[]; caption: string; committed: boolean }) {
  // A data·inclusion file: each structure is a place and an actor; the report says both.
  const actors = rows.some((r) => r.actor);
  return (
    <div className="fr-table fr-table--sm fr-mb-2w">
      <Table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Identifiant</th>
            <th scope="col">{actors ? "Lieu" : "État"}</th>
            {actors ? <th scope="col">Acteur</th> : null}
            <th scope="col">Remarques</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.line}-${r.id}`}>
              <td>{r.line || "fichier"}</td>
              <td className="maillage-pre">{r.id}</td>
              <td>{rowState(r, committed)}</td>
              {actors ? (
                <td>
                  {r.actor ? (
                    <>
                      <p className="fr-text--sm fr-mb-1v">{actorSentence(r.actor, committed)}</p>
                      {r.actor.notes.map((n) => (
                        <p key={n} className="fr-text--sm fr-mb-1v">
                          {n}
                        </p>
                      ))}
                    </>
                  ) : null}
                </td>
              ) : null}
              <td>
                {r.reason ? <p className="fr-text--sm fr-mb-1v">{r.reason}</p> : null}
                {r.messages.map((m, n) => (
                  <p key={n} className="fr-text--sm fr-mb-1v">
                    {m.level === "error" ? <span className="fr-badge fr-badge--sm fr-badge--error">Erreur</span> : <span className="fr-badge fr-badge--sm fr-badge--warning">Avertissement</span>}{" "}
                    {m.field ? <>{m.field} : </> : null}
                    {m.message}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/**
 * The line-by-line report: each line with its state and remarks, filterable by links to sections of the
 * page (see ReportFilterNav: no JavaScript needed). `issues` are the first of `total` remarks; `lines`, the
 * state of each line when known (the standard import's report has it). `prefix` keeps the sections' ids
 * unique when a page shows two reports.
 */
export function ImportIssues({ issues, total, lines, committed = false, prefix = "rapport", title = "Détail ligne par ligne" }: {
  issues: ImportReport["issues"];
  total: number;
  lines?: ImportLine[];
  committed?: boolean;
  prefix?: string;
  /** The heading (and the filters' name): unique on the page. */
  title?: string;
}) {
  const rows = reportRows(issues, lines);
  if (total === 0 && rows.every((r) => r.messages.length === 0 && !r.reason && r.status !== "rejected" && r.status !== "skipped" && r.status !== "conflict")) {
    return <p>Aucune remarque : toutes les lignes sont conformes au standard.</p>;
  }
  const groups = lineFilters(lines !== undefined).map((f) => ({ ...f, rows: rows.filter((r) => rowMatches(r, f.key)) }));
  const cut = total > issues.length ? ` (les ${issues.length} premières remarques sur ${total})` : "";
  return (
    <section aria-labelledby={`${prefix}-detail-titre`} className="fr-mb-3w">
      <h3 id={`${prefix}-detail-titre`} className="fr-h6">
        {title}
      </h3>
      <ReportFilterNav prefix={prefix} label={`Filtrer : ${title.toLowerCase()}`} items={groups.map((g) => ({ key: g.key, label: g.label, count: g.rows.length }))} />
      <div className="maillage-report-filtered">
        {groups.map((g) => (
          <section key={g.key} id={`${prefix}-${g.key}`} tabIndex={-1} className={g.key === "toutes" ? "maillage-report-all" : "maillage-report-filter"}>
            {g.rows.length === 0 ? <p>{empty[g.key]}</p> : <RowsTable rows={g.rows} caption={`${captions[g.key]} (${g.rows.length})${cut}`} committed={committed} />}
          </section>
        ))}
      </div>
    </section>
  );
}
