import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { territoryOverview } from "@/modules/territories/overview";
import { TerritoryOverview } from "@/modules/territories/ui/overview";
import { WorkspaceButton } from "../../_components/account";
import { PublicBreadcrumb } from "@/ui/breadcrumbs";
import { publicJourney } from "@/composition/journey/public";
import { JourneyView } from "@/composition/journey/journey-view";
import { contactsOf } from "@/modules/governance/queries";
import { PublicContacts } from "@/modules/governance/ui/public-contacts";

/**
 * The public page of a territory: readable by anyone, the same for everyone (members find the way into
 * the workspace through a client island). Rendered by page.tsx (cached, first page of the communes) and by
 * recherche/page.tsx (a search or another page of the communes, per request: next.config.ts sends those
 * queries there).
 */
export async function PublicTerritory({ slug, page, q }: { slug: string; page: number; q: string }) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  await tagPage(publicTags.territories, publicTags.territory(territory.id), publicTags.places, publicTags.actors);
  const overview = await territoryOverview(db, territory, { page, q });
  const journey = await publicJourney(db, territory);
  const contacts = await contactsOf(db, territory.id);
  return (
    <>
      <PublicBreadcrumb segments={[{ label: "Territoires", href: "/territoires" }]} current={territory.name} />
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
      <WorkspaceButton slug={territory.slug} />
      <TerritoryOverview territory={territory} overview={overview} page={page} q={q} basePath={`/territoires/${territory.slug}`} />
      <PublicContacts contacts={contacts} />
      <JourneyView journey={journey} unservedText="Le territoire n'a encore rien publié pour cette phase." emptyText="Le territoire n'a encore rien publié pour cette phase." />
    </>
  );
}

export async function territoryTitle(slug: string): Promise<string> {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  return territory?.name ?? "Territoire introuvable";
}
