import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { Pager, pageParam } from "@/ui/pager";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { versionedCache } from "@/platform/versioned-cache";
import { communesWithPlaces, listPlaces, PLACE_PAGE_SIZE, placesVersion } from "@/modules/places/queries";
import { filterGroups, filtersQuery, optionsOf, parseFilters, shortLabel } from "@/modules/places/filters";
import { isOpenAt, statusText } from "@/modules/places/hours";
import { PlacesMap } from "@/modules/places/ui/places-map";
import { formatDateTime } from "@/platform/text";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { FilterSelect } from "@/ui/filter-select";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

type Lists = { items: Awaited<ReturnType<typeof listPlaces>>["items"]; total: number; communeOptions: Awaited<ReturnType<typeof communesWithPlaces>> };
/**
 * The list's data per territory, filters and page, kept while the places and the territory do not change
 * ("open now": per minute). The plain list (no filter) is a cached page renewed every minute (page.tsx); a
 * filtered one is rendered per request (recherche/page.tsx): docs/decisions/010-caching-public-pages.md.
 */
const lists = versionedCache<Lists>("public-place-lists", 200);

/**
 * The accessible list of the territory's places, with the same filters as the map; works without JavaScript.
 * `cached`: the page is kept for everyone (tagged with what it shows, and it says when its opening states were computed).
 */
export async function PlacesList({ slug, sp, cached }: { slug: string; sp: Record<string, string | string[] | undefined>; cached: boolean }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  if (cached) await tagPage(publicTags.places, publicTags.territory(territory.id));
  const filters = parseFilters(sp);
  const page = pageParam(sp.page);
  const now = new Date();
  const keep = filters.openNow ? (hours: string | null) => (hours ? isOpenAt(hours, now)?.state === "open" : false) : undefined;
  const query = new URLSearchParams(filtersQuery(sp, page));
  query.sort();
  const key = JSON.stringify([territory.id, territory.updatedAt.getTime(), await placesVersion(db), query.toString(), filters.openNow ? Math.floor(now.getTime() / 60_000) : null]);
  const { items, total, communeOptions } = await lists.get(db, key, async () => {
    const [{ items, total }, communeOptions] = [await listPlaces(db, territory.id, filters, page, keep), await communesWithPlaces(db, territory.id)];
    return { items, total, communeOptions };
  });
  const selected = (key: string) => new Set(([] as string[]).concat(sp[key] ?? []));
  return (
    <>
      <PublicBreadcrumb segments={territoryCrumbs(territory)} current="Lieux" />
      <h1>Lieux de médiation numérique — {territory.name}</h1>
      <p><Link className="fr-btn fr-btn--secondary fr-btn--sm" href={`/territoires/${territory.slug}/lieux/proposer`}>Proposer un lieu</Link></p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <form method="get" aria-label="Filtrer les lieux">
            {filters.source ? <input type="hidden" name="source" value={filters.source} /> : null}
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="lieux-q">Nom, adresse ou commune</label>
              <input className="fr-input" id="lieux-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
            </div>
            <FilterSelect id="lieux-commune" name="commune" label="Commune" value={filters.commune} empty="Toutes" options={communeOptions.map((c) => ({ value: c.code, label: c.name }))} />
            <div className="fr-checkbox-group fr-mb-2w">
              <input type="checkbox" id="lieux-ouvert" name="ouvert" value="1" defaultChecked={filters.openNow} />
              <label className="fr-label" htmlFor="lieux-ouvert">Ouvert maintenant</label>
            </div>
            {filterGroups.map((g) => {
              const chosen = selected(g.key);
              return (
                <details key={g.key} className="fr-mb-2w" open={chosen.size > 0}>
                  <summary>{g.legend}{chosen.size ? ` (${chosen.size})` : ""}</summary>
                  <fieldset className="fr-fieldset" aria-label={g.legend}>
                    {optionsOf(g.field).map((o, i) => (
                      <div className="fr-fieldset__element" key={o.value}>
                        <div className="fr-checkbox-group fr-checkbox-group--sm">
                          <input type="checkbox" id={`${g.key}-${i}`} name={g.key} value={o.value} defaultChecked={chosen.has(o.value)} />
                          <label className="fr-label" htmlFor={`${g.key}-${i}`}>{o.label}</label>
                        </div>
                      </div>
                    ))}
                  </fieldset>
                </details>
              );
            })}
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li><button className="fr-btn" type="submit">Afficher les lieux</button></li>
              <li><Link className="fr-btn fr-btn--tertiary" href={`/territoires/${territory.slug}/lieux`}>Effacer les filtres</Link></li>
            </ul>
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <p role="status">
            {formatNumber(total)} lieu{total > 1 ? "x" : ""} trouvé{total > 1 ? "s" : ""}
            {filters.source ? <> de la source « {filters.source} »</> : null}.
          </p>
          {filters.source ? (
            <p className="fr-text--sm">
              <Link href={`/territoires/${territory.slug}/lieux`}>Voir les lieux de toutes les sources</Link>
            </p>
          ) : null}
          {cached ? <p className="fr-text--sm">Ouvert ou fermé : état au {formatDateTime(now)}, recalculé chaque minute.</p> : null}
          <PlacesMap
            baseUrl={`/territoires/${territory.slug}/fond`}
            dataUrl={`/territoires/${territory.slug}/lieux/carte?${filtersQuery(sp, 1)}`}
            placeHref={`/territoires/${territory.slug}/lieux`}
            count={total}
            territoryName={territory.name}
          />
          <noscript>
            <p className="fr-text--sm">La carte a besoin de JavaScript ; la liste ci-dessous présente les mêmes lieux.</p>
          </noscript>
          <ul className="fr-raw-list">
            {items.map((p) => (
              <li key={p.id} className="fr-mb-3w">
                <h2 className="fr-h5 fr-mb-1v">
                  <Link href={`/territoires/${territory.slug}/lieux/${p.id}`}>{p.name}</Link>
                </h2>
                <p className="fr-mb-1v">{p.data.adresse}, {p.data.code_postal} {p.data.commune}</p>
                {p.hours ? <p className="fr-text--sm fr-mb-1v">{statusText(p.hours, now)}</p> : null}
                {p.services.length ? <p className="fr-text--sm fr-mb-0">Services : {p.services.map(shortLabel).join(" · ")}</p> : null}
              </li>
            ))}
          </ul>
          <Pager page={page} total={total} pageSize={PLACE_PAGE_SIZE} href={(n) => `/territoires/${territory.slug}/lieux?${filtersQuery(sp, n)}`} label="Pages de la liste des lieux" />
          <h2 className="fr-h6 fr-mt-4w">Données ouvertes</h2>
          <p className="fr-text--sm">
            Tous les lieux du territoire au format du standard national v1.0.2 :{" "}
            <a href={`/territoires/${territory.slug}/lieux/export/csv`} download>CSV</a>,{" "}
            <a href={`/territoires/${territory.slug}/lieux/export/json`} download>JSON</a>,{" "}
            <a href={`/territoires/${territory.slug}/lieux/export/geojson`} download>GeoJSON</a>.
          </p>
          <p className="fr-text--sm">
            Les mêmes lieux au format{" "}
            <a href={`/territoires/${territory.slug}/lieux/export/data-inclusion`} download>
              data·inclusion (structures et services, JSON)
            </a>
            .
          </p>
        </div>
      </div>
    </>
  );
}
