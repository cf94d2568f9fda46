"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="fr-col-lg-8">
      <h1>Une erreur est survenue</h1>
      <p className="fr-text--sm">Erreur 500</p>
      <p>Le service rencontre un problème. Réessayez dans un instant ; si le problème persiste, contactez l&apos;équipe qui exploite ce service.</p>
      <button className="fr-btn" type="button" onClick={reset}>
        Réessayer
      </button>
    </div>
  );
}
