import type { Metadata } from "next";
import { readSearchParams } from "@/platform/web/search-params";
import { PlacesList } from "../places-list";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Lieux de médiation numérique" };

/**
 * The list of places with filters or another page (any query string): rendered per request, its data kept per
 * filters and version. src/proxy.ts rewrites /territoires/<slug>/lieux?… here, so the address stays the same.
 */
export default async function PlacesSearchPage({ params, searchParams }: Props) {
  const { slug } = await params;
  return <PlacesList slug={slug} sp={readSearchParams(await searchParams)} cached={false} />;
}
