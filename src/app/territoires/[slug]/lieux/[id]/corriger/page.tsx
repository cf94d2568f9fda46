import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { findPlace } from "@/modules/places/queries";
import { fieldsOf } from "@/modules/contributions/payload";
import { ProposalForm } from "@/modules/contributions/ui/proposal-form";
import { hoursExample, serviceOptions } from "@/modules/contributions/ui/service-options";
import { Thanks } from "@/modules/contributions/ui/thanks";
import { proposeCorrectionAction } from "@/modules/contributions/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Signaler une erreur ou un changement" };

/** The place's current values, to correct; the correction is published once a coordinator accepts it. */
export default async function CorrectPlacePage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const place = await findPlace(db, territory.id, id);
  if (!place) notFound();
  const placeHref = `/territoires/${territory.slug}/lieux/${place.id}`;
  return (
    <>
      <PublicBreadcrumb segments={[...territoryCrumbs(territory), { label: "Lieux", href: `/territoires/${territory.slug}/lieux` }, { label: place.name, href: placeHref }]} current="Signaler une erreur" />
      <h1>Signaler une erreur ou un changement — {place.name}</h1>
      {sp.envoye === "1" ? (
        <Thanks slug={territory.slug} territoryName={territory.name} again={{ href: placeHref, label: "Revenir au lieu" }} />
      ) : (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8">
            <p>
              Les champs ci-dessous montrent ce qui est publié aujourd&apos;hui. Corrigez ce qui a changé, ou décrivez le changement
              dans le message (un lieu fermé, par exemple). L&apos;équipe qui coordonne le territoire vérifie chaque correction avant
              de la publier.
            </p>
            <ProposalForm
              action={proposeCorrectionAction}
              variant="correction"
              initial={fieldsOf(place.data)}
              hidden={{ territory: territory.slug, place: place.id }}
              serviceOptions={serviceOptions}
              hoursExample={hoursExample}
              submitLabel="Envoyer la correction"
            />
          </div>
        </div>
      )}
    </>
  );
}
