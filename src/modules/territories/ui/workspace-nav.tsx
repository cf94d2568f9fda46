import Link from "next/link";
import type { TerritoryAbilities } from "../policy";

type Tab = "apercu" | "membres" | "acteurs" | "maturite" | "journal" | "lieux" | "propositions" | "doublons" | "diagnostic" | "questionnaires" | "constats";

/**
 * Workspace tabs; each shown only if the policy allows it (abilities computed by the page).
 * Not prefetched: every workspace page is rendered per person and request, so prefetching the dozen tabs of
 * every page view cost several times the page itself on the server (bench/public-load.ts); a tab is
 * fetched when clicked. The cached public page still is.
 */
export function WorkspaceNav({ slug, name, current, abilities, isDemo }: { slug: string; name: string; current: Tab; abilities: TerritoryAbilities; isDemo: boolean }) {
  // Grouped as the process of DOMAIN.md goes: the territory itself, then each phase.
  const groups: { title: string; tabs: { id: Tab; label: string; href: string; show: boolean }[] }[] = [
    {
      title: "Le territoire",
      tabs: [
        { id: "apercu", label: "Vue d'ensemble", href: `/espace/${slug}`, show: abilities.viewWorkspace },
        { id: "membres", label: "Membres et invitations", href: `/espace/${slug}/membres`, show: abilities.viewMembers },
        { id: "journal", label: "Journal des modifications", href: `/espace/${slug}/journal`, show: abilities.viewAuditLog },
      ],
    },
    {
      title: "1. Cartographier et mobiliser",
      tabs: [
        { id: "acteurs", label: "Acteurs", href: `/espace/${slug}/acteurs`, show: abilities.viewWorkspace },
        // maturityPolicy.viewTerritory is the territory's viewWorkspace (src/modules/maturity/policy.ts).
        { id: "maturite", label: "Maturité des acteurs", href: `/espace/${slug}/maturite`, show: abilities.viewWorkspace },
        { id: "lieux", label: "Importer des lieux", href: `/espace/${slug}/lieux`, show: abilities.editRegistry },
        { id: "propositions", label: "Propositions de lieux", href: `/espace/${slug}/propositions`, show: abilities.editRegistry },
        { id: "doublons", label: "Doublons", href: `/espace/${slug}/doublons`, show: abilities.editRegistry },
      ],
    },
    {
      title: "2. Diagnostiquer",
      tabs: [
        { id: "diagnostic", label: "Portrait du territoire", href: `/espace/${slug}/diagnostic`, show: abilities.viewWorkspace },
        // questionnairePolicy.view is membership of the territory, i.e. viewWorkspace (src/modules/questionnaires/policy.ts).
        { id: "questionnaires", label: "Questionnaires", href: `/espace/${slug}/questionnaires`, show: abilities.viewWorkspace },
        { id: "constats", label: "Constats", href: `/espace/${slug}/constats`, show: abilities.viewWorkspace },
      ],
    },
  ];
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/espace" prefetch={false}>Mes territoires</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">{name}</a></li>
        </ol>
      </nav>
      <h1>
        {name}
        {isDemo ? <span className="fr-badge fr-badge--info fr-ml-2w">Démonstration</span> : null}
      </h1>
      <nav className="fr-mb-4w maillage-workspace-nav" aria-label="Espace de travail du territoire">
        <div className="fr-grid-row fr-grid-row--gutters">
          {groups.map((g, i) => {
            const shown = g.tabs.filter((t) => t.show);
            if (shown.length === 0) return null;
            return (
              <div key={g.title} className="fr-col-12 fr-col-md-4">
                <p className="fr-text--sm fr-text--bold fr-mb-1w" id={`espace-groupe-${i}`}>
                  {g.title}
                </p>
                <ul className="fr-raw-list" aria-labelledby={`espace-groupe-${i}`}>
                  {shown.map((t) => (
                    <li key={t.id} className="fr-mb-1v">
                      <Link className={`fr-link${t.id === current ? " fr-text--bold" : ""}`} href={t.href} prefetch={false} aria-current={t.id === current ? "page" : undefined}>
                        {t.label}
                      </Link>
                    </li>
                  ))}
                  {i === 0 ? (
                    <li className="fr-mb-1v">
                      <Link className="fr-link" href={`/territoires/${slug}`}>
                        Page publique
                      </Link>
                    </li>
                  ) : null}
                </ul>
              </div>
            );
          })}
        </div>
      </nav>
    </>
  );
}
