import { ActionForm, Field, Hidden, RadioGroup } from "@/ui/form";
import { statusOptions } from "./actor-fields";
import type { ActorStatus } from "../validation";
import type { ActionState } from "@/platform/web/action";

/**
 * The territory's own follow-up of a structure (status, internal notes): read by the territory's
 * members only, written by its coordination; another territory seeing the same structure keeps its own.
 */
export function FollowUpSection(props: {
  slug: string;
  actorId: string;
  status: ActorStatus;
  notes: string;
  canEdit: boolean;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="suivi-titre" className="fr-mt-4w">
      <h2 id="suivi-titre">Suivi par le territoire</h2>
      <p className="fr-text--sm">Visible des seuls membres de ce territoire : les autres territoires qui voient cette structure tiennent leur propre suivi.</p>
      {props.canEdit ? (
        <ActionForm action={props.action} submitLabel="Enregistrer le suivi">
          <Hidden name="territory" value={props.slug} />
          <Hidden name="actor" value={props.actorId} />
          <RadioGroup name="status" legend="Statut" options={statusOptions} defaultValue={props.status} inline />
          <Field name="notes" label="Notes internes" hint="Rencontres, engagements, points d'attention." textarea rows={4} maxLength={5000} defaultValue={props.notes} />
        </ActionForm>
      ) : (
        <p data-testid="follow-up-notes" style={{ whiteSpace: "pre-line" }}>{props.notes || "Aucune note."}</p>
      )}
    </section>
  );
}
