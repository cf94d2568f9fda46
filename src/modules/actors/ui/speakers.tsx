import { roleLabels } from "@/platform/auth/principal";
import { ActionForm, Hidden, SelectField } from "@/ui/form";
import { answerSpeakerRequestAction, linkMemberAction, unlinkMemberAction } from "@/modules/actors/actions";
import type { ActorDetails } from "../queries";

type Candidate = { userId: string; name: string; email: string; role: "partner" | "coordinator" };
type Request = { userId: string; name: string; email: string };

/** One plain form per button: works without JavaScript and comes back to the actor page. */
function PlainButton(props: { action: (form: FormData) => Promise<void>; fields: Record<string, string>; label: string; srLabel: string; secondary?: boolean }) {
  return (
    <form action={props.action} className="fr-ml-2w" style={{ display: "inline-block" }}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`fr-btn fr-btn--sm ${props.secondary ? "fr-btn--tertiary" : "fr-btn--secondary"}`}>
        {props.label}
        <span className="fr-sr-only"> {props.srLabel}</span>
      </button>
    </form>
  );
}

/**
 * Who speaks for the structure (and may edit it). Coordinators name them by choosing among the
 * territory's members (never by typing an address), and answer partners' requests.
 */
export function SpeakersSection({ slug, actor, canLink, candidates, requests }: { slug: string; actor: ActorDetails; canLink: boolean; candidates: readonly Candidate[]; requests: readonly Request[] }) {
  const choosable = candidates.filter((c) => !actor.speakerIds.includes(c.userId));
  return (
    <section aria-labelledby="porte-parole-titre" className="fr-mt-6w">
      <h2 id="porte-parole-titre">Personnes qui représentent la structure</h2>
      <p className="fr-text--sm">Elles peuvent modifier la fiche de la structure, ses contacts et ses lieux, et remplir son autoévaluation de maturité.</p>
      {actor.speakers.length === 0 ? (
        <p>Personne n&apos;est encore désigné.</p>
      ) : (
        <ul>
          {actor.speakers.map((s) => (
            <li key={s.userId} className="fr-mb-1w">
              {s.name}
              {s.email ? ` (${s.email})` : ""}
              {canLink ? <PlainButton action={unlinkMemberAction} fields={{ territory: slug, actor: actor.id, user: s.userId }} label="Retirer" srLabel={s.name} secondary /> : null}
            </li>
          ))}
        </ul>
      )}
      {canLink && requests.length > 0 ? (
        <div className="fr-callout fr-mt-3w" data-testid="speaker-requests">
          <h3 className="fr-callout__title fr-h6">Demandes à confirmer</h3>
          <p className="fr-text--sm">Ces personnes disent représenter la structure. Confirmez seulement si c&apos;est bien le cas : elles pourront alors la modifier.</p>
          <ul>
            {requests.map((r) => (
              <li key={r.userId} className="fr-mb-1w">
                {r.name} ({r.email})
                <PlainButton action={answerSpeakerRequestAction} fields={{ territory: slug, actor: actor.id, user: r.userId, decision: "confirm" }} label="Confirmer" srLabel={`la demande de ${r.name}`} />
                <PlainButton action={answerSpeakerRequestAction} fields={{ territory: slug, actor: actor.id, user: r.userId, decision: "refuse" }} label="Refuser" srLabel={`la demande de ${r.name}`} secondary />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canLink ? (
        choosable.length === 0 ? (
          <p className="fr-text--sm fr-mt-2w">
            Aucun autre membre ne peut être désigné : invitez d&apos;abord la personne avec le rôle {roleLabels.partner} depuis{" "}
            <a href={`/espace/${slug}/membres`}>Membres et invitations</a>.
          </p>
        ) : (
          <ActionForm action={linkMemberAction} submitLabel="Désigner cette personne">
            <Hidden name="territory" value={slug} />
            <Hidden name="actor" value={actor.id} />
            <SelectField
              name="user"
              label="Désigner une personne du territoire"
              hint={`Parmi les membres avec le rôle ${roleLabels.partner} ou ${roleLabels.coordinator}. Une personne absente de la liste s'invite depuis « Membres et invitations ».`}
              options={[{ value: "", label: "Choisir une personne" }, ...choosable.map((c) => ({ value: c.userId, label: `${c.name} (${c.email}) — ${roleLabels[c.role]}` }))]}
              defaultValue=""
            />
          </ActionForm>
        )
      ) : null}
    </section>
  );
}
