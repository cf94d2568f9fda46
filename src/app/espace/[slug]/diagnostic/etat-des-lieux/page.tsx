import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDateTime } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, CheckboxGroup, Hidden } from "@/ui/form";
import { diagnosticAbilities } from "@/modules/diagnostic/policy";
import { buildReport, findReport, listReports } from "@/composition/etat-des-lieux/report";
import { ReportView } from "@/composition/etat-des-lieux/ui/report-view";
import { publishReportAction } from "@/composition/etat-des-lieux/actions";
import { readSearchParams, searchInt } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "État des lieux" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The État des lieux: the working version (figures of today) or a published, numbered one; printable, and as PDF. */
export default async function ReportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/diagnostic/etat-des-lieux`);
  const can = diagnosticAbilities(principal, territory);
  const { db } = await getRuntime();
  const wanted = one(sp.version);
  // A version that is not a number within an integer's bounds is no version: 404, not a database error.
  const wantedNumber = searchInt(wanted);
  const published = wantedNumber !== undefined ? await findReport(db, territory.id, wantedNumber) : undefined;
  if (wanted && !published) notFound();
  const data = published?.data ?? (await buildReport(db, territory));
  const version = published ? { number: published.version, publishedAt: published.publishedAt, by: published.publishedBy } : null;
  const standalone = one(sp.impression) === "1";
  if (standalone) return <ReportView data={data} version={version} standalone />;

  const versions = await listReports(db, territory.id);
  const base = `/espace/${territory.slug}/diagnostic/etat-des-lieux`;
  const pdfHref = `${base}/pdf${published ? `?version=${published.version}` : ""}`;
  return (
    <>
      <div className="maillage-no-print">
        {one(sp.publie) ? (
          <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
            <p>La version {one(sp.publie)} est publiée : ses chiffres ne changeront plus.</p>
          </div>
        ) : null}
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">
            {published ? `Vous lisez la version ${published.version} publiée.` : "Vous lisez la version de travail : ses chiffres suivent les données d'aujourd'hui."}{" "}
            <a href={pdfHref}>Télécharger en PDF</a> (ou imprimez cette page).
          </p>
          {versions.length ? (
            <ul className="fr-mt-1w">
              {!published ? null : (
                <li>
                  <Link href={base}>Version de travail</Link>
                </li>
              )}
              {versions.map((v) => (
                <li key={v.version}>
                  {published?.version === v.version ? (
                    <span aria-current="page">Version {v.version}</span>
                  ) : (
                    <Link href={`${base}?version=${v.version}`}>Version {v.version}</Link>
                  )}{" "}
                  — publiée le {formatDateTime(v.publishedAt)}
                  {v.publishedBy ? ` par ${v.publishedBy}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {can.publishReport && !published ? (
            <ActionForm action={publishReportAction} submitLabel="Publier cette version">
              <Hidden name="territory" value={territory.slug} />
              <p className="fr-text--sm">
                Publier fige les chiffres d&apos;aujourd&apos;hui sous un numéro de version, à partager avec les partenaires et les élus.
              </p>
              <CheckboxGroup
                name="comprends"
                legend="Confirmation"
                options={[{ value: "oui", label: "Je comprends que cette version ne pourra plus être modifiée", hint: "Pour corriger ensuite, il faudra publier une nouvelle version." }]}
              />
            </ActionForm>
          ) : null}
        </div>
      </div>
      <ReportView data={data} version={version} standalone={false} />
    </>
  );
}
