import type { Metadata } from "next";
import { pageParam } from "@/ui/pager";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { PublicTerritory, territoryTitle } from "../territory-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await territoryTitle((await params).slug) };
}

/**
 * The public page of a territory with a search or another page of its communes (`?q=`, `?page=`): rendered
 * per request. next.config.ts rewrites /territoires/<slug>?q=… and ?page=… here, so the address stays the same.
 */
export default async function PublicTerritorySearchPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  return <PublicTerritory slug={slug} page={pageParam(sp.page)} q={(sp.q ?? "").slice(0, 100)} />;
}
