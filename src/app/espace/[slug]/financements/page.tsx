import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { FilterSelect } from "@/ui/filter-select";
import { Table } from "@/ui/table";
import { parisDay } from "@/modules/funding/journey";
import { fundingAbilities } from "@/modules/funding/policy";
import { addDays, deadlinesBetween, listSources } from "@/modules/funding/queries";
import { aidKinds } from "@/modules/funding/schema";
import { aidKindLabels, catalogueFiltersSchema, deadlineKindLabels } from "@/modules/funding/validation";
import { scopeWords } from "@/modules/funding/ui/source-summary";
import { CatalogueFilters, oneParam } from "@/modules/funding/ui/catalogue-filters";
import { actionsForFunding } from "@/composition/funding-match";

export const metadata: Metadata = { title: "Financements" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = oneParam;

/** The catalogue of funding sources: the shipped reference list and the territory's own, with its deadlines. */
export default async function FundingCataloguePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/financements`);
  const { db } = await getRuntime();
  const can = fundingAbilities(principal, territory);
  const today = parisDay(new Date());
  const filters = catalogueFiltersSchema.parse({ kind: one(sp.type), theme: one(sp.theme), scope: one(sp.perimetre), soon: one(sp.echeance) });
  const [sources, upcoming, actions] = [await listSources(db, territory.id, filters, today), await deadlinesBetween(db, territory.id, today, addDays(today, 90)), await actionsForFunding(db, territory.id)];
  const filtered = Boolean(filters.kind || filters.theme || filters.scope || filters.soon);
  const base = `/espace/${territory.slug}/financements`;
  return (
    <>
      <h2>Financements</h2>
      <p>
        Où trouver l&apos;argent des actions : une liste de référence écrite pour Maillage (budgets des collectivités, programmes de l&apos;État,
        fonds européens, dotations, CAF, fondations, chèques de médiation, mécénat) et les sources locales que la coordination connaît. Les
        taux et montants indiqués sont des repères : chaque appel fixe les siens.
      </p>
      {sp.supprimee !== undefined ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>La source est supprimée.</p>
        </div>
      ) : null}
      {can.manage ? (
        <p>
          <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href={`${base}/nouvelle`}>
            Ajouter une source locale
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="echeances-titre" className="fr-mb-4w">
        <h3 id="echeances-titre">Échéances des trois prochains mois</h3>
        {upcoming.length === 0 ? (
          <p>Aucune échéance connue d&apos;ici trois mois. Ajoutez les dates des appels depuis la page de chaque source.</p>
        ) : (
          <div className="fr-table">
            <Table>
              <caption>Échéances des trois prochains mois</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((d) => (
                  <tr key={d.id}>
                    <td>{formatDate(d.date)}</td>
                    <td>
                      {deadlineKindLabels[d.kind]}
                      {d.label ? ` : ${d.label}` : ""}
                    </td>
                    <td>
                      <Link href={`${base}/${d.sourceId}`}>{d.sourceName}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      {actions.length > 0 ? (
        <section aria-labelledby="actions-titre" className="fr-mb-4w">
          <h3 id="actions-titre">Financements possibles pour une action du plan</h3>
          <ul>
            {actions.map((a) => (
              <li key={a.id}>
                <Link href={`/espace/${territory.slug}/plan/actions/${a.id}/financements`}>Financements possibles : {a.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <CatalogueFilters label="Filtrer les sources de financement" reset={base} idPrefix="fin" theme={filters.theme}>
            <FilterSelect id="fin-type" name="type" label="Type d'aide" value={filters.kind} options={aidKinds.map((k) => ({ value: k, label: aidKindLabels[k] }))} />
            <FilterSelect
              id="fin-perimetre"
              name="perimetre"
              label="Périmètre"
              value={filters.scope}
              options={[
                { value: "local", label: "Sources locales du territoire" },
                { value: "national", label: "Toute la France" },
                { value: "region", label: "Région" },
                { value: "departement", label: "Département" },
                { value: "epci", label: "Intercommunalité" },
                { value: "communes", label: "Communes" },
              ]}
            />
            <FilterSelect id="fin-echeance" name="echeance" label="Échéance" value={filters.soon} empty="Toutes" options={[{ value: "30", label: "Dans les 30 prochains jours" }, { value: "90", label: "Dans les 3 prochains mois" }]} />
          </CatalogueFilters>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <h3 id="sources-titre">
            {sources.length} source{sources.length > 1 ? "s" : ""}
            {filtered ? " pour ces filtres" : ""}
          </h3>
          {sources.length === 0 ? <p>Aucune source pour ces filtres.</p> : null}
          <ul className="fr-raw-list" aria-labelledby="sources-titre">
            {sources.map((s) => (
              <li key={s.id} className="fr-mb-3w">
                <article className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
                  <h4 className="fr-h6 fr-mb-1w">
                    <Link href={`${base}/${s.id}`}>{s.name}</Link>
                  </h4>
                  <ul className="fr-badges-group">
                    <li>
                      <p className={`fr-badge fr-badge--sm ${s.territoryId ? "fr-badge--blue-ecume" : ""}`}>{s.territoryId ? "Source locale" : "Liste de référence"}</p>
                    </li>
                    <li>
                      <p className="fr-badge fr-badge--sm">{aidKindLabels[s.aidKind]}</p>
                    </li>
                  </ul>
                  <p className="fr-text--sm fr-mb-1w">
                    {s.funder}
                    {s.funder ? " · " : ""}
                    {scopeWords(s)}
                  </p>
                  {s.finances ? <p className="fr-text--sm fr-mb-1w">{s.finances}</p> : null}
                  {s.nextDeadline ? (
                    <p className="fr-text--sm fr-mb-0">
                      <strong>Prochaine échéance :</strong> {deadlineKindLabels[s.nextDeadline.kind].toLowerCase()} le {formatDate(s.nextDeadline.date)}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
