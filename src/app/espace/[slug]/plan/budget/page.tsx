import type { Metadata } from "next";
import { readSearchParams } from "@/platform/web/search-params";
import { pageParam } from "@/ui/pager";
import { PlanViewsNav } from "@/modules/plan/ui/views-nav";
import { BudgetView } from "@/modules/plan/ui/budget-view";
import { openPlanView } from "../view-data";
import { NoPlan } from "../no-plan";

export const metadata: Metadata = { title: "Synthèse budgétaire du plan d'action" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Cost planned and actual, funding secured, requested and missing: by axis, by year, by funder, by action (100 a page, `?page=`). */
export default async function PlanBudgetPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, versions, loaded } = await openPlanView(slug, "budget", sp.version);
  const axisTitles = new Map(loaded?.view.axes.map((a) => [a.id, a.title]) ?? []);
  const versionQ = loaded && versions[0]?.number !== loaded.view.version.number ? `version=${loaded.view.version.number}` : "";
  return (
    <>
      <h2>Synthèse budgétaire du plan d&apos;action</h2>
      {loaded ? (
        <>
          <PlanViewsNav slug={territory.slug} current="budget" version={loaded.view.version} versions={versions} />
          <BudgetView
            rollup={loaded.rollup}
            axisTitle={(id) => (id ? (axisTitles.get(id) ?? "") : "sans axe")}
            actionHref={(id) => `/espace/${territory.slug}/plan/actions/${id}`}
            page={pageParam(sp.page)}
            pageHref={(n) => {
              const q = [versionQ, n > 1 ? `page=${n}` : ""].filter(Boolean).join("&");
              return `/espace/${territory.slug}/plan/budget${q ? `?${q}` : ""}`;
            }}
          />
        </>
      ) : (
        <NoPlan slug={territory.slug} />
      )}
    </>
  );
}
