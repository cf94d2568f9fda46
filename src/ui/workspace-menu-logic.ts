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
