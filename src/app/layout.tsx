import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { DsfrProvider, StartDsfrOnHydration } from "@/dsfr/client";
import { DsfrHead, getHtmlAttributes } from "@/dsfr/server";
import { MenuSkipLink } from "./_components/menu-skip-link";
import { SiteHeader } from "./_components/site-header";
import "./global.css";

// No session is read here: the header's account links are client islands, so public pages can be cached
// (docs/decisions/010-caching-public-pages.md). Pages that read the session or the request are dynamic by
// themselves; public pages say how they are cached.

export const metadata: Metadata = {
  title: { default: "Maillage — inclusion numérique des territoires", template: "%s — Maillage" },
  description: "Cartographier, diagnostiquer, s'accorder, agir et évaluer ensemble l'inclusion numérique d'un territoire.",
};

const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

export default function RootLayout({ children }: { children: ReactNode }) {
  const lang = "fr";
  return (
    <html {...getHtmlAttributes({ lang })}>
      <head>
        <DsfrHead preloadFonts={["Marianne-Regular", "Marianne-Medium", "Marianne-Bold"]} />
      </head>
      <body>
        <DsfrProvider lang={lang}>
          <SkipLinks
            links={[
              { label: "Contenu", anchor: "#contenu" },
              { label: "Menu", anchor: "#fr-header-main-navigation" },
              { label: "Pied de page", anchor: "#footer" },
            ]}
          />
          <MenuSkipLink />
          <SiteHeader brandTop={brandTop} />
          <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">
            {children}
          </main>
          <Footer
            id="footer"
            brandTop={brandTop}
            accessibility="partially compliant"
            contentDescription="Maillage aide les territoires à construire, signer, conduire et évaluer leur stratégie d'inclusion numérique, et à la partager avec les autres territoires."
            homeLinkProps={{ href: "/", title: "Accueil — Maillage" }}
            accessibilityLinkProps={{ href: "/accessibilite" }}
            termsLinkProps={{ href: "/mentions-legales" }}
            websiteMapLinkProps={{ href: "/plan-du-site" }}
            bottomItems={[
              { text: "Données personnelles", linkProps: { href: "/donnees-personnelles" } },
              { text: "Territoires", linkProps: { href: "/territoires" } },
            ]}
          />
        </DsfrProvider>
        <StartDsfrOnHydration />
      </body>
    </html>
  );
}
