import { revalidateTag, unstable_cache } from "next/cache";

/**
 * Cache of the pages signed-out visitors read (docs/decisions/010-caching-public-pages.md).
 *
 * Public pages are rendered once and kept by Next.js (incremental static regeneration); each page says
 * which data it shows with tags, and every audited write expires the tags of what it changed
 * (`recordAudit` calls `invalidatePublicFor`): one place, so a new command cannot forget it.
 */
export const publicTags = {
  /** Every public page: expired when the server starts, so nothing rendered at build time is served. */
  all: "public",
  /** The list of territories (home page, /territoires) and every territory's name. */
  territories: "territories",
  /** The shared registry of places (all territories: a place may lie in several). */
  places: "places",
  /** The shared registry of actors. */
  actors: "actors",
  /** One territory's own content: name, perimeter, findings, published reports, settings. */
  territory: (id: string) => `territory:${id}`,
} as const;

/** Seconds a public page is kept at most: the safety net for writes made by another process (CLI, a second server). */
export const PUBLIC_REVALIDATE_SECONDS = 300;

/**
 * Tags the page being rendered. Next.js collects the tags of the `unstable_cache` calls made while a page
 * renders and stores them with the page; this call caches nothing but `true`, it only carries the tags.
 */
export async function tagPage(...tags: string[]): Promise<void> {
  const all = [publicTags.all, ...tags];
  await unstable_cache(async () => true, ["maillage-page-tags", ...all], { tags: all })();
}

/** True while `next build` prerenders pages: no database then, the page is rendered again at the first request. */
export function building(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** Entity types (audit events) that public pages never show: their writes expire nothing. */
const PRIVATE_ENTITIES = new Set([
  "actor_contact",
  "actor_member",
  "import_mapping",
  "invitation",
  "maturity_assessment",
  "membership",
  "platform_admin",
  "questionnaire",
  "questionnaire_campaign",
  "questionnaire_question",
  "questionnaire_response",
  "questionnaire_section",
]);

/** The public tags an audited write changes (unknown entity types expire their territory's pages, to be safe). */
export function publicTagsFor(entry: { territoryId: string | null; entityType: string }): string[] {
  if (PRIVATE_ENTITIES.has(entry.entityType)) return [];
  const tags: string[] = [];
  if (entry.territoryId) tags.push(publicTags.territory(entry.territoryId));
  if (entry.entityType.startsWith("place")) tags.push(publicTags.places);
  else if (entry.entityType.startsWith("actor")) tags.push(publicTags.actors);
  else if (entry.entityType.startsWith("territor")) tags.push(publicTags.territories);
  return tags;
}

type IncrementalCache = { revalidateTag(tags: string[]): Promise<void> };

function expireNow(tags: string[]): void {
  const cache = (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache;
  cache?.revalidateTag(tags).catch((e: unknown) => console.error("[cache] expiration impossible", e));
}

/** Delay of the second expiry of a write made outside a request: its transaction has committed by then. */
const AFTER_COMMIT_MS = 1000;

/**
 * Expires these tags. Within a request (a server action, a route handler), Next.js applies `revalidateTag`
 * when the action ends, so after the write's transaction committed, and the answer to the action is
 * fresh. A write may also run outside any live request (a job still running after the request that
 * started it ended, whose tags Next.js would never apply): the cache the server uses is therefore also
 * told directly, now and again a second later, so that a page rendered between the write and its commit
 * is not kept. Outside a Next.js server (CLI, tests) there is no cache to expire: pages another process
 * keeps are renewed after PUBLIC_REVALIDATE_SECONDS.
 */
export function invalidatePublic(tags: readonly string[]): void {
  if (tags.length === 0) return;
  try {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch {
    // Not inside a request that may revalidate (or not inside Next.js at all).
  }
  const list = [...tags];
  expireNow(list);
  setTimeout(() => expireNow(list), AFTER_COMMIT_MS).unref();
}

export function invalidatePublicFor(entry: { territoryId: string | null; entityType: string }): void {
  invalidatePublic(publicTagsFor(entry));
}
