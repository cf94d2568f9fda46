import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { Pager, pageParam } from "@/ui/pager";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { ACTOR_PAGE_SIZE, communesWithActors, listActors } from "@/modules/actors/queries";
import { filtersQuery, parseActorFilters } from "@/modules/actors/validation";
import { ActorFiltersForm } from "@/modules/actors/ui/actor-filters";
import { ActorsTable } from "@/modules/actors/ui/actors-table";
import { readSearchParams } from "@/platform/web/search-params";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Acteurs du territoire" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The public directory of who does what in the territory: public fields only. The "engagé / à mobiliser"
 * status is the coordination's working judgement, never published, and cannot be filtered on here.
 */
export default async function PublicActorsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const filters = { ...parseActorFilters(sp), status: undefined };
  const page = pageParam(sp.page);
  const [{ items, total }, communes] = [await listActors(db, territory.id, filters, page), await communesWithActors(db, territory.id)];
  const base = `/territoires/${territory.slug}/acteurs`;
  return (
    <>
      <PublicBreadcrumb segments={territoryCrumbs(territory)} current="Acteurs" />
      <h1>Acteurs de l&apos;inclusion numérique — {territory.name}</h1>
      <p>
        Les structures situées dans le territoire ou qui desservent au moins une de ses communes : collectivités, associations, services
        de l&apos;État, entreprises… Pour trouver un lieu où se faire aider, consultez plutôt les{" "}
        <Link href={`/territoires/${territory.slug}/lieux`}>lieux de médiation numérique</Link>.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <ActorFiltersForm base={base} filters={filters} communes={communes} showStatus={false} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <p role="status">
            {formatNumber(total)} acteur{total > 1 ? "s" : ""} trouvé{total > 1 ? "s" : ""}.
          </p>
          <ActorsTable items={items} href={(id) => `${base}/${id}`} showStatus={false} />
          <Pager page={page} total={total} pageSize={ACTOR_PAGE_SIZE} href={(n) => `${base}?${filtersQuery(filters, n)}`} label="Pages de la liste des acteurs" />
        </div>
      </div>
    </>
  );
}
