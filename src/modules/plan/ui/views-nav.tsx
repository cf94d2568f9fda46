import Link from "next/link";
import type { PlanVersionSummary } from "../versions";

export type PlanViewPath = "calendrier" | "budget" | "carte";
const views: { path: PlanViewPath; label: string }[] = [
  { path: "calendrier", label: "Calendrier" },
  { path: "budget", label: "Synthèse budgétaire" },
  { path: "carte", label: "Carte des communes" },
];

export function versionState(v: PlanVersionSummary): string {
  return v.publishedAt ? "publiée" : v.frozenAt ? "figée" : "de travail";
}

export function versionLabel(v: PlanVersionSummary): string {
  return `Version ${v.number} (${versionState(v)}) : ${v.title}, ${v.kind === "annuel" ? `annuelle ${v.startYear}` : `pluriannuelle ${v.startYear}–${v.endYear}`}`;
}

/**
 * Above each view of the plan: the views (the current one marked), the version shown with links to the others,
 * and the exports of that version. Links only: it works without JavaScript.
 */
export function PlanViewsNav({ slug, current, version, versions }: { slug: string; current: PlanViewPath; version: PlanVersionSummary; versions: PlanVersionSummary[] }) {
  const base = `/espace/${slug}/plan`;
  const latest = versions[0]?.number;
  const q = version.number === latest ? "" : `?version=${version.number}`;
  const exportQ = `?version=${version.number}`;
  return (
    <>
      <nav className="fr-mb-2w" aria-label="Vues du plan d'action">
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
          {views.map((v) => (
            <li key={v.path}>
              <Link className={`fr-btn fr-btn--sm ${v.path === current ? "" : "fr-btn--secondary"}`} href={`${base}/${v.path}${q}`} prefetch={false} aria-current={v.path === current ? "page" : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="fr-mb-1w">
        <strong>{versionLabel(version)}</strong>
      </p>
      {versions.length > 1 ? (
        <nav aria-label="Autres versions du plan" className="fr-mb-2w">
          <p className="fr-mb-0">Voir une autre version :</p>
          <ul>
            {versions
              .filter((v) => v.number !== version.number)
              .map((v) => (
                <li key={v.id}>
                  <Link href={`${base}/${current}${v.number === latest ? "" : `?version=${v.number}`}`} prefetch={false}>
                    {versionLabel(v)}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
      <p className="fr-text--sm">
        Exporter cette version :{" "}
        <a href={`${base}/export/xlsx${exportQ}`} download>
          tableur Excel (XLSX)
        </a>
        ,{" "}
        <a href={`${base}/export/ods${exportQ}`} download>
          tableur OpenDocument (ODS)
        </a>
        ,{" "}
        <a href={`${base}/export/odt${exportQ}`} download>
          document texte (ODT)
        </a>
        , <a href={`${base}/export/pdf${exportQ}`}>PDF</a>,{" "}
        <a href={`${base}/export/json${exportQ}`} download>
          données JSON
        </a>
        .
      </p>
    </>
  );
}
