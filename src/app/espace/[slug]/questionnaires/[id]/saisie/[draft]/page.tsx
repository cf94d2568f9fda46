import type { Metadata } from "next";
import Link from "next/link";
import { loadDraftContext } from "@/modules/questionnaires/commands/answers";
import { stepNumbering, stepTitle, visibleSteps } from "@/modules/questionnaires/logic";
import { territoryCommuneOptions } from "@/modules/questionnaires/queries";
import { AnswerScreen } from "@/modules/questionnaires/ui/answer-screen";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { saveStepAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Saisir un questionnaire papier" };

type Props = { params: Promise<{ slug: string; id: string; draft: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The answering screens, in the workspace, for a member typing in a paper questionnaire. */
export default async function PaperEntryPage({ params, searchParams }: Props) {
  const { slug, id, draft } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, db } = await questionnairePage(slug, id, "enterPaper", `/espace/${slug}/questionnaires/${id}/campagnes`);
  const context = await loadDraftContext(db, draft);
  const nav = <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="campagnes" />;
  if (!context || context.draft.source !== "paper" || context.questionnaire.id !== questionnaire.id || context.draft.territoryId !== territory.id) {
    return (
      <>
        {nav}
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <h3 className="fr-alert__title">Cette saisie n&apos;est plus en cours</h3>
          <p>Elle a peut-être déjà été enregistrée.</p>
        </div>
        <Link className="fr-btn" href={`/espace/${territory.slug}/questionnaires/${questionnaire.id}/campagnes`}>
          Revenir aux campagnes
        </Link>
      </>
    );
  }
  const steps = visibleSteps(context.structure, context.draft.answers, context.campaign.anonymous);
  const asked = Number(Array.isArray(sp.etape) ? sp.etape[0] : sp.etape);
  const index = Number.isInteger(asked) && asked >= 1 && asked <= steps.length ? asked : 1;
  const step = steps[index - 1];
  const communes = step?.questions.some((q) => q.type === "commune") ? await territoryCommuneOptions(db, territory.id) : [];
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/saisie/${draft}`;
  return (
    <>
      {nav}
      <div className="fr-col-12 fr-col-md-8">
        <div className="fr-callout fr-mb-3w">
          <p className="fr-callout__text">
            Saisie d&apos;un questionnaire papier — campagne « {context.campaign.label} ». Recopiez les réponses telles qu&apos;elles sont écrites ;
            laissez vide ce qui n&apos;a pas été répondu, même pour une question obligatoire.
          </p>
        </div>
        {step ? (
          <AnswerScreen
            step={step}
            index={index}
            count={steps.length}
            nextTitle={steps[index] ? stepTitle(steps[index]) : undefined}
            numbering={stepNumbering(steps, index)}
            answers={context.draft.answers}
            structure={context.structure}
            communes={communes}
            territoryName={territory.name}
            action={saveStepAction}
            hidden={{ draft, territory: territory.slug }}
            previousHref={index > 1 ? `${base}?etape=${index - 1}` : undefined}
          />
        ) : (
          <p>Ce questionnaire n&apos;a aucune question.</p>
        )}
      </div>
    </>
  );
}
