import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { Pager, pageParam } from "@/ui/pager";
import { actorAbilities } from "@/modules/actors/policy";
import { ACTOR_PAGE_SIZE, communesWithActors, listActors } from "@/modules/actors/queries";
import { filtersQuery, parseActorFilters } from "@/modules/actors/validation";
import { ActorFiltersForm } from "@/modules/actors/ui/actor-filters";
import { ActorsTable } from "@/modules/actors/ui/actors-table";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Acteurs du territoire" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The actors the territory sees (located in it or serving it), filterable without JavaScript. */
export default async function ActorsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/acteurs`);
  const can = actorAbilities(principal, territory);
  const filters = parseActorFilters(sp);
  const page = pageParam(sp.page);
  const { db } = await getRuntime();
  const [{ items, total }, communes] = [await listActors(db, territory.id, filters, page), await communesWithActors(db, territory.id)];
  const query = filtersQuery(filters);
  const exportHref = (format: string) => `/espace/${territory.slug}/acteurs/export/${format}${query ? `?${query}` : ""}`;
  return (
    <>
      <h2>Acteurs</h2>
      <p>
        Les structures situées dans le territoire ou qui desservent au moins une de ses communes. Chaque structure n&apos;est décrite
        qu&apos;une fois sur la plateforme : les territoires voisins voient la même fiche.
      </p>
      {typeof sp.supprimee === "string" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>La structure « {sp.supprimee.slice(0, 200)} » est supprimée du registre.</p>
        </div>
      ) : null}
      {can.create ? (
        <p>
          <Link className="fr-btn fr-icon-add-line fr-btn--icon-left" href={`/espace/${territory.slug}/acteurs/nouveau`}>
            Ajouter un acteur
          </Link>
        </p>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <ActorFiltersForm base={`/espace/${territory.slug}/acteurs`} filters={filters} communes={communes} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <p role="status">
            {formatNumber(total)} acteur{total > 1 ? "s" : ""} trouvé{total > 1 ? "s" : ""}.
          </p>
          <ActorsTable items={items} href={(id) => `/espace/${territory.slug}/acteurs/${id}`} showStatus={true} />
          <Pager page={page} total={total} pageSize={ACTOR_PAGE_SIZE} href={(n) => `/espace/${territory.slug}/acteurs?${filtersQuery(filters, n)}`} label="Pages de la liste des acteurs" />
          <h3 className="fr-h6 fr-mt-4w">Exporter</h3>
          <p className="fr-text--sm">
            La liste ci-dessus (filtres compris), informations publiques seulement :{" "}
            <a href={exportHref("csv")} download>
              CSV
            </a>
            ,{" "}
            <a href={exportHref("xlsx")} download>
              XLSX (Excel)
            </a>
            ,{" "}
            <a href={exportHref("ods")} download>
              ODS (LibreOffice)
            </a>
            .
          </p>
        </div>
      </div>
    </>
  );
}
