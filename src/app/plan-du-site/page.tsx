import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Plan du site" };

export default function SiteMapPage() {
  return (
    <>
      <h1>Plan du site</h1>
      <ul>
        <li><Link href="/">Accueil</Link></li>
        <li><Link href="/aide">Trouver de l&apos;aide près de chez moi</Link></li>
        <li><Link href="/territoires">Territoires</Link></li>
        <li><Link href="/verifier-une-signature">Vérifier une charte signée</Link></li>
        <li><Link href="/espace">Mes territoires</Link></li>
        <li><Link href="/espace/nouveau">Ouvrir un territoire</Link></li>
        <li><Link href="/connexion">Se connecter</Link></li>
        <li><Link href="/inscription">Créer un compte</Link></li>
        <li><Link href="/accessibilite">Accessibilité</Link></li>
        <li><Link href="/mentions-legales">Mentions légales</Link></li>
        <li><Link href="/donnees-personnelles">Données personnelles</Link></li>
      </ul>
    </>
  );
}
