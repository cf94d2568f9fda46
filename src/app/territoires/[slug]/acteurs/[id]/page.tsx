import type { Metadata } from "next";
import { formatPhone, telHref } from "@/platform/text";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { findActor } from "@/modules/actors/queries";
import { legalTypeLabels, worldLabels, type World } from "@/modules/actors/validation";
import { placesOfActor } from "@/modules/places/edit/queries";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Acteur du territoire" };

type Props = { params: Promise<{ slug: string; id: string }> };

// Rendered at the first visit, then cached for everyone until its data changes (tags) or at most 300 s
// (PUBLIC_REVALIDATE_SECONDS; segment config must be a literal): docs/decisions/010-caching-public-pages.md.
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string; id: string }[]> {
  return [];
}

/** An actor's public card: public fields and its places; private contacts and status are never read here. */
export default async function PublicActorPage({ params }: Props) {
  const { slug, id } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  await tagPage(publicTags.territories, publicTags.territory(territory.id), publicTags.actors, publicTags.places);
  const actor = await findActor(db, territory.id, id);
  if (!actor) notFound();
  const actorPlaces = await placesOfActor(db, territory.id, actor.id);
  const base = `/territoires/${territory.slug}`;
  const rows: [string, React.ReactNode][] = [
    ["Forme juridique", legalTypeLabels[actor.legalType]],
    ["Mondes", actor.worlds.map((w) => worldLabels[w as World] ?? w).join(", ")],
    ["Commune d'implantation", actor.communeName],
    ["Communes desservies", actor.served.map((c) => c.name).join(", ")],
    ["SIRET", actor.siret],
    ["Numéro RNA", actor.rna],
    ["Courriel", actor.publicEmail ? <a href={`mailto:${actor.publicEmail}`}>{actor.publicEmail}</a> : null],
    ["Téléphone", actor.publicPhone ? <a href={telHref(actor.publicPhone)}>{formatPhone(actor.publicPhone)}</a> : null],
    ["Site internet", actor.website ? <a href={actor.website} rel="noopener noreferrer">{actor.website}</a> : null],
  ];
  return (
    <>
      <PublicBreadcrumb segments={[...territoryCrumbs(territory), { label: "Acteurs", href: `${base}/acteurs` }]} current={actor.name} />
      <h1>{actor.name}</h1>
      {actor.description ? <p style={{ whiteSpace: "pre-line" }}>{actor.description}</p> : null}
      <dl>
        {rows
          .filter(([, v]) => v !== null && v !== undefined && v !== "")
          .map(([term, value]) => (
            <div key={term} className="fr-mb-1w">
              <dt className="fr-text--bold">{term}</dt>
              <dd className="fr-ml-0">{value}</dd>
            </div>
          ))}
      </dl>
      <h2>Lieux de médiation numérique de la structure</h2>
      {actorPlaces.length === 0 ? (
        <p>Aucun lieu de ce territoire n&apos;est rattaché à cette structure.</p>
      ) : (
        <ul>
          {actorPlaces.map((p) => (
            <li key={p.id}>
              <Link href={`${base}/lieux/${p.id}`}>{p.name}</Link>
              {p.communeName ? ` (${p.communeName})` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
