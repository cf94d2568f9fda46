import { redirect } from "next/navigation";
import type { UserPrincipal } from "@/platform/auth/principal";
import { getCurrentPrincipal } from "./principal";

// Generic pieces only: platform never imports a module. A page on a territory uses the territories
// module's `territoryPage` (src/modules/territories/web.ts), built on `guardPage` (./scoped.ts).

export function signInPath(next: string): string {
  return `/connexion?next=${encodeURIComponent(next)}`;
}

/** Signed-in person or a redirect to the sign-in page that comes back here. */
export async function requireUser(next: string): Promise<UserPrincipal> {
  const principal = await getCurrentPrincipal();
  if (principal.kind !== "user") redirect(signInPath(next));
  return principal;
}
