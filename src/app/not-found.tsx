import type { Metadata } from "next";
import Link from "next/link";

// The layout's template adds " — Maillage": the tab and the history say what happened, not the site's slogan.
export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <div className="fr-col-lg-8">
      <h1>Page non trouvée</h1>
      <p className="fr-text--sm">Erreur 404</p>
      <p>La page que vous cherchez est introuvable : l&apos;adresse est peut-être mal saisie, ou la page a été supprimée.</p>
      <p>
        <Link className="fr-btn" href="/">Revenir à l&apos;accueil</Link>
      </p>
    </div>
  );
}
