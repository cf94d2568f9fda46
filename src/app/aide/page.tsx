import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { findHelp } from "@/modules/orientation/nearest";
import { resolveCommuneInput, type CommuneResolution } from "@/modules/orientation/commune";
import { parseHelpParams } from "@/modules/orientation/params";
import { Choices, MAX_KM, NotCovered, Results, SearchForm, Suggestions, UnknownCommune } from "@/modules/orientation/ui/help";
import { readSearchParams } from "@/platform/web/search-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLE = "Trouver de l'aide près de chez moi";

export const metadata: Metadata = {
  title: TITLE,
  description: "Les lieux les plus proches de chez vous où l'on vous aide avec le numérique : démarches en ligne, premiers pas, équipement, emploi, enfants.",
};

/**
 * For a person, or someone helping them: a commune and a need in, the nearest places out.
 * A GET form and a server-rendered list: no JavaScript needed, fits a 320 px phone, prints cleanly
 * (DSFR's fr-no-print hides the form; the layout already hides header and footer).
 */
export default async function HelpPage({ searchParams }: Props) {
  const params = parseHelpParams(readSearchParams(await searchParams));
  const { db } = await getRuntime();
  const now = new Date();
  const searched = params.text !== "" || params.commune !== undefined;
  const resolution: CommuneResolution | undefined = searched ? await resolveCommuneInput(db, params.text, params.commune) : undefined;
  const commune = resolution?.kind === "found" ? resolution.commune : undefined;
  const answer = commune
    ? await findHelp(db, { communeCode: commune.code, need: params.need, openNow: params.openNow, accessibility: params.accessibility, maxKm: MAX_KM }, now)
    : undefined;
  const unknown = resolution?.kind === "unknown" || (answer !== undefined && !answer.ok);

  return (
    <>
      <h1>{TITLE}</h1>
      <p className="fr-text--lead fr-no-print">
        Indiquez votre commune et ce dont vous avez besoin : voici les lieux les plus proches où l&apos;on vous aide avec le numérique, souvent gratuitement.
      </p>
      {unknown ? <UnknownCommune text={params.text} answer={answer} /> : null}
      {resolution?.kind === "choose" ? <Choices text={params.text} choices={resolution.choices} more={resolution.more} params={params} /> : null}
      {resolution?.kind === "suggest" ? <Suggestions text={params.text} choices={resolution.choices} params={params} /> : null}
      {commune && answer?.ok && !answer.covered ? <NotCovered commune={commune} /> : null}
      {commune && answer?.ok ? <Results commune={commune} places={answer.places} params={params} now={now} covered={answer.covered} /> : null}
      <SearchForm params={params} commune={commune} unknown={unknown} searched={searched} />
    </>
  );
}
