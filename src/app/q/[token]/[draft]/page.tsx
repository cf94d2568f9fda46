import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { loadDraftContext } from "@/modules/questionnaires/commands/answers";
import { stepNumbering, stepTitle, visibleSteps } from "@/modules/questionnaires/logic";
import { campaignByToken, campaignState, territoryCommuneOptions } from "@/modules/questionnaires/queries";
import { AnswerScreen } from "@/modules/questionnaires/ui/answer-screen";
import { CampaignUnavailable } from "@/modules/questionnaires/ui/public-pages";
import { saveStepAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";

type Props = { params: Promise<{ token: string; draft: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Répondre au questionnaire", robots: { index: false } };

/** One screen of answers; the draft's token in the address keeps the answers if the connection drops. */
export default async function AnswerPage({ params, searchParams }: Props) {
  const { token, draft } = await params;
  const sp = readSearchParams(await searchParams);
  const { db } = await getRuntime();
  const found = await campaignByToken(db, token);
  if (!found || found.questionnaire.status === "draft") notFound();
  const state = campaignState(found.campaign, found.questionnaire);
  if (state !== "open") return <CampaignUnavailable state={state} campaign={found.campaign} title={found.questionnaire.title} territoryName={found.territory.name} />;
  const context = await loadDraftContext(db, draft, found.campaign.id);
  if (!context || context.draft.source !== "web") {
    return (
      <div className="fr-col-12 fr-col-md-8">
        <h1>{found.questionnaire.title}</h1>
        <div className="fr-alert fr-alert--info fr-mb-4w">
          <h2 className="fr-alert__title">Ce lien ne mène plus à des réponses en cours</h2>
          <p>Ces réponses ont peut-être déjà été envoyées. Vous pouvez répondre à nouveau depuis le début.</p>
        </div>
        <Link className="fr-btn" href={`/q/${found.campaign.token}`}>
          Revenir au début du questionnaire
        </Link>
      </div>
    );
  }
  const steps = visibleSteps(context.structure, context.draft.answers, found.campaign.anonymous);
  const asked = Number(Array.isArray(sp.etape) ? sp.etape[0] : sp.etape);
  const index = Number.isInteger(asked) && asked >= 1 && asked <= steps.length ? asked : 1;
  const step = steps[index - 1];
  if (!step) notFound();
  const communes = step.questions.some((q) => q.type === "commune") ? await territoryCommuneOptions(db, found.territory.id) : [];
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1 className="fr-h4 fr-mb-2w">{found.questionnaire.title}</h1>
      <AnswerScreen
        step={step}
        index={index}
        count={steps.length}
        nextTitle={steps[index] ? stepTitle(steps[index]) : undefined}
        numbering={stepNumbering(steps, index)}
        answers={context.draft.answers}
        structure={context.structure}
        communes={communes}
        territoryName={found.territory.name}
        action={saveStepAction}
        hidden={{ draft }}
        previousHref={index > 1 ? `/q/${found.campaign.token}/${draft}?etape=${index - 1}` : undefined}
      />
    </div>
  );
}
