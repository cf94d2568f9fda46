import Link from "next/link";
import type { CampaignState } from "../queries";
import type { Campaign } from "../schema";
import { formatDay, lastOpenDay } from "./format";

/** What a person sees on a link that takes no answers now: when it opens, or that it is over. */
export function CampaignUnavailable({ state, campaign, title, territoryName }: { state: CampaignState; campaign: Pick<Campaign, "opensAt" | "closesAt">; title: string; territoryName: string }) {
  const message =
    state === "not_yet" && campaign.opensAt
      ? `Ce questionnaire ouvrira le ${formatDay(campaign.opensAt)}. Revenez à partir de cette date : le lien sera le même.`
      : state === "ended" && campaign.closesAt
        ? `Ce questionnaire était ouvert jusqu'au ${lastOpenDay(campaign.closesAt)}. Il n'accepte plus de réponses. Merci de votre intérêt.`
        : "Ce questionnaire est clos : il n'accepte plus de réponses. Merci de votre intérêt.";
  return (
    <div className="fr-col-12 fr-col-md-8">
      <h1>{title}</h1>
      <div className="fr-alert fr-alert--info fr-mb-4w">
        <h2 className="fr-alert__title">{state === "not_yet" ? "Pas encore ouvert" : "Questionnaire fermé"}</h2>
        <p>{message}</p>
      </div>
      <p>
        Ce questionnaire est proposé par le territoire « {territoryName} ». Pour trouver de l&apos;aide près de chez vous pour le numérique :{" "}
        <Link href="/aide">trouver un lieu d&apos;aide</Link>.
      </p>
    </div>
  );
}
