import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import type { PlaceFields } from "@/modules/contributions/payload";
import { ProposalForm } from "@/modules/contributions/ui/proposal-form";
import { hoursExample, serviceOptions } from "@/modules/contributions/ui/service-options";
import { Thanks } from "@/modules/contributions/ui/thanks";
import { proposePlaceAction } from "@/modules/contributions/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Proposer un lieu de médiation numérique" };

const empty: PlaceFields = { nom: "", adresse: "", code_postal: "", commune: "", telephone: "", courriel: "", site_web: "", horaires: "", services: [], presentation_resume: "" };

/** Anyone may propose a missing place; it is published once the territory's coordinators accept it. */
export default async function ProposePlacePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const here = `/territoires/${territory.slug}/lieux/proposer`;
  return (
    <>
      <PublicBreadcrumb segments={[...territoryCrumbs(territory), { label: "Lieux", href: `/territoires/${territory.slug}/lieux` }]} current="Proposer un lieu" />
      <h1>Proposer un lieu — {territory.name}</h1>
      {sp.envoye === "1" ? (
        <Thanks slug={territory.slug} territoryName={territory.name} again={{ href: here, label: "Proposer un autre lieu" }} />
      ) : (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8">
            <p>
              Un lieu où l&apos;on peut être aidé pour le numérique manque à la liste ? Décrivez-le. L&apos;équipe qui coordonne le
              territoire vérifie chaque proposition avant de la publier ; vous n&apos;avez pas besoin de compte.
            </p>
            <ProposalForm
              action={proposePlaceAction}
              variant="new"
              initial={empty}
              hidden={{ territory: territory.slug }}
              serviceOptions={serviceOptions}
              hoursExample={hoursExample}
              submitLabel="Envoyer la proposition"
            />
          </div>
        </div>
      )}
    </>
  );
}
