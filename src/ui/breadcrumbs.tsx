import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Crumb } from "./workspace-menu-logic";

export type { Crumb };

/**
 * Every public page's breadcrumb starts from the same root, "Accueil" (DSFR draws it from homeLinkProps),
 * so that people see one site, whichever page they landed on.
 */
export function PublicBreadcrumb({ segments, current }: { segments: Crumb[]; current: string }) {
  return <Breadcrumb homeLinkProps={{ href: "/" }} segments={segments.map((s) => ({ label: s.label, linkProps: { href: s.href } }))} currentPageLabel={current} />;
}

/** The public crumbs down to a territory's page: Accueil › Territoires › the territory. */
export function territoryCrumbs(territory: { slug: string; name: string }): Crumb[] {
  return [
    { label: "Territoires", href: "/territoires" },
    { label: territory.name, href: `/territoires/${territory.slug}` },
  ];
}

/** A breadcrumb label of an item named by its text (a finding): short enough to read on a phone. */
export function crumbLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The breadcrumb of a workspace page that shows an item: Mes territoires › the territory › the module ›
 * (…) › the item. The workspace menu draws none on these pages (workspaceCrumbs), since it cannot name the item.
 * Not prefetched: workspace pages are rendered per person (see WorkspaceMenu).
 */
export function WorkspaceBreadcrumb({ territory, module, segments = [], current }: { territory: { slug: string; name: string }; module: Crumb; segments?: Crumb[]; current: string }) {
  const all: Crumb[] = [{ label: "Mes territoires", href: "/espace" }, { label: territory.name, href: `/espace/${territory.slug}` }, module, ...segments];
  return <Breadcrumb segments={all.map((s) => ({ label: s.label, linkProps: { href: s.href, prefetch: false } }))} currentPageLabel={current} />;
}
