import Link from "next/link";

/** After sending (and for a robot caught by the honeypot, which must not tell the difference). */
export function Thanks({ slug, territoryName, again }: { slug: string; territoryName: string; again: { href: string; label: string } }) {
  return (
    <>
      <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
        <h2 className="fr-alert__title">Merci, votre proposition est envoyée</h2>
        <p>
          Elle n&apos;est pas encore publiée : l&apos;équipe qui coordonne le territoire « {territoryName} » vérifie chaque proposition
          avant de l&apos;ajouter à la carte des lieux. Si vous avez laissé votre adresse électronique, vous recevrez un courriel
          lorsque la décision sera prise.
        </p>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" href={`/territoires/${slug}/lieux`}>
            Revenir aux lieux
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href={again.href}>
            {again.label}
          </Link>
        </li>
      </ul>
    </>
  );
}
