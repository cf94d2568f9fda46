"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { currentHref } from "@/ui/workspace-menu-logic";
import { AccountAdmin, AccountPrimary, AccountSecondary } from "./account";

/**
 * The same header for everyone, so that public pages can be cached (docs/decisions/010-caching-public-pages.md):
 * the account buttons are client islands that ask /api/session who is signed in; their HTML holds the
 * signed-out links. "Mon espace" leads signed-in people to their territories without JavaScript (and
 * visitors to the sign-in page).
 * A client component so that the link of the section one is in carries aria-current="page" (DSFR's
 * isActive), found from the path: the root layout is not rendered again on client navigation, and a
 * cached public page still gets its mark (the path is known when it is rendered).
 */
const sections = ["/", "/aide", "/territoires", "/espace"];

export function SiteHeader({ brandTop }: { brandTop: ReactNode }) {
  const current = currentHref(usePathname() ?? "/", "/", sections);
  return (
    <Header
      brandTop={brandTop}
      serviceTitle="Maillage"
      serviceTagline="Ensemble pour l'inclusion numérique des territoires"
      homeLinkProps={{ href: "/", title: "Accueil — Maillage" }}
      quickAccessItems={[<AccountPrimary key="primary" />, <AccountSecondary key="secondary" />, <AccountAdmin key="admin" />]}
      navigation={[
        { text: "Accueil", linkProps: { href: "/" }, isActive: current === "/" },
        // Rendered per request (its search is in the query string): not prefetched on every page view.
        { text: "Trouver de l'aide près de chez moi", linkProps: { href: "/aide", prefetch: false }, isActive: current === "/aide" },
        { text: "Territoires", linkProps: { href: "/territoires" }, isActive: current === "/territoires" },
        // Rendered per person: fetched when clicked, not prefetched on every page view.
        { text: "Mon espace", linkProps: { href: "/espace", prefetch: false }, isActive: current === "/espace" },
      ]}
    />
  );
}
