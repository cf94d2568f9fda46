import Link from "next/link";
import { ActionForm, Hidden, RadioGroup } from "@/ui/form";
import { requestToSpeakAction } from "@/modules/actors/actions";

type Structure = { id: string; name: string; communeName: string | null };

const described = (s: Structure) => (s.communeName ? `${s.name} (${s.communeName})` : s.name);

/**
 * A partner's next step on the workspace home, right after joining and every time after: its
 * structure (the fiche, its places, its self-assessment), or, when it speaks for none yet, the
 * question "which structure do you speak for?", answered from the territory's registry. The answer
 * is a request the coordination confirms: claiming a structure gives no right over it.
 */
export function PartnerNextStep(props: { slug: string; spoken: readonly Structure[]; requested: readonly Structure[]; q: string; results: readonly Structure[] | null }) {
  const { slug, spoken, requested, q, results } = props;
  const requestedIds = new Set(requested.map((r) => r.id));
  return (
    <section aria-labelledby="ma-structure-titre" className="fr-mb-4w">
      <h2 id="ma-structure-titre">{spoken.length > 1 ? "Vos structures" : "Votre structure"}</h2>
      {spoken.length > 0 ? (
        <>
          <p>Vous représentez {spoken.length > 1 ? "ces structures" : "cette structure"} : décrivez-la, tenez ses lieux à jour et remplissez son autoévaluation de maturité numérique.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {spoken.map((s) => (
              <li key={s.id}>
                <Link className="fr-btn" href={`/espace/${slug}/acteurs/${s.id}`}>
                  Ouvrir la fiche de {described(s)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {requested.length > 0 ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="requested-structures">
          <p>
            Demande envoyée pour {requested.map(described).join(", ")} : la coordination du territoire doit la confirmer. Vous pourrez ensuite modifier la fiche et les lieux de la
            structure.
          </p>
        </div>
      ) : null}
      {spoken.length === 0 ? (
        <>
          <p>Pour décrire votre structure et ses lieux, indiquez d&apos;abord laquelle vous représentez. La coordination du territoire confirmera votre demande.</p>
          <form method="get" action={`/espace/${slug}`} aria-label="Chercher votre structure">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="structure-q">
                Quelle structure représentez-vous ?<span className="fr-hint-text">Son nom (même partiel, accents facultatifs), son SIRET ou sa commune. Exemple : centre social.</span>
              </label>
              <input className="fr-input" id="structure-q" name="structure" type="search" defaultValue={q} maxLength={100} />
            </div>
            <button className="fr-btn fr-btn--secondary" type="submit">
              Chercher dans le registre
            </button>
          </form>
          {results !== null ? (
            <div className="fr-mt-3w">
              <p role="status">
                {results.length === 0
                  ? `Aucune structure du territoire ne correspond à « ${q} ». Vérifiez l'orthographe ; si votre structure n'est pas encore enregistrée, demandez à la coordination du territoire de l'ajouter.`
                  : `${results.length === 1 ? "Une structure correspond" : `${results.length} structures correspondent`} à « ${q} ».`}
              </p>
              {results.length > 0 ? (
                <ActionForm action={requestToSpeakAction} submitLabel="Demander à représenter cette structure">
                  <Hidden name="territory" value={slug} />
                  <RadioGroup
                    name="actor"
                    legend="Choisissez votre structure"
                    options={results.map((r) => ({ value: r.id, label: described(r), hint: requestedIds.has(r.id) ? "demande déjà envoyée" : undefined }))}
                  />
                </ActionForm>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** For the coordination: partners waiting for an answer, each linked to the structure's page where it is given. */
export function SpeakerRequestsToAnswer({ slug, requests }: { slug: string; requests: readonly { actorId: string; actorName: string; userId: string; name: string }[] }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="demandes-titre" className="fr-callout fr-mb-4w">
      <h2 id="demandes-titre" className="fr-callout__title fr-h5">
        {requests.length === 1 ? "Une demande de partenaire à confirmer" : `${requests.length} demandes de partenaires à confirmer`}
      </h2>
      <ul>
        {requests.map((r) => (
          <li key={`${r.actorId}-${r.userId}`}>
            {r.name} dit représenter <Link href={`/espace/${slug}/acteurs/${r.actorId}#porte-parole-titre`}>{r.actorName}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
