import { ActionForm, Field, Hidden } from "@/ui/form";
import { linkMemberAction, unlinkMemberAction } from "@/modules/actors/actions";
import type { ActorDetails } from "../queries";

/** Who speaks for the structure (and may edit it); coordinators name them. */
export function SpeakersSection({ slug, actor, canLink }: { slug: string; actor: ActorDetails; canLink: boolean }) {
  return (
    <section aria-labelledby="porte-parole-titre" className="fr-mt-6w">
      <h2 id="porte-parole-titre">Personnes qui représentent la structure</h2>
      <p className="fr-text--sm">Elles peuvent modifier la fiche de la structure et ses contacts.</p>
      {actor.speakers.length === 0 ? (
        <p>Personne n&apos;est encore désigné.</p>
      ) : (
        <ul>
          {actor.speakers.map((s) => (
            <li key={s.userId} className="fr-mb-1w">
              {s.name}
              {s.email ? ` (${s.email})` : ""}
              {canLink ? (
                <form action={unlinkMemberAction} className="fr-ml-2w" style={{ display: "inline-block" }}>
                  <input type="hidden" name="territory" value={slug} />
                  <input type="hidden" name="actor" value={actor.id} />
                  <input type="hidden" name="user" value={s.userId} />
                  <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                    Retirer {s.name}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canLink ? (
        <ActionForm action={linkMemberAction} submitLabel="Désigner cette personne">
          <Hidden name="territory" value={slug} />
          <Hidden name="actor" value={actor.id} />
          <Field
            name="email"
            label="Adresse électronique de la personne"
            hint="Elle doit être membre du territoire, avec le rôle Partenaire."
            type="email"
            autoComplete="off"
            maxLength={200}
          />
        </ActionForm>
      ) : null}
    </section>
  );
}
