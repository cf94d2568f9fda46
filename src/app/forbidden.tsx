import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="fr-col-lg-8">
      <h1>Accès refusé</h1>
      <p className="fr-text--sm">Erreur 403</p>
      <p>Votre rôle ne permet pas de consulter cette page. Si vous pensez devoir y accéder, adressez-vous à la personne qui coordonne le territoire.</p>
      <p>
        <Link className="fr-btn" href="/espace">Revenir à mes territoires</Link>
      </p>
    </div>
  );
}
