import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { getCurrentActor } from "@/platform/web/actor";
import { pageParam } from "@/ui/pager";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { territoryOverview } from "@/modules/territories/overview";
import { territoryPolicy } from "@/modules/territories/policy";
import { TerritoryOverview } from "@/modules/territories/ui/overview";
import { readSingleSearchParams } from "@/platform/web/search-params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, (await params).slug);
  return { title: territory?.name ?? "Territoire introuvable" };
}

/** The public page of a territory: readable by anyone, signed in or not. */
export default async function PublicTerritoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const actor = await getCurrentActor();
  const page = pageParam(sp.page);
  const q = (sp.q ?? "").slice(0, 100);
  const overview = await territoryOverview(db, territory, { page, q });
  return (
    <>
      <nav role="navigation" className="fr-breadcrumb" aria-label="vous êtes ici :">
        <ol className="fr-breadcrumb__list">
          <li><Link className="fr-breadcrumb__link" href="/">Accueil</Link></li>
          <li><Link className="fr-breadcrumb__link" href="/territoires">Territoires</Link></li>
          <li><a className="fr-breadcrumb__link" aria-current="page">{territory.name}</a></li>
        </ol>
      </nav>
      <h1>{territory.name}</h1>
      {territory.isDemo ? (
        <div className="fr-notice fr-notice--info fr-mb-3w">
          <div className="fr-container">
            <div className="fr-notice__body">
              <p className="fr-notice__title">Territoire de démonstration : les personnes et structures qui y figurent sont fictives.</p>
            </div>
          </div>
        </div>
      ) : null}
      {territoryPolicy.viewWorkspace(actor, territory) ? (
        <p>
          <Link className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" href={`/espace/${territory.slug}`}>
            Ouvrir l&apos;espace de travail
          </Link>
        </p>
      ) : null}
      <TerritoryOverview territory={territory} overview={overview} page={page} q={q} basePath={`/territoires/${territory.slug}`} />
    </>
  );
}
