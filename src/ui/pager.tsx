import Link from "next/link";

/** DSFR pagination as plain links: works without JavaScript and with the keyboard. */
// Not prefetched: another page of a list is rendered per request (its number is in the query string), and
// prefetching every page number of every list cost more than the page itself (bench/public-load.ts).
export function Pager({ page, total, pageSize, href, label = "Pagination" }: { page: number; total: number; pageSize: number; href: (page: number) => string; label?: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const current = Math.min(Math.max(1, page), pages);
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav role="navigation" className="fr-pagination fr-mt-3w" aria-label={label}>
      <ul className="fr-pagination__list">
        <li>
          {current > 1 ? (
            <Link className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(current - 1)} prefetch={false}>
              Page précédente
            </Link>
          ) : (
            <a className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">
              Page précédente
            </a>
          )}
        </li>
        {shown.flatMap((p, i) => [
          ...(i > 0 && shown[i - 1] !== p - 1
            ? [
                <li key={`gap-${p}`}>
                  <span className="fr-pagination__link fr-displayed-lg">…</span>
                </li>,
              ]
            : []),
          <li key={p}>
            <Link className="fr-pagination__link" href={href(p)} prefetch={false} aria-current={p === current ? "page" : undefined} title={`Page ${p}`}>
              {p}
            </Link>
          </li>,
        ])}
        <li>
          {current < pages ? (
            <Link className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(current + 1)} prefetch={false}>
              Page suivante
            </Link>
          ) : (
            <a className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">
              Page suivante
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}

/** Reads ?page= safely. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 && n < 100_000 ? n : 1;
}
