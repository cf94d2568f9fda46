import type { Metadata } from "next";
import { readSearchParams } from "@/platform/web/search-params";
import { planReachOf } from "@/modules/plan/document";
import { reachMap } from "@/modules/plan/map";
import { PlanViewsNav } from "@/modules/plan/ui/views-nav";
import { ReachView } from "@/modules/plan/ui/reach-view";
import { openPlanView } from "../view-data";
import { NoPlan } from "../no-plan";

export const metadata: Metadata = { title: "Carte des communes visées par le plan d'action" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The communes each action targets over the fragility index, and the fragile communes no action reaches. */
export default async function PlanMapPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { db, territory, versions, loaded } = await openPlanView(slug, "carte", sp.version);
  const reach = loaded ? await planReachOf(db, territory.id, loaded.view) : undefined;
  const map = reach ? await reachMap(db, territory, reach) : null;
  return (
    <>
      <h2>Communes visées par le plan d&apos;action</h2>
      {loaded && reach ? (
        <>
          <PlanViewsNav slug={territory.slug} current="carte" version={loaded.view.version} versions={versions} />
          <ReachView reach={reach} map={map} />
        </>
      ) : (
        <NoPlan slug={territory.slug} />
      )}
    </>
  );
}
