import type { ReactNode } from "react";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { getCurrentActor } from "@/platform/web/actor";
import { platformPolicy } from "@/modules/territories/policy";
import { signOutAction } from "../_actions/auth";

export async function SiteHeader({ brandTop }: { brandTop: ReactNode }) {
  const actor = await getCurrentActor();
  const signedIn = actor.kind === "user";
  return (
    <Header
      brandTop={brandTop}
      serviceTitle="Maillage"
      serviceTagline="Ensemble pour l'inclusion numérique des territoires"
      homeLinkProps={{ href: "/", title: "Accueil — Maillage" }}
      quickAccessItems={
        signedIn
          ? [
              { iconId: "fr-icon-account-circle-line", text: `Mes territoires (${actor.name})`, linkProps: { href: "/espace" } },
              <form key="deconnexion" action={signOutAction}>
                <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
                  Se déconnecter
                </button>
              </form>,
            ]
          : [
              { iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { href: "/connexion" } },
              { iconId: "fr-icon-account-circle-line", text: "Créer un compte", linkProps: { href: "/inscription" } },
            ]
      }
      navigation={[
        { text: "Accueil", linkProps: { href: "/" } },
        { text: "Trouver de l'aide près de chez moi", linkProps: { href: "/aide" } },
        { text: "Territoires", linkProps: { href: "/territoires" } },
        ...(signedIn
          ? [
              { text: "Mes territoires", linkProps: { href: "/espace" } },
              { text: "Ouvrir un territoire", linkProps: { href: "/espace/nouveau" } },
              ...(platformPolicy.administer(actor) ? [{ text: "Administration", linkProps: { href: "/admin" } }] : []),
            ]
          : []),
      ]}
    />
  );
}
