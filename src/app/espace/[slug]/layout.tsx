import type { ReactNode } from "react";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { WorkspaceMenu } from "@/ui/workspace-menu";
import type { BarePages, SubPages } from "@/ui/workspace-menu-logic";
import { workspaceMenu } from "@/composition/workspace-menu";
import { territoryPolicy } from "@/modules/territories/policy";
import { territoryOfRequest } from "@/modules/territories/web";
import { VerificationBanner } from "@/modules/territories/ui/verification-banner";

// Pages below a module that show no item: the menu's breadcrumb names them (an item's page names its item itself).
const subPages: SubPages = {
  "diagnostic/etat-des-lieux": "État des lieux",
  "diagnostic/indicateurs": "Indicateurs",
  "lieux/colonnes": "Fichier dans votre propre format",
  "acteurs/nouveau": "Nouvel acteur",
  "financements/nouvelle": "Nouvelle source de financement",
};
// Pages drawn without the menu: the campaign's poster, and the État des lieux as printed into a PDF;
// the État des lieux on screen keeps its menu off paper.
const bare: BarePages = { pathSuffixes: ["/affiche"], searchParams: { impression: "1" }, unprintedSuffixes: ["/diagnostic/etat-des-lieux"] };

/**
 * Every workspace page: the members of a territory the platform has not verified see, above the page,
 * what waits for verification; then the workspace menu, assembled from the modules' manifests
 * (src/composition/modules.ts). The page itself still applies its own policy: a 404 or 403 it gives
 * replaces this layout too (the nearest not-found and forbidden pages are the root's), so the menu is
 * only ever drawn around a page the person may see.
 */
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const territory = await territoryOfRequest(slug);
  const principal = await getCurrentPrincipal();
  const banner = territory && territory.status !== "verified" && territoryPolicy.viewWorkspace(principal, territory);
  const groups = territory ? workspaceMenu(principal, territory) : [];
  return (
    <>
      {banner ? <VerificationBanner status={territory.status} reason={territory.statusReason} since={territory.statusChangedAt} /> : null}
      {territory ? (
        <WorkspaceMenu home={`/espace/${territory.slug}`} name={territory.name} isDemo={territory.isDemo} publicHref={`/territoires/${territory.slug}`} groups={groups} bare={bare} subPages={subPages} />
      ) : null}
      {children}
    </>
  );
}
