import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { campaignByToken } from "@/modules/questionnaires/queries";

export const metadata: Metadata = { title: "Merci pour vos réponses", robots: { index: false } };

export default async function ThanksPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await getRuntime();
  const found = await campaignByToken(db, token);
  if (!found || found.questionnaire.status === "draft") notFound();
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>Merci pour vos réponses</h1>
      <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
        <h2 className="fr-alert__title">Vos réponses sont envoyées</h2>
        <p>
          Elles aideront le territoire « {found.territory.name} » à mieux accompagner chacun face au numérique. Vous pouvez fermer cette
          page.
        </p>
      </div>
      <p>
        Besoin d&apos;aide pour le numérique dès maintenant ? <Link href="/aide">Trouvez un lieu d&apos;aide près de chez vous</Link>.
      </p>
    </div>
  );
}
