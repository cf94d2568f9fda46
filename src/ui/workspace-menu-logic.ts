/**
 * Pages of the workspace drawn without the menu (a poster to print, the État des lieux as Chromium prints it
 * into a PDF): paths ending with one of `pathSuffixes`, or a search parameter equal to the value given.
 * `unprintedSuffixes`: pages that show the menu on screen but not on paper (a document meant to be printed).
 */
export type BarePages = { pathSuffixes: string[]; searchParams: Record<string, string>; unprintedSuffixes: string[] };

export function isBarePage(pathname: string, searchParams: { get(name: string): string | null } | null, bare: BarePages): boolean {
  if (bare.pathSuffixes.some((suffix) => pathname.endsWith(suffix))) return true;
  return Object.entries(bare.searchParams).some(([name, value]) => searchParams?.get(name) === value);
}

/**
 * The tab of the current page: the tab whose address is the longest one the path starts with (a questionnaire's
 * results are under "Questionnaires", an actor's maturity under "Acteurs"). The workspace's home is current on
 * itself only, or every page would fall under it.
 */
export function currentHref(pathname: string, home: string, hrefs: string[]): string | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  let best: string | undefined;
  for (const href of hrefs) {
    const matches = href === home ? path === home : path === href || path.startsWith(`${href}/`);
    if (matches && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}

export function isUnprinted(pathname: string, bare: BarePages): boolean {
  const path = pathname.replace(/\/+$/, "");
  return bare.unprintedSuffixes.some((suffix) => path.endsWith(suffix));
}

export type Crumb = { label: string; href: string };

/** Workspace pages below a tab that show no item: their label in the breadcrumb (path relative to the workspace's home). */
export type SubPages = Record<string, string>;

/**
 * The workspace breadcrumb the menu draws (Mes territoires › territory › module › page): on the home, on a
 * module's own page, and on the pages below a module listed in `subPages`. Any other page below a module
 * shows an item (a place, a finding, an actor, a questionnaire…): it draws its own breadcrumb, which names
 * the item (see WorkspaceBreadcrumb), and the menu draws none (`undefined`), so that a page never has two.
 */
export function workspaceCrumbs(pathname: string, home: string, name: string, tabs: { label: string; href: string }[], subPages: SubPages): { segments: Crumb[]; current: string } | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  const root: Crumb = { label: "Mes territoires", href: "/espace" };
  if (path === home) return { segments: [root], current: name };
  const territory: Crumb = { label: name, href: home };
  const tabHref = currentHref(path, home, tabs.map((t) => t.href));
  const tab = tabs.find((t) => t.href === tabHref);
  if (!tab) return undefined;
  if (path === tab.href) return { segments: [root, territory], current: tab.label };
  const sub = subPages[path.slice(home.length + 1)];
  return sub ? { segments: [root, territory, { label: tab.label, href: tab.href }], current: sub } : undefined;
}
