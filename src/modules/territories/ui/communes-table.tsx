import { formatNumber } from "@/platform/text";
import { Pager } from "@/ui/pager";
import { COMMUNE_PAGE_SIZE } from "../queries";

type Row = { code: string; name: string; population: number; postcodes: string; departement: string | null };

/** The communes of the perimeter: the accessible equivalent of the outline map. */
export function CommunesTable({ items, total, page, q, basePath }: { items: Row[]; total: number; page: number; q: string; basePath: string }) {
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}#communes`;
  return (
    <section aria-labelledby="communes-titre" id="communes">
      <h2 id="communes-titre">Communes du territoire</h2>
      <form method="get" action={`${basePath}#communes`} className="fr-search-bar fr-mb-3w" role="search" aria-label="Chercher une commune du territoire">
        <label className="fr-label" htmlFor="communes-q">
          Chercher une commune
        </label>
        <input className="fr-input" id="communes-q" name="q" type="search" defaultValue={q} placeholder="Nom, code INSEE ou code postal" />
        <button className="fr-btn" type="submit" title="Chercher">
          Chercher
        </button>
      </form>
      <div className="fr-table fr-table--no-caption">
        <div className="fr-table__wrapper">
          {/* In this DSFR markup the container scrolls sideways on a phone: in the tab order, named by the caption. */}
          <div className="fr-table__container" tabIndex={0} role="region" aria-labelledby="communes-caption">
            <div className="fr-table__content">
              <table>
                <caption id="communes-caption">
                  Communes du territoire ({formatNumber(total)}{q ? ` correspondant à « ${q} »` : ""}), par population décroissante
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Commune</th>
                    <th scope="col">Code INSEE</th>
                    <th scope="col">Codes postaux</th>
                    <th scope="col">Département</th>
                    <th scope="col" className="fr-cell--right">
                      Population
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      <td>{c.code}</td>
                      <td>{c.postcodes.split(" ").join(", ")}</td>
                      <td>{c.departement}</td>
                      <td className="fr-cell--right">{formatNumber(c.population)}</td>
                    </tr>
                  ))}
                  {items.length === 0 ? (
                    <tr>
                      <td colSpan={5}>Aucune commune ne correspond à cette recherche.</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      <Pager page={page} total={total} pageSize={COMMUNE_PAGE_SIZE} href={href} label="Pages de la liste des communes" />
    </section>
  );
}
