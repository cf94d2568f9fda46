import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/platform/text";
import { campaignState, listCampaigns } from "@/modules/questionnaires/queries";
import { CampaignForm } from "@/modules/questionnaires/ui/campaign-form";
import { formatDay, lastOpenDay } from "@/modules/questionnaires/ui/format";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { createCampaignAction } from "@/modules/questionnaires/actions";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Campagnes du questionnaire" };

const stateLabels = { open: "Ouverte", not_yet: "Pas encore ouverte", ended: "Terminée", questionnaire_closed: "Questionnaire clos", questionnaire_draft: "Questionnaire pas encore publié" } as const;

/** Each campaign is a public link with its dates; several can run at once (one per event, per place…). */
export default async function CampaignsPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { territory, can, questionnaire, db } = await questionnairePage(slug, id, "view", `/espace/${slug}/questionnaires/${id}/campagnes`);
  const campaigns = await listCampaigns(db, territory.id, questionnaire.id);
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/campagnes`;
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="campagnes" />
      <h3>Campagnes</h3>
      <p>
        Une campagne, c&apos;est un lien public (et son QR code à imprimer) avec ses dates. Ouvrez-en une par occasion (un forum, des
        affiches, un envoi aux partenaires) pour savoir d&apos;où viennent les réponses.
      </p>
      {campaigns.length > 0 ? (
        <div className="fr-table">
          <Table>
            <caption>Campagnes de ce questionnaire</caption>
            <thead>
              <tr>
                <th scope="col">Campagne</th>
                <th scope="col">État</th>
                <th scope="col">Dates</th>
                <th scope="col">Anonyme</th>
                <th scope="col">Réponses</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map(({ campaign, responses, suspect }) => (
                <tr key={campaign.id}>
                  <th scope="row">
                    <Link href={`${base}/${campaign.id}`}>{campaign.label}</Link>
                  </th>
                  <td>{stateLabels[campaignState(campaign, questionnaire)]}</td>
                  <td>
                    {campaign.opensAt ? `du ${formatDay(campaign.opensAt)}` : "dès la publication"}
                    {campaign.closesAt ? ` au ${lastOpenDay(campaign.closesAt)}` : ", sans fin"}
                  </td>
                  <td>{campaign.anonymous ? "Oui" : "Non"}</td>
                  <td>
                    {formatNumber(responses)}
                    {suspect > 0 ? ` (dont ${formatNumber(suspect)} suspecte${suspect > 1 ? "s" : ""})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Aucune campagne pour l&apos;instant.</p>
      )}
      {can.publish && questionnaire.status !== "closed" ? (
        <section className="fr-mt-6w" aria-labelledby="nouvelle-campagne">
          <h3 id="nouvelle-campagne" className="fr-h5">
            Ouvrir une campagne
          </h3>
          {questionnaire.status === "draft" ? <p className="fr-text--sm">Le questionnaire est encore en brouillon : son lien n&apos;acceptera des réponses qu&apos;une fois le questionnaire publié.</p> : null}
          <div className="fr-col-12 fr-col-md-8">
            <CampaignForm action={createCampaignAction} hidden={{ territory: territory.slug, questionnaire: questionnaire.id }} submitLabel="Ouvrir la campagne" />
          </div>
        </section>
      ) : null}
    </>
  );
}
