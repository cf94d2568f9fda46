import { forbidden, notFound, redirect } from "next/navigation";
import type { Actor, UserActor } from "@/platform/auth/actor";
import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug, type Territory } from "@/modules/territories/queries";
import { territoryAbilities, territoryPolicy, type TerritoryAbilities, type TerritoryAction } from "@/modules/territories/policy";
import { getCurrentActor } from "./actor";

export function signInPath(next: string): string {
  return `/connexion?next=${encodeURIComponent(next)}`;
}

/** Signed-in person or a redirect to the sign-in page that comes back here. */
export async function requireUser(next: string): Promise<UserActor> {
  const actor = await getCurrentActor();
  if (actor.kind !== "user") redirect(signInPath(next));
  return actor;
}

/**
 * Loads a territory for a page and applies the policy: unknown slug → 404,
 * signed out and not allowed → sign-in, signed in and not allowed → 403.
 */
export async function territoryPage(slug: string, action: TerritoryAction, next: string): Promise<{ territory: Territory; actor: Actor; abilities: TerritoryAbilities }> {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const actor = await getCurrentActor();
  if (!territoryPolicy[action](actor, territory)) {
    if (actor.kind !== "user") redirect(signInPath(next));
    forbidden();
  }
  return { territory, actor, abilities: territoryAbilities(actor, territory) };
}
