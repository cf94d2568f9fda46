import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { campaignState, findCampaign } from "@/modules/questionnaires/queries";
import { qrSvg } from "@/modules/questionnaires/qr";
import { ButtonForm } from "@/modules/questionnaires/ui/button-form";
import { CampaignForm } from "@/modules/questionnaires/ui/campaign-form";
import { formatDay, lastOpenDay } from "@/modules/questionnaires/ui/format";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { endCampaignAction, startPaperAction, updateCampaignAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Campagne du questionnaire" };

type Props = { params: Promise<{ slug: string; id: string; campaignId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  cree: "La campagne est ouverte. Diffusez son lien ou imprimez son affiche.",
  enregistre: "La campagne est enregistrée.",
  terminee: "La campagne est terminée : son lien n'accepte plus de réponses.",
  saisie: "Le questionnaire papier est enregistré. Vous pouvez en saisir un autre.",
};

/** A campaign: its public link and QR code, its poster, its dates; paper questionnaires are typed in from here. */
export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug, id, campaignId } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, db } = await questionnairePage(slug, id, "view", `/espace/${slug}/questionnaires/${id}/campagnes/${campaignId}`);
  const campaign = await findCampaign(db, territory.id, questionnaire.id, campaignId);
  if (!campaign) notFound();
  const { env } = await getRuntime();
  const url = `${env.baseUrl}/q/${campaign.token}`;
  const state = campaignState(campaign, questionnaire);
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/campagnes/${campaign.id}`;
  const notice = Object.keys(notices).find((k) => sp[k] === "1");
  const hidden = { territory: territory.slug, questionnaire: questionnaire.id, campaign: campaign.id };
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="campagnes" />
      <h3>Campagne « {campaign.label} »</h3>
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <p>
            {state === "open"
              ? "Ouverte : le lien accepte des réponses."
              : state === "not_yet"
                ? `Pas encore ouverte : le lien acceptera des réponses à partir du ${campaign.opensAt ? formatDay(campaign.opensAt) : ""}.`
                : state === "ended"
                  ? "Terminée : le lien n'accepte plus de réponses."
                  : state === "questionnaire_draft"
                    ? "Le questionnaire n'est pas encore publié : le lien n'est pas encore accessible."
                    : "Le questionnaire est clos : le lien n'accepte plus de réponses."}
            {campaign.closesAt && state !== "ended" ? ` Dernier jour : ${lastOpenDay(campaign.closesAt)}.` : ""} {campaign.anonymous ? "Réponses anonymes." : "Réponses nominatives possibles (questions personnelles posées)."}
          </p>
          <p>
            Lien à diffuser :<br />
            <a href={url} className="fr-text--lg">
              {url}
            </a>
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn fr-btn--secondary" href={`${base}/affiche`}>
                Affiche à imprimer
              </Link>
            </li>
          </ul>
          {can.enterPaper && questionnaire.status === "published" ? (
            <section aria-labelledby="papier" className="fr-mt-4w">
              <h4 id="papier" className="fr-h6">
                Saisir un questionnaire papier
              </h4>
              <p className="fr-text--sm">
                Pour une personne qui a répondu sur papier, ou que vous aidez à répondre : mêmes questions, la réponse est marquée « saisie
                papier » avec votre nom dans le journal.
              </p>
              <ButtonForm action={startPaperAction} hidden={hidden} label="Saisir un questionnaire papier" className="fr-btn" />
            </section>
          ) : null}
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <div dangerouslySetInnerHTML={{ __html: qrSvg(url, `QR code du lien ${url}`) }} />
        </div>
      </div>
      {can.publish ? (
        <section className="fr-mt-6w" aria-labelledby="modifier">
          <h4 id="modifier" className="fr-h5">
            Modifier la campagne
          </h4>
          <div className="fr-col-12 fr-col-md-8">
            <CampaignForm action={updateCampaignAction} hidden={hidden} campaign={campaign} submitLabel="Enregistrer la campagne" />
          </div>
          {state === "open" ? (
            <div className="fr-mt-4w">
              <ButtonForm action={endCampaignAction} hidden={hidden} label="Terminer la campagne maintenant" />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
