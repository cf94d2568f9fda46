import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate, formatDateTime } from "@/platform/text";
import { readSingleSearchParams, searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { indicatorAbilities } from "@/modules/indicators/policy";
import { findEvaluationReport, listEvaluationReports } from "@/modules/indicators/queries";
import { ActionForm, Hidden } from "@/ui/form";
import { ActionErrorNotice } from "@/ui/action-error";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { currentEvaluation, type EvaluationSnapshot } from "@/composition/evaluation/report";
import { publishEvaluationAction } from "@/composition/evaluation/actions";
import { EvaluationBody, Summary } from "@/composition/evaluation/ui/evaluation-view";

export const metadata: Metadata = { title: "Rapport d'évaluation" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

/**
 * The evaluation report for decision makers: the working state (figures of today) or a published version
 * (`?version=N`, kept as published). `?impression=1` is the page Chromium prints into the PDF (no menu, no forms).
 */
export default async function EvaluationReportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const base = `/espace/${slug}/evaluation`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `${base}/rapport`);
  const { db } = await getRuntime();
  const printing = sp.impression === "1";
  const wanted = sp.version === undefined ? undefined : searchInt(sp.version, { min: 1 });
  if (sp.version !== undefined && wanted === undefined) notFound();
  const published = wanted ? await findEvaluationReport<EvaluationSnapshot>(db, territory.id, wanted) : undefined;
  if (wanted && !published) notFound();
  const snapshot = published ? published.data : await currentEvaluation(db, territory);
  const { data, changes } = snapshot;
  const versions = printing ? [] : await listEvaluationReports(db, territory.id);
  const can = indicatorAbilities(principal, territory);
  const query = published ? `?version=${published.version}` : "";
  return (
    <>
      {printing ? null : <WorkspaceBreadcrumb territory={territory} module={{ label: "Évaluation", href: base }} current="Rapport d'évaluation" />}
      <ActionErrorNotice code={sp.erreur} />
      {sp.publie && published ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>La version {published.version} du rapport est publiée : elle ne changera plus.</p>
        </div>
      ) : null}
      <h1 className={printing ? undefined : "fr-h2"}>Rapport d&apos;évaluation — {data.territory.name}</h1>
      <p>{published ? `Version ${published.version}, publiée le ${formatDateTime(published.publishedAt)}${published.publishedBy ? ` par ${published.publishedBy}` : ""}.` : `Version de travail, chiffres du ${formatDate(data.today)} (non publiée).`}</p>
      {printing ? null : (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          <li>
            <a className="fr-btn fr-btn--secondary" href={`${base}/rapport/pdf${query}`}>
              Télécharger en PDF
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={`${base}/rapport/odt${query}`}>
              Télécharger en ODT
            </a>
          </li>
        </ul>
      )}
      <h2>Synthèse</h2>
      <Summary data={data} />
      <h2 id="changements">Ce qui a changé</h2>
      {changes.since ? <p>Depuis la version {changes.since.version} du {formatDate(new Date(changes.since.publishedAt))} :</p> : null}
      <ul>
        {changes.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <EvaluationBody data={data} />
      {printing ? null : (
        <section aria-labelledby="versions-titre" className="fr-mt-6w">
          <h2 id="versions-titre">Versions publiées</h2>
          {versions.length === 0 ? (
            <p>Aucune version publiée pour l&apos;instant.</p>
          ) : (
            <ul>
              {versions.map((v) => (
                <li key={v.version}>
                  <a href={`${base}/rapport?version=${v.version}`} aria-current={published?.version === v.version ? "page" : undefined}>
                    Version {v.version}
                  </a>{" "}
                  — publiée le {formatDateTime(v.publishedAt)}
                  {v.publishedBy ? ` par ${v.publishedBy}` : ""}
                </li>
              ))}
            </ul>
          )}
          {published ? (
            <p>
              <a href={`${base}/rapport`}>Voir la version de travail (chiffres du jour)</a>
            </p>
          ) : null}
          {can.publishReport && !published ? (
            <>
              <h3>Publier cette version</h3>
              <p>La version publiée garde ses chiffres tels qu&apos;ils sont aujourd&apos;hui ; la suivante dira ce qui a changé depuis.</p>
              <ActionForm action={publishEvaluationAction} submitLabel="Publier la version">
                <Hidden name="territory" value={territory.slug} />
                <div className="fr-fieldset__element">
                  <div className="fr-checkbox-group">
                    <input type="checkbox" id="publier-comprends" name="comprends" value="oui" />
                    <label className="fr-label" htmlFor="publier-comprends">
                      Je comprends que cette version ne pourra plus être modifiée
                    </label>
                  </div>
                </div>
              </ActionForm>
            </>
          ) : null}
        </section>
      )}
    </>
  );
}
