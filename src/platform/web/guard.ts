import { redirect } from "next/navigation";
import type { UserActor } from "@/platform/auth/actor";
import { getCurrentActor } from "./actor";

// Generic pieces only: platform never imports a module. A page on a territory uses the territories
// module's `territoryPage` (src/modules/territories/web.ts), built on `guardPage` (./scoped.ts).

export function signInPath(next: string): string {
  return `/connexion?next=${encodeURIComponent(next)}`;
}

/** Signed-in person or a redirect to the sign-in page that comes back here. */
export async function requireUser(next: string): Promise<UserActor> {
  const actor = await getCurrentActor();
  if (actor.kind !== "user") redirect(signInPath(next));
  return actor;
}
