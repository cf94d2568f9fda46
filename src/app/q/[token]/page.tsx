import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { visibleSteps } from "@/modules/questionnaires/logic";
import { campaignByToken, campaignState, loadStructure } from "@/modules/questionnaires/queries";
import { ButtonForm } from "@/modules/questionnaires/ui/button-form";
import { lastOpenDay } from "@/modules/questionnaires/ui/format";
import { CampaignUnavailable } from "@/modules/questionnaires/ui/public-pages";
import { startAnswerAction } from "@/modules/questionnaires/actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { db } = await getRuntime();
  const found = await campaignByToken(db, (await params).token);
  return { title: found && found.questionnaire.status !== "draft" ? found.questionnaire.title : "Questionnaire", robots: { index: false } };
}

/** The public link of a campaign: what it is about, that it is anonymous, how long it takes, "Commencer". */
export default async function CampaignPage({ params }: Props) {
  const { token } = await params;
  const { db } = await getRuntime();
  const found = await campaignByToken(db, token);
  // A draft questionnaire is not public, even through a campaign's link.
  if (!found || found.questionnaire.status === "draft") notFound();
  const { campaign, questionnaire, territory } = found;
  const state = campaignState(campaign, questionnaire);
  if (state !== "open") return <CampaignUnavailable state={state} campaign={campaign} title={questionnaire.title} territoryName={territory.name} />;
  const structure = await loadStructure(db, questionnaire.territoryId, questionnaire.id);
  const steps = visibleSteps(structure, new Map(), campaign.anonymous);
  const questions = steps.reduce((n, s) => n + s.questions.length, 0);
  const minutes = Math.max(2, Math.round(questions * 0.4));
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>
        {questionnaire.title}
        {territory.isDemo || campaign.demo ? <span className="fr-badge fr-badge--info fr-ml-2w">Démonstration</span> : null}
      </h1>
      <p className="fr-text--lead">Un questionnaire du territoire « {territory.name} ».</p>
      {questionnaire.intro
        ? questionnaire.intro.split(/\n+/).map((line, i) => <p key={i}>{line}</p>)
        : null}
      <ul>
        <li>
          {steps.length} étape{steps.length > 1 ? "s" : ""}, environ {minutes} minutes.
        </li>
        <li>Vous pouvez vous arrêter entre deux étapes : vos réponses sont gardées tant que vous gardez l&apos;adresse de la page.</li>
        {campaign.anonymous ? (
          <li>
            <strong>Vos réponses sont anonymes</strong> : nous ne vous demandons ni votre nom ni votre adresse, et nous ne gardons pas
            l&apos;adresse de votre connexion.
          </li>
        ) : (
          <li>Certaines questions, facultatives, vous demandent comment vous recontacter.</li>
        )}
        {campaign.closesAt ? <li>Vous pouvez répondre jusqu&apos;au {lastOpenDay(campaign.closesAt)}.</li> : null}
      </ul>
      <ButtonForm action={startAnswerAction} hidden={{ campaign: campaign.token }} label="Commencer" className="fr-btn fr-btn--lg fr-mt-2w" />
    </div>
  );
}
