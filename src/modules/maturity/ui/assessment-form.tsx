import { ActionForm, Field, Hidden, RadioGroup } from "@/ui/form";
import { submitAssessmentAction } from "@/modules/maturity/actions";
import { GOOD_PRACTICE_LEVEL, grid } from "../grid";
import type { Assessment } from "../queries";
import { commentField, levelField, MAX_COMMENT_LENGTH } from "../validation";

/**
 * The self-assessment: for each dimension, the four levels with what they mean, and a comment.
 * Pre-filled with the current assessment; saving adds a new one to the history.
 */
export function AssessmentForm({ slug, actorId, latest }: { slug: string; actorId: string; latest: Assessment | undefined }) {
  return (
    <section aria-labelledby="autoevaluation-titre" className="fr-mt-6w">
      <h3 id="autoevaluation-titre">{latest ? "Mettre à jour l'autoévaluation" : "Faire l'autoévaluation"}</h3>
      <p>
        Pour chaque dimension, choisissez le niveau qui décrit le mieux ce que la structure fait <strong>aujourd&apos;hui</strong>, pas ce
        qu&apos;elle prévoit. Le niveau {GOOD_PRACTICE_LEVEL} correspond aux bonnes pratiques attendues d&apos;une structure qui accompagne
        les publics. Un commentaire aide les partenaires à comprendre votre réponse. Chaque enregistrement s&apos;ajoute à l&apos;historique :
        les réponses précédentes restent consultables.
      </p>
      <p className="fr-text--sm">Tous les niveaux sont obligatoires ; les commentaires sont facultatifs.</p>
      <ActionForm action={submitAssessmentAction} submitLabel="Enregistrer l'autoévaluation">
        <Hidden name="territory" value={slug} />
        <Hidden name="actor" value={actorId} />
        {grid.map((d, i) => {
          const answer = latest?.answers[d.id];
          return (
            <div key={d.id} className="fr-mt-4w fr-pt-2w" style={{ borderTop: "1px solid var(--border-default-grey)" }}>
              <RadioGroup
                name={levelField(d.id)}
                legend={`${i + 1}. ${d.title}`}
                hint={d.description}
                defaultValue={answer ? String(answer.level) : undefined}
                options={d.levels.map((l) => ({ value: String(l.level), label: `Niveau ${l.level} : ${l.name}`, hint: l.description }))}
              />
              <Field
                name={commentField(d.id)}
                label={`Commentaire sur « ${d.shortTitle} » (facultatif)`}
                hint="Ce qui explique ce niveau, ce qui est en projet, ce qui vous manque."
                textarea
                rows={3}
                maxLength={MAX_COMMENT_LENGTH}
                defaultValue={answer?.comment ?? ""}
              />
            </div>
          );
        })}
      </ActionForm>
    </section>
  );
}
