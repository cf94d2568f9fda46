import type { ReactNode } from "react";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { formatDate } from "@/platform/text";
import type { ActionState } from "@/platform/web/action";
import { themeLabel } from "@/modules/themes";
import type { Axis, Objective, Strategy } from "../queries";
import { horizonHints, horizonLabels, VISION_MAX } from "../validation";
import { createAxisAction, createObjectiveAction, moveAxisAction, moveObjectiveAction, saveVisionAction, updateAxisAction, updateObjectiveAction } from "../actions";
import { ObjectiveFields } from "./objective-fields";
import { horizons } from "../schema";

type DeleteAction = (state: ActionState, form: FormData) => Promise<ActionState>;
type FindingOption = { id: string; text: string; kind: string; votes: number };

function MoveButtons({ slug, name, id, title, action, first, last }: { slug: string; name: string; id: string; title: string; action: (form: FormData) => Promise<void>; first: boolean; last: boolean }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
      {(["up", "down"] as const).map((direction) =>
        (direction === "up" && first) || (direction === "down" && last) ? null : (
          <li key={direction}>
            <form action={action}>
              <input type="hidden" name="territory" value={slug} />
              <input type="hidden" name={name} value={id} />
              <input type="hidden" name="direction" value={direction} />
              <button type="submit" className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-left ${direction === "up" ? "fr-icon-arrow-up-line" : "fr-icon-arrow-down-line"}`}>
                {direction === "up" ? "Monter" : "Descendre"}
                <span className="fr-sr-only"> « {title} »</span>
              </button>
            </form>
          </li>
        ),
      )}
    </ul>
  );
}

/** The strategy page's content: vision, axes, objectives axis by axis; the forms for the coordination. */
export function StrategyView(props: {
  slug: string;
  strategy: Strategy;
  findings: FindingOption[];
  canEdit: boolean;
  deleteAxisAction: DeleteAction;
  deleteObjectiveAction: DeleteAction;
}) {
  const { slug, strategy, canEdit } = props;
  const findingText = new Map(props.findings.map((f) => [f.id, f]));
  const horizonOptions = horizons.map((h) => ({ value: h, label: horizonLabels[h], hint: horizonHints[h] }));
  const axisOptions = strategy.axes.map((a) => ({ value: a.id, label: a.title }));
  const findingOptions = props.findings.map((f) => ({
    value: f.id,
    label: `${f.kind === "question" ? "Question" : "Atout"} : ${f.text}`,
    hint: f.votes ? `${f.votes} soutien${f.votes > 1 ? "s" : ""}` : undefined,
  }));
  const groups: { axis: Axis | null; objectives: Objective[] }[] = [
    ...strategy.axes.map((axis) => ({ axis, objectives: strategy.objectives.filter((o) => o.axisId === axis.id) })),
    { axis: null, objectives: strategy.objectives.filter((o) => o.axisId === null) },
  ].filter((g) => g.axis !== null || g.objectives.length > 0);

  const objectiveCard = (o: Objective, i: number, list: Objective[]): ReactNode => (
    <li key={o.id} id={`objectif-${o.id}`} className="fr-card fr-card--no-arrow fr-mb-2w">
      <div className="fr-card__body">
        <div className="fr-card__content">
          <h4 className="fr-card__title">{o.title}</h4>
          <div className="fr-card__desc">
            <p className="fr-mb-1w">
              <span className={`fr-badge fr-badge--sm ${o.horizon === "court" ? "fr-badge--green-emeraude" : o.horizon === "moyen" ? "fr-badge--blue-ecume" : "fr-badge--purple-glycine"}`}>{horizonLabels[o.horizon]}</span>
            </p>
            {o.description ? <p className="maillage-pre-line">{o.description}</p> : null}
            {o.themes.length ? <p className="fr-text--sm">Thèmes : {o.themes.map((t) => themeLabel(t)).join(", ")}</p> : null}
            {o.findingIds.length ? (
              <>
                <p className="fr-text--sm fr-mb-0">Constats qui le justifient :</p>
                <ul className="fr-text--sm">
                  {o.findingIds.map((id) => (
                    <li key={id}>{findingText.get(id)?.text ?? "Constat retiré"}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="fr-text--sm">Aucun constat du diagnostic ne le justifie encore.</p>
            )}
          </div>
          {canEdit ? (
            <>
              <MoveButtons slug={slug} name="objective" id={o.id} title={o.title} action={moveObjectiveAction} first={i === 0} last={i === list.length - 1} />
              <details>
                <summary>
                  Modifier ou supprimer <span className="fr-sr-only">l&apos;objectif « {o.title} »</span>
                </summary>
                <ActionForm action={updateObjectiveAction} submitLabel="Enregistrer l'objectif">
                  <Hidden name="territory" value={slug} />
                  <Hidden name="objective" value={o.id} />
                  <ObjectiveFields
                    defaults={{ title: o.title, description: o.description, horizon: o.horizon, axisId: o.axisId ?? "", themes: o.themes, findings: o.findingIds }}
                    horizons={horizonOptions}
                    axes={axisOptions}
                    findings={findingOptions}
                  />
                </ActionForm>
                <ActionForm action={props.deleteObjectiveAction} submitLabel={`Supprimer l'objectif « ${o.title} »`}>
                  <Hidden name="territory" value={slug} />
                  <Hidden name="objective" value={o.id} />
                </ActionForm>
              </details>
            </>
          ) : null}
        </div>
      </div>
    </li>
  );

  return (
    <>
      <section aria-labelledby="vision" className="fr-mb-6w">
        <h2 id="vision" tabIndex={-1}>
          Vision
        </h2>
        {strategy.vision?.text ? (
          <>
            <blockquote className="maillage-pre-line fr-text--lead">{strategy.vision.text}</blockquote>
            <p className="fr-text--sm">Mise à jour le {formatDate(strategy.vision.updatedAt)}.</p>
          </>
        ) : (
          <p>La vision du territoire n&apos;est pas encore écrite : ce que le territoire veut devenir, en quelques phrases partagées.</p>
        )}
        {canEdit ? (
          <details>
            <summary>{strategy.vision?.text ? "Modifier la vision" : "Écrire la vision"}</summary>
            <ActionForm action={saveVisionAction} submitLabel="Enregistrer la vision">
              <Hidden name="territory" value={slug} />
              <Field name="text" label="Vision du territoire" textarea rows={5} maxLength={VISION_MAX} defaultValue={strategy.vision?.text ?? ""} />
            </ActionForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="axes" className="fr-mb-6w">
        <h2 id="axes" tabIndex={-1}>
          Axes prioritaires
        </h2>
        {strategy.axes.length === 0 ? <p>Aucun axe prioritaire pour l&apos;instant.</p> : null}
        <ol>
          {strategy.axes.map((a, i) => (
            <li key={a.id} id={`axe-${a.id}`} className="fr-mb-2w">
              <strong>{a.title}</strong>
              {a.description ? <p className="fr-text--sm fr-mb-1w maillage-pre-line">{a.description}</p> : null}
              {canEdit ? (
                <>
                  <MoveButtons slug={slug} name="axis" id={a.id} title={a.title} action={moveAxisAction} first={i === 0} last={i === strategy.axes.length - 1} />
                  <details>
                    <summary>
                      Modifier ou supprimer <span className="fr-sr-only">l&apos;axe « {a.title} »</span>
                    </summary>
                    <ActionForm action={updateAxisAction} submitLabel="Enregistrer l'axe">
                      <Hidden name="territory" value={slug} />
                      <Hidden name="axis" value={a.id} />
                      <Field name="title" label="Titre de l'axe" required maxLength={150} defaultValue={a.title} />
                      <Field name="description" label="Description (facultatif)" textarea rows={2} maxLength={2000} defaultValue={a.description} />
                    </ActionForm>
                    <p className="fr-text--sm">Supprimer un axe garde ses objectifs, qui n&apos;ont alors plus d&apos;axe.</p>
                    <ActionForm action={props.deleteAxisAction} submitLabel={`Supprimer l'axe « ${a.title} »`}>
                      <Hidden name="territory" value={slug} />
                      <Hidden name="axis" value={a.id} />
                    </ActionForm>
                  </details>
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {canEdit ? (
          <details id="nouvel-axe">
            <summary>Ajouter un axe prioritaire</summary>
            <ActionForm action={createAxisAction} submitLabel="Ajouter l'axe">
              <Hidden name="territory" value={slug} />
              <Field name="title" label="Titre de l'axe" required maxLength={150} hint="Par exemple : Proximité de l'accompagnement" />
              <Field name="description" label="Description (facultatif)" textarea rows={2} maxLength={2000} />
            </ActionForm>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="objectifs">
        <h2 id="objectifs" tabIndex={-1}>
          Objectifs
        </h2>
        {strategy.objectives.length === 0 ? <p>Aucun objectif pour l&apos;instant.</p> : null}
        {groups.map((g) => (
          <div key={g.axis?.id ?? "sans-axe"}>
            <h3>{g.axis ? `Axe : ${g.axis.title}` : "Objectifs sans axe"}</h3>
            {g.objectives.length ? <ul className="maillage-plain-list">{g.objectives.map((o, i, list) => objectiveCard(o, i, list))}</ul> : <p>Aucun objectif sous cet axe.</p>}
          </div>
        ))}
        {canEdit ? (
          <section aria-labelledby="nouvel-objectif" className="fr-mt-4w">
            <h3 id="nouvel-objectif" tabIndex={-1}>
              Ajouter un objectif
            </h3>
            <ActionForm action={createObjectiveAction} submitLabel="Ajouter l'objectif">
              <Hidden name="territory" value={slug} />
              <ObjectiveFields defaults={{}} horizons={horizonOptions} axes={axisOptions} findings={findingOptions} />
            </ActionForm>
          </section>
        ) : null}
      </section>
    </>
  );
}
