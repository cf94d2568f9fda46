import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { findCampaign } from "@/modules/questionnaires/queries";
import { qrSvg } from "@/modules/questionnaires/qr";
import { lastOpenDay } from "@/modules/questionnaires/ui/format";
import { questionnairePage } from "@/modules/questionnaires/ui/load";

export const metadata: Metadata = { title: "Affiche du questionnaire" };

// Printed alone: the site's header, footer and links are hidden on paper.
const printStyle = `@media print { header, footer, .fr-skiplinks, .maillage-noprint { display: none !important; } main { padding: 0 !important; } }`;

/** A poster to print: the question, the QR code, the short link, the closing date. */
export default async function PosterPage({ params }: { params: Promise<{ slug: string; id: string; campaignId: string }> }) {
  const { slug, id, campaignId } = await params;
  const { territory, questionnaire, db } = await questionnairePage(slug, id, "view", `/espace/${slug}/questionnaires/${id}/campagnes/${campaignId}/affiche`);
  const campaign = await findCampaign(db, territory.id, questionnaire.id, campaignId);
  if (!campaign) notFound();
  const { env } = await getRuntime();
  const url = `${env.baseUrl}/q/${campaign.token}`;
  return (
    <>
      <style>{printStyle}</style>
      <p className="maillage-noprint">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/questionnaires/${questionnaire.id}/campagnes/${campaign.id}`}>
          Revenir à la campagne
        </Link>{" "}
        — imprimez cette page avec la commande « Imprimer » de votre navigateur.
      </p>
      <div style={{ textAlign: "center", maxWidth: "40rem", margin: "0 auto" }}>
        <h1 className="fr-display--xs">Votre avis compte</h1>
        <p className="fr-text--lead">{questionnaire.title}</p>
        <p>Un questionnaire du territoire « {territory.name} »{campaign.anonymous ? ", anonyme" : ""}.</p>
        <div style={{ display: "flex", justifyContent: "center" }} dangerouslySetInnerHTML={{ __html: qrSvg(url, `QR code du lien ${url}`) }} />
        <p className="fr-mt-2w">Scannez ce code avec l&apos;appareil photo de votre téléphone, ou tapez l&apos;adresse :</p>
        <p className="fr-h4" style={{ wordBreak: "break-all" }}>
          {url.replace(/^https?:\/\//, "")}
        </p>
        {campaign.closesAt ? <p>Vous pouvez répondre jusqu&apos;au {lastOpenDay(campaign.closesAt)}.</p> : null}
        <p className="fr-text--sm">Besoin d&apos;aide pour répondre ? Demandez à l&apos;accueil : on peut vous aider, ou saisir vos réponses sur papier.</p>
      </div>
    </>
  );
}
