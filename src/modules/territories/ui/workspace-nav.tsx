import Link from "next/link";
import type { TerritoryAbilities } from "../policy";

type Tab = "apercu" | "membres" | "acteurs" | "maturite" | "journal" | "lieux" | "propositions" | "doublons" | "diagnostic" | "constats";

/** Workspace tabs; each shown only if the policy allows it (abilities computed by the page). */
export function WorkspaceNav({ slug, name, current, abilities, isDemo }: { slug: string; name: string; current: Tab; abilities: TerritoryAbilities; isDemo: boolean }) {
  const tabs: { id: Tab; label: string; href: string; show: boolean }[] = [
    { id: "apercu", label: "Vue d'ensemble", href: `/espace/${slug}`, show: abilities.viewWorkspace },
    { id: "membres", label: "Membres et invitations", href: `/espace/${slug}/membres`, show: abilities.viewMembers },
    { id: "acteurs", label: "Acteurs", href: `/espace/${slug}/acteurs`, show: abilities.viewWorkspace },
    // maturityPolicy.viewTerritory is the territory's viewWorkspace (src/modules/maturity/policy.ts).
    { id: "maturite", label: "Maturité des acteurs", href: `/espace/${slug}/maturite`, show: abilities.viewWorkspace },
    { id: "lieux", label: "Importer des lieux", href: `/espace/${slug}/lieux`, show: abilities.edit },
    { id: "propositions", label: "Propositions de lieux", href: `/espace/${slug}/propositions`, show: abilities.edit },
    { id: "doublons", label: "Doublons", href: `/espace/${slug}/doublons`, show: abilities.edit },
    { id: "diagnostic", label: "Portrait du territoire", href: `/espace/${slug}/diagnostic`, show: abilities.viewWorkspace },
    { id: "constats", label: "Constats", href: `/espace/${slug}/constats`, show: abilities.viewWorkspace },
    { id: "journal", label: "Journal des modifications", href: `/espace/${slug}/journal`, show: abilities.viewAuditLog },
  ];
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/espace">Mes territoires</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">{name}</a></li>
        </ol>
      </nav>
      <h1>
        {name}
        {isDemo ? <span className="fr-badge fr-badge--info fr-ml-2w">Démonstration</span> : null}
      </h1>
      <nav className="fr-mb-4w" aria-label="Espace de travail du territoire">
        <ul className="fr-btns-group fr-btns-group--inline-md">
          {tabs
            .filter((t) => t.show)
            .map((t) => (
              <li key={t.id}>
                <Link className={`fr-btn ${t.id === current ? "" : "fr-btn--secondary"}`} href={t.href} aria-current={t.id === current ? "page" : undefined}>
                  {t.label}
                </Link>
              </li>
            ))}
          <li>
            <Link className="fr-btn fr-btn--tertiary" href={`/territoires/${slug}`}>
              Page publique
            </Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
