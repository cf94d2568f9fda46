import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { territoryOfRequest, territoryPage } from "@/modules/territories/web";
import { pageParam } from "@/ui/pager";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryOverview } from "@/modules/territories/overview";
import { TerritoryOverview } from "@/modules/territories/ui/overview";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await territoryOfRequest((await params).slug);
  return { title: territory ? `Communes — ${territory.name}` : "Communes du territoire" };
}

/** The perimeter and the list of its communes (search, pages), moved here from the workspace home (issue 12). */
export default async function WorkspaceCommunesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/communes`);
  const { db } = await getRuntime();
  const page = pageParam(sp.page);
  const q = (sp.q ?? "").slice(0, 100);
  const overview = await territoryOverview(db, territory, { page, q });
  return <TerritoryOverview territory={territory} overview={overview} page={page} q={q} basePath={`/espace/${territory.slug}/communes`} />;
}
