import { getRuntime } from "@/platform/runtime";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { platformPolicy, territoryPolicy } from "@/modules/territories/policy";
import { findTerritoryBySlug } from "@/modules/territories/queries";

/**
 * Who is signed in, for the header's account links and a public page's "workspace" button: public pages
 * are cached and identical for everyone (docs/decisions/010-caching-public-pages.md), so the signed-in
 * parts are asked for by the browser. `?territoire=<slug>` adds whether the person may open that
 * territory's workspace (the territory policy decides). Never cached, never shared.
 */
export async function GET(request: Request): Promise<Response> {
  const headers = { "cache-control": "private, no-store", vary: "Cookie" };
  const principal = await getCurrentPrincipal();
  if (principal.kind !== "user") return Response.json({ signedIn: false }, { headers });
  const slug = new URL(request.url).searchParams.get("territoire");
  let workspace: boolean | undefined;
  if (slug) {
    const { db } = await getRuntime();
    const territory = await findTerritoryBySlug(db, slug);
    workspace = territory ? territoryPolicy.viewWorkspace(principal, territory) : false;
  }
  return Response.json({ signedIn: true, name: principal.name, admin: platformPolicy.administer(principal), ...(workspace === undefined ? {} : { workspace }) }, { headers });
}
