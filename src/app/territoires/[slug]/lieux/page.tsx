import type { Metadata } from "next";
import { PlacesList } from "./places-list";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Lieux de médiation numérique" };

// The plain list (no filter, first page) is the same for every visitor: rendered at the first visit, then kept
// until the places or the territory change (tags) or for 60 s at most, since each place shows whether it is open
// now (the page says at what time). Any query string is served by recherche/page.tsx, rendered per request
// (src/proxy.ts): docs/decisions/010-caching-public-pages.md.
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export default async function PlacesPage({ params }: Props) {
  return <PlacesList slug={(await params).slug} sp={{}} cached />;
}
