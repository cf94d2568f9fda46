import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { allQuestions } from "@/modules/questionnaires/logic";
import { answeredQuestions } from "@/modules/questionnaires/queries";
import { QuestionForm } from "@/modules/questionnaires/ui/question-form";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { closedRefusal } from "@/modules/questionnaires/closed";
import { ClosedNotice } from "@/modules/questionnaires/ui/closed-notice";
import { updateQuestionAction } from "@/modules/questionnaires/actions";

export const metadata: Metadata = { title: "Modifier une question" };

type Props = { params: Promise<{ slug: string; id: string; questionId: string }> };

export default async function EditQuestionPage({ params }: Props) {
  const { slug, id, questionId } = await params;
  const { territory, can, questionnaire, structure, db } = await questionnairePage(slug, id, "edit", `/espace/${slug}/questionnaires/${id}`);
  // Same rule and same typed error (409) as the builder's commands, not a 403.
  const refusal = closedRefusal(questionnaire);
  if (refusal) {
    return (
      <>
        <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="construction" />
        <ClosedNotice refusal={refusal} back={`/espace/${territory.slug}/questionnaires/${questionnaire.id}`} />
      </>
    );
  }
  const question = allQuestions(structure).find((q) => q.id === questionId);
  if (!question) notFound();
  const answered = (await answeredQuestions(db, territory.id, [question.id])).size > 0;
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="construction" />
      <h3>Modifier la question Q{question.number}</h3>
      {answered ? (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">
            Cette question a déjà des réponses. Vous pouvez la reformuler, renommer ses choix et en ajouter ; son type ne change plus et un
            choix déjà choisi ne peut plus être retiré.
          </p>
        </div>
      ) : null}
      <div className="fr-col-12 fr-col-md-8">
        <QuestionForm
          action={updateQuestionAction}
          hidden={{ territory: territory.slug, questionnaire: questionnaire.id, version: String(questionnaire.version), questionId: question.id }}
          structure={structure}
          question={{ ...question, questionnaireId: questionnaire.id }}
          sectionId={question.sectionId}
          submitLabel="Enregistrer la question"
        />
      </div>
    </>
  );
}
