"use client";

import Link from "next/link";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { usePathname, useSearchParams } from "next/navigation";
import { currentHref, isBarePage, isUnprinted, workspaceCrumbs, type BarePages, type SubPages } from "./workspace-menu-logic";

type Group = { index: number; title: string; tabs: { label: string; href: string }[] };

/**
 * The workspace header drawn once by espace/[slug]/layout.tsx: breadcrumb (except on an item's page, which
 * draws its own), the territory's name, then the
 * menu. A layout is not rendered again on client navigation between its pages, so the current tab is found
 * here from the path (usePathname); the server renders it too, so pages work without JavaScript.
 * Tabs are not prefetched: every workspace page is rendered per person and request, so prefetching the dozen
 * tabs of every page view cost several times the page itself on the server (bench/public-load.ts); a tab is
 * fetched when clicked. The cached public page still is.
 */
export function WorkspaceMenu(props: { home: string; name: string; isDemo: boolean; publicHref: string; groups: Group[]; bare: BarePages; subPages: SubPages }) {
  const { home, name, isDemo, publicHref, groups, bare } = props;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  if (groups.length === 0 || isBarePage(pathname, searchParams, bare)) return null;
  const current = currentHref(pathname, home, groups.flatMap((g) => g.tabs.map((t) => t.href)));
  // Pages that show an item draw their own breadcrumb, naming it (src/ui/breadcrumbs.tsx).
  const crumbs = workspaceCrumbs(pathname, home, name, groups.flatMap((g) => g.tabs), props.subPages);
  const header = (
    <>
      {crumbs ? <Breadcrumb segments={crumbs.segments.map((s) => ({ label: s.label, linkProps: { href: s.href, prefetch: false } }))} currentPageLabel={crumbs.current} /> : null}
      <h1>
        {name}
        {isDemo ? <span className="fr-badge fr-badge--info fr-ml-2w">Démonstration</span> : null}
      </h1>
      <nav className="fr-mb-4w maillage-workspace-nav" aria-label="Espace de travail du territoire">
        <div className="fr-grid-row fr-grid-row--gutters">
          {groups.map((g) => (
            <div key={g.index} className="fr-col-12 fr-col-md-4">
              <p className="fr-text--sm fr-text--bold fr-mb-1w" id={`espace-groupe-${g.index}`}>
                {g.title}
              </p>
              <ul className="fr-raw-list" aria-labelledby={`espace-groupe-${g.index}`}>
                {g.tabs.map((t) => (
                  <li key={t.href} className="fr-mb-1v">
                    <Link className={`fr-link${t.href === current ? " fr-text--bold" : ""}`} href={t.href} prefetch={false} aria-current={t.href === current ? "page" : undefined}>
                      {t.label}
                    </Link>
                  </li>
                ))}
                {g.index === 0 ? (
                  <li className="fr-mb-1v">
                    <Link className="fr-link" href={publicHref}>
                      Page publique
                    </Link>
                  </li>
                ) : null}
              </ul>
            </div>
          ))}
        </div>
      </nav>
    </>
  );
  return isUnprinted(pathname, bare) ? <div className="maillage-no-print">{header}</div> : header;
}
