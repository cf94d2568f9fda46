import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuestionForm } from "@/modules/questionnaires/ui/question-form";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { closedRefusal } from "@/modules/questionnaires/closed";
import { ClosedNotice } from "@/modules/questionnaires/ui/closed-notice";
import { addQuestionAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Ajouter une question" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewQuestionPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, structure } = await questionnairePage(slug, id, "edit", `/espace/${slug}/questionnaires/${id}`);
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
  const wanted = typeof sp.partie === "string" ? sp.partie : "";
  const section = structure.sections.find((s) => s.id === wanted) ?? structure.sections.at(-1);
  if (!section) notFound();
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="construction" />
      <h3>Ajouter une question</h3>
      <div className="fr-col-12 fr-col-md-8">
        <QuestionForm
          action={addQuestionAction}
          hidden={{ territory: territory.slug, questionnaire: questionnaire.id, version: String(questionnaire.version) }}
          structure={structure}
          sectionId={section.id}
          submitLabel="Ajouter la question"
        />
      </div>
    </>
  );
}
