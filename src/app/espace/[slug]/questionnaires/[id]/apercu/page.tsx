import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import type { Step } from "@/modules/questionnaires/logic";
import { territoryCommuneOptions } from "@/modules/questionnaires/queries";
import { PreviewScreen } from "@/modules/questionnaires/ui/answer-screen";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Aperçu du questionnaire" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The answering page as people will see it, screen by screen; nothing is saved. Every question is shown, conditional ones with their condition. */
export default async function PreviewPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, structure } = await questionnairePage(slug, id, "view", `/espace/${slug}/questionnaires/${id}/apercu`);
  const steps: Step[] = structure.sections
    .filter((s) => s.questions.length > 0)
    .map((section) => ({ section, level: 0, questions: section.questions.map((q) => ({ ...q, sameScreenCondition: false })) }));
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/apercu`;
  const asked = Number(Array.isArray(sp.etape) ? sp.etape[0] : sp.etape);
  const index = Number.isInteger(asked) && asked >= 1 && asked <= steps.length ? asked : 1;
  const step = steps[index - 1];
  const { db } = await getRuntime();
  const communes = step?.questions.some((q) => q.type === "commune") ? await territoryCommuneOptions(db, territory.id) : [];
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="apercu" />
      {step ? (
        <div className="fr-col-12 fr-col-md-8">
          <PreviewScreen
            notice={
              <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
                <p>
                  Aperçu : rien n&apos;est enregistré. Toutes les questions sont montrées ; celles qui dépendent d&apos;une réponse
                  l&apos;indiquent. Dans une campagne anonyme, les questions marquées « information personnelle » ne sont pas posées.
                </p>
              </div>
            }
            step={step}
            index={index}
            count={steps.length}
            nextTitle={steps[index]?.section.title}
            answers={new Map()}
            structure={structure}
            communes={communes}
            territoryName={territory.name}
            previousHref={index > 1 ? `${base}?etape=${index - 1}` : undefined}
            nextHref={index < steps.length ? `${base}?etape=${index + 1}` : undefined}
          />
        </div>
      ) : (
        <p>Ce questionnaire n&apos;a encore aucune question.</p>
      )}
    </>
  );
}
