import type { Metadata } from "next";
import Link from "next/link";
import { isAppError } from "@/platform/errors";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ImportPlaces } from "@/modules/places/ui/import-places";
import { readImportJob, runningImport, type ImportJobView } from "@/modules/places/import-jobs";
import { readSearchParams } from "@/platform/web/search-params";
import { JobView } from "@/modules/places/ui/import-job";

export const metadata: Metadata = { title: "Importer des lieux" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPlacesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "editRegistry", `/espace/${slug}/lieux`);
  const { db } = await getRuntime();
  const jobId = typeof sp.import === "string" ? sp.import : undefined;
  let job: ImportJobView | undefined;
  let lost = false;
  if (jobId) {
    try {
      job = await readImportJob(db, principal, territory, jobId);
    } catch (e) {
      if (!isAppError(e) || e.status !== 404) throw e;
      lost = true;
    }
  }
  const running = job ? undefined : await runningImport(db, territory.id);
  return (
    <>
      <h2>Importer des lieux de médiation numérique</h2>
      {job ? (
        <JobView job={job} territory={territory.slug} />
      ) : (
        <>
          <p>
            Déposez un fichier au format du standard national. Il est d&apos;abord vérifié ligne à ligne, sans rien écrire ; vous importez
            ensuite, en une fois, les lieux situés dans le périmètre du territoire. Les lieux déjà connus (même source, même identifiant)
            sont mis à jour, jamais dupliqués. <Link href={`/territoires/${territory.slug}/lieux`}>Voir les lieux du territoire</Link>.
          </p>
          <p>
            Votre fichier n&apos;est pas au standard national (export d&apos;un tableur, d&apos;un annuaire, d&apos;un réseau) ?{" "}
            <Link href={`/espace/${territory.slug}/lieux/colonnes`}>Importer un fichier dans votre propre format</Link> : vous associez ses
            colonnes aux champs du standard, avec des suggestions.
          </p>
          {lost ? (
            <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
              <p>
                Cet import n&apos;est plus suivi : le rapport d&apos;un import terminé est gardé 30 minutes. Vérifiez les lieux du territoire, ou
                déposez le fichier à nouveau.
              </p>
            </div>
          ) : null}
          {running ? (
            <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
              <p>
                Un import est en cours pour ce territoire (« {running.filename} », {running.percent} %).{" "}
                <Link href={`/espace/${territory.slug}/lieux?import=${encodeURIComponent(running.id)}`}>Suivre sa progression</Link>
              </p>
            </div>
          ) : null}
          <ImportPlaces territory={territory.slug} />
        </>
      )}
    </>
  );
}

/** A long check or import: its progress while it runs, then its report (or its error). */
