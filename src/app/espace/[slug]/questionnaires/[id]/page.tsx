import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/platform/text";
import { ActionForm, Field, RadioGroup } from "@/ui/form";
import { describeCondition, publishProblems } from "@/modules/questionnaires/logic";
import { submittedCount } from "@/modules/questionnaires/queries";
import { audienceLabels, audiences, questionTypeLabels } from "@/modules/questionnaires/types";
import { ButtonForm } from "@/modules/questionnaires/ui/button-form";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import {
  addSectionAction,
  closeQuestionnaireAction,
  deleteQuestionAction,
  deleteQuestionnaireAction,
  deleteSectionAction,
  moveQuestionAction,
  moveSectionAction,
  publishQuestionnaireAction,
  updateQuestionnaireAction,
  updateSectionAction,
} from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Construire le questionnaire" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  cree: "Le questionnaire est créé, en brouillon. Relisez et adaptez les questions, puis publiez-le.",
  enregistre: "Les modifications sont enregistrées.",
  publie: "Le questionnaire est publié : ouvrez une campagne pour obtenir son lien public et son QR code.",
  clos: "Le questionnaire est clos : aucune campagne n'accepte plus de réponses. Les résultats restent consultables.",
};

/** The builder: parts and questions in order, each editable, movable and removable with plain forms. */
export default async function BuilderPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, structure, db } = await questionnairePage(slug, id, "view", `/espace/${slug}/questionnaires/${id}`);
  const responses = await submittedCount(db, territory.id, questionnaire.id);
  const problems = publishProblems(structure);
  const editable = can.edit && questionnaire.status !== "closed";
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}`;
  const hidden = { territory: territory.slug, questionnaire: questionnaire.id, version: String(questionnaire.version) };
  const notice = Object.keys(notices).find((k) => sp[k] === "1");
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="construction" />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      {responses > 0 ? (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">
            {formatNumber(responses)} réponse{responses > 1 ? "s ont" : " a"} déjà été reçue{responses > 1 ? "s" : ""}. Vous pouvez encore
            reformuler les questions et les choix, ajouter des choix et des questions facultatives. Changer le type d&apos;une question,
            retirer un choix déjà choisi ou supprimer une question qui a des réponses est refusé : cela fausserait les réponses. Pour cela,
            copiez le questionnaire (depuis la liste des questionnaires) : la copie est une nouvelle version, sans réponses.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="etat" className="fr-mb-6w">
        <h3 id="etat" className="fr-h5">
          État du questionnaire
        </h3>
        {questionnaire.status === "draft" ? (
          <>
            <p>Brouillon : personne ne peut encore y répondre. Vérifiez-le dans l&apos;aperçu, puis publiez-le.</p>
            {problems.length > 0 ? (
              <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
                <p>Avant de publier :</p>
                <ul>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {can.publish ? <ButtonForm action={publishQuestionnaireAction} hidden={hidden} label="Publier le questionnaire" className="fr-btn" /> : <p>La publication est faite par l&apos;équipe de coordination.</p>}
          </>
        ) : questionnaire.status === "published" ? (
          <>
            <p>
              Publié : les campagnes ouvertes acceptent des réponses.{" "}
              <Link href={`${base}/campagnes`}>Voir les campagnes et leurs liens</Link>.
            </p>
            {can.publish ? <ButtonForm action={closeQuestionnaireAction} hidden={hidden} label="Clore le questionnaire" /> : null}
          </>
        ) : (
          <>
            <p>Clos : il n&apos;accepte plus de réponses. Les résultats et les exports restent disponibles.</p>
            {can.publish ? <ButtonForm action={publishQuestionnaireAction} hidden={hidden} label="Rouvrir le questionnaire" /> : null}
          </>
        )}
      </section>

      {editable ? (
        <details className="fr-mb-4w">
          <summary>Modifier le titre, la présentation et le public</summary>
          <div className="fr-col-12 fr-col-md-8 fr-mt-2w">
            <ActionForm action={updateQuestionnaireAction} submitLabel="Enregistrer">
              {Object.entries(hidden).map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              <Field name="title" label="Titre" defaultValue={questionnaire.title} maxLength={200} />
              <Field name="intro" label="Présentation" hint="Affichée sur la première page : à qui s'adresse le questionnaire, à quoi il sert, combien de temps il prend." textarea rows={5} defaultValue={questionnaire.intro} />
              <RadioGroup name="audience" legend="Public" options={audiences.map((a) => ({ value: a, label: audienceLabels[a] }))} defaultValue={questionnaire.audience} />
            </ActionForm>
          </div>
        </details>
      ) : questionnaire.intro ? (
        <p className="fr-text--sm">{questionnaire.intro}</p>
      ) : null}

      {structure.sections.length === 0 ? <p>Ce questionnaire n&apos;a encore aucune partie.</p> : null}
      {structure.sections.map((section, si) => (
        <section key={section.id} id={`partie-${section.id}`} className="fr-mb-6w" aria-labelledby={`titre-${section.id}`}>
          <h3 id={`titre-${section.id}`} className="fr-h5 fr-mb-1w">
            Partie {si + 1} — {section.title}
          </h3>
          {section.description ? <p className="fr-text--sm">{section.description}</p> : null}
          {editable ? (
            <div className="fr-mb-2w" style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
              {si > 0 ? <ButtonForm action={moveSectionAction} hidden={{ ...hidden, sectionId: section.id, direction: "up" }} label={<>Monter<span className="fr-sr-only"> la partie {si + 1}</span></>} /> : null}
              {si < structure.sections.length - 1 ? <ButtonForm action={moveSectionAction} hidden={{ ...hidden, sectionId: section.id, direction: "down" }} label={<>Descendre<span className="fr-sr-only"> la partie {si + 1}</span></>} /> : null}
              <ButtonForm action={deleteSectionAction} hidden={{ ...hidden, sectionId: section.id }} label={<>Supprimer<span className="fr-sr-only"> la partie {si + 1}</span></>} />
            </div>
          ) : null}
          {editable ? (
            <details className="fr-mb-2w">
              <summary>Modifier le titre de la partie {si + 1}</summary>
              <div className="fr-col-12 fr-col-md-8 fr-mt-2w">
                <ActionForm action={updateSectionAction} submitLabel="Enregistrer la partie">
                  {Object.entries({ ...hidden, sectionId: section.id }).map(([k, v]) => (
                    <input key={k} type="hidden" name={k} value={v} />
                  ))}
                  <Field name="title" label="Titre de la partie" defaultValue={section.title} maxLength={200} />
                  <Field name="description" label="Texte d'introduction (facultatif)" textarea rows={2} defaultValue={section.description} />
                </ActionForm>
              </div>
            </details>
          ) : null}
          {section.questions.length === 0 ? <p>Aucune question dans cette partie.</p> : null}
          <ol className="fr-raw-list">
            {section.questions.map((q, qi) => (
              <li key={q.id} id={`question-${q.id}`} className="fr-mb-2w fr-p-2w" style={{ border: "1px solid #dddddd" }}>
                <p className="fr-mb-1v">
                  <strong>
                    Q{q.number}. {q.label}
                  </strong>
                </p>
                <p className="fr-text--sm fr-mb-1v">
                  <span className="fr-badge fr-badge--sm">{questionTypeLabels[q.type]}</span>
                  {q.required ? <span className="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">Obligatoire</span> : null}
                  {q.personal ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Donnée personnelle</span> : null}
                  {q.settings.choices?.length ? ` ${q.settings.choices.map((c) => c.label).join(" · ")}${q.settings.allowOther ? " · Autre, précisez" : ""}` : null}
                </p>
                {q.condition ? <p className="fr-text--sm fr-mb-1v">Affichée seulement {describeCondition(structure, q.condition)}.</p> : null}
                {editable ? (
                  <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
                    <Link className="fr-btn fr-btn--sm" href={`${base}/questions/${q.id}`}>
                      Modifier<span className="fr-sr-only"> la question Q{q.number}</span>
                    </Link>
                    {qi > 0 ? <ButtonForm action={moveQuestionAction} hidden={{ ...hidden, questionId: q.id, direction: "up" }} label={<>Monter<span className="fr-sr-only"> la question Q{q.number}</span></>} /> : null}
                    {qi < section.questions.length - 1 ? <ButtonForm action={moveQuestionAction} hidden={{ ...hidden, questionId: q.id, direction: "down" }} label={<>Descendre<span className="fr-sr-only"> la question Q{q.number}</span></>} /> : null}
                    <ButtonForm action={deleteQuestionAction} hidden={{ ...hidden, questionId: q.id }} label={<>Supprimer<span className="fr-sr-only"> la question Q{q.number}</span></>} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {editable ? (
            <Link className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" href={`${base}/questions/nouvelle?partie=${section.id}`}>
              Ajouter une question<span className="fr-sr-only"> à la partie {si + 1}</span>
            </Link>
          ) : null}
        </section>
      ))}

      {editable ? (
        <section aria-labelledby="nouvelle-partie" className="fr-mb-6w">
          <h3 id="nouvelle-partie" className="fr-h5">
            Ajouter une partie
          </h3>
          <p className="fr-text--sm">Chaque partie est un écran du questionnaire : gardez-les courtes (3 à 6 questions).</p>
          <div className="fr-col-12 fr-col-md-8">
            <ActionForm action={addSectionAction} submitLabel="Ajouter la partie">
              {Object.entries(hidden).map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              <Field name="title" label="Titre de la partie" maxLength={200} />
              <Field name="description" label="Texte d'introduction (facultatif)" textarea rows={2} />
            </ActionForm>
          </div>
        </section>
      ) : null}
      {can.edit && responses === 0 ? (
        <section aria-labelledby="supprimer" className="fr-mb-4w">
          <h3 id="supprimer" className="fr-h6">
            Supprimer ce questionnaire
          </h3>
          <p className="fr-text--sm">Possible tant qu&apos;il n&apos;a reçu aucune réponse. Ses campagnes sont supprimées avec lui.</p>
          <ButtonForm action={deleteQuestionnaireAction} hidden={hidden} label="Supprimer le questionnaire" className="fr-btn fr-btn--sm fr-btn--tertiary" />
        </section>
      ) : null}
    </>
  );
}
