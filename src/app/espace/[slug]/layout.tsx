import type { ReactNode } from "react";
import { getRuntime } from "@/platform/runtime";
import { getCurrentActor } from "@/platform/web/actor";
import { territoryPolicy } from "@/modules/territories/policy";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { VerificationBanner } from "@/modules/territories/ui/verification-banner";

/**
 * Every workspace page: the members of a territory the platform has not verified see, above the page,
 * what waits for verification. The page itself still applies its own policy (a 404 or 403 here would
 * be the page's to give).
 */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  const actor = await getCurrentActor();
  const banner = territory && territory.status !== "verified" && territoryPolicy.viewWorkspace(actor, territory);
  return (
    <>
      {banner ? <VerificationBanner status={territory.status} reason={territory.statusReason} since={territory.statusChangedAt} /> : null}
      {children}
    </>
  );
}
