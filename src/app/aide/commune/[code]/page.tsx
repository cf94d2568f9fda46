import { publicTags, tagPage } from "@/platform/web/public-cache";
import HelpPage, { metadata as helpMetadata } from "../../page";

type Props = { params: Promise<{ code: string }> };

export const metadata = helpMetadata;

// `/aide?commune=<code>` (a link sent to someone, a commune picked among homonyms) is the same for everyone:
// src/proxy.ts rewrites it here, where it is rendered at the first visit and kept until the places change (tag) or
// for 60 s at most (its list says "Recherche du …" with the time it was computed; opening hours depend on it).
// Any other query string is rendered per request by ../../page.tsx: docs/decisions/010-caching-public-pages.md.
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ code: string }[]> {
  return [];
}

export default async function CachedHelpPage({ params }: Props) {
  const { code } = await params;
  await tagPage(publicTags.places);
  return <HelpPage searchParams={Promise.resolve({ commune: code })} />;
}
