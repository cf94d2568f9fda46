import type { Metadata } from "next";
import Link from "next/link";
import { territoryPage } from "@/platform/web/guard";
import { WorkspaceNav } from "@/modules/territories/ui/workspace-nav";
import { ImportPlaces } from "@/modules/places/ui/import-places";

export const metadata: Metadata = { title: "Importer des lieux" };

export default async function ImportPlacesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { territory, abilities } = await territoryPage(slug, "edit", `/espace/${slug}/lieux`);
  return (
    <>
      <WorkspaceNav slug={territory.slug} name={territory.name} current="lieux" abilities={abilities} isDemo={territory.isDemo} />
      <h2>Importer des lieux de médiation numérique</h2>
      <p>
        Déposez un fichier au format du standard national. Il est d&apos;abord vérifié ligne à ligne, sans rien écrire ; vous importez
        ensuite, en une fois, les lieux situés dans le périmètre du territoire. Les lieux déjà connus (même source, même identifiant)
        sont mis à jour, jamais dupliqués. <Link href={`/territoires/${territory.slug}/lieux`}>Voir les lieux du territoire</Link>.
      </p>
      <ImportPlaces territory={territory.slug} />
    </>
  );
}
