import type { Metadata } from "next";
import { PublicTerritory, territoryTitle } from "./territory-page";

type Props = { params: Promise<{ slug: string }> };

// Rendered at the first visit, then cached for everyone until its data changes (tags) or at most 300 s
// (PUBLIC_REVALIDATE_SECONDS; segment config must be a literal): docs/decisions/010-caching-public-pages.md.
// A search or another page of the communes is served by recherche/page.tsx (next.config.ts).
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await territoryTitle((await params).slug) };
}

/** The public page of a territory, first page of its communes. */
export default async function PublicTerritoryPage({ params }: Props) {
  return <PublicTerritory slug={(await params).slug} page={1} q="" />;
}
