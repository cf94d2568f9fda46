import { countOf } from "@/platform/text";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { findMapping, listMappings } from "@/modules/places/mapping/queries";
import { mappingView, openUpload } from "@/modules/places/mapping/wizard";
import { MappingForm } from "@/modules/places/mapping/ui/mapping-form";
import { SavedMappings } from "@/modules/places/mapping/ui/saved-mappings";
import { UploadForm } from "@/modules/places/mapping/ui/upload-form";
import { readSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { isAppError } from "@/platform/errors";
import { readingFile } from "@/platform/files/slots";
import { FilterSelect } from "@/ui/filter-select";

export const metadata: Metadata = { title: "Importer un fichier dans votre propre format" };

const formats = { csv: "CSV", xlsx: "tableur XLSX", json: "JSON" } as const;

export default async function PlaceMappingPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await props.params;
  const query = readSearchParams(await props.searchParams);
  const path = `/espace/${slug}/lieux/colonnes`;
  const { territory, principal } = await territoryPage(slug, "editRegistry", path);
  const { db } = await getRuntime();
  const one = (name: string) => (typeof query[name] === "string" ? query[name] : "");
  const token = one("fichier");
  const saved = await listMappings(db, territory.id);
  // Showing the page reads the kept file again: under the same per-territory and global slots as an upload.
  const opened = token ? await readingFile(territory.id, () => openUpload(db, principal, territory, token)).catch((e: unknown) => {
    if (isAppError(e)) return { ok: false as const, found: true, error: e.message };
    throw e;
  }) : undefined;
  // Someone else's file (another coordinator holding the link), or none: nothing says it exists.
  if (opened && !opened.ok && !opened.found) notFound();
  const chosen = one("correspondance") ? await findMapping(db, territory.id, one("correspondance")) : undefined;
  const view = opened?.ok ? mappingView(opened.table, opened.filename, chosen) : undefined;
  return (
    <>
      <h2>Importer un fichier dans votre propre format</h2>
      <p>
        Votre fichier de lieux n&apos;est pas au standard national ? Déposez-le tel quel (tableur, CSV ou JSON), associez ses colonnes aux
        champs du standard, prévisualisez, puis vérifiez et importez comme un fichier du standard. La correspondance peut être enregistrée
        pour le prochain fichier du même producteur. Pour un fichier déjà au standard, utilisez{" "}
        <Link href={`/espace/${territory.slug}/lieux`}>l&apos;import au standard national</Link>.
      </p>
      <ActionErrorNotice code={one("erreur")} />
      {one("supprimee") ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>La correspondance « {one("supprimee")} » est supprimée.</p>
        </div>
      ) : null}
      <section aria-labelledby="depot-titre" className="fr-mb-4w">
        <h3 id="depot-titre">1. Déposer le fichier</h3>
        {opened && !opened.ok ? (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
            <p>{opened.error}</p>
          </div>
        ) : null}
        {view ? (
          <>
            <p data-testid="mapping-file">
              Fichier « {view.filename} » ({formats[view.format]}
              {view.sheet ? `, feuille « ${view.sheet} »` : ""}) : {countOf(view.rows, "ligne", "lignes")} de lieux, {countOf(view.columns.length, "colonne", "colonnes")}
              {view.skipped > 0 ? `, ${countOf(view.skipped, "ligne vide ignorée", "lignes vides ignorées")}` : ""}.{" "}
              <Link href={path}>Déposer un autre fichier</Link>
            </p>
            {saved.length > 0 ? (
              <form method="get" action={path} className="fr-mb-3w">
                <input type="hidden" name="fichier" value={token} />
                <FilterSelect id="choisir-correspondance" name="correspondance" label="Partir d'une correspondance enregistrée" value={chosen?.id} empty="Suggestions automatiques" options={saved.map((m) => ({ value: m.id, label: m.name }))} />
                <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
                  Appliquer
                </button>
              </form>
            ) : null}
            {view.notices.map((n) => (
              <div key={n} className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
                <p>{n}</p>
              </div>
            ))}
          </>
        ) : (
          <UploadForm territory={territory.slug} saved={saved.map((m) => ({ id: m.id, name: m.name }))} />
        )}
      </section>
      {view ? <MappingForm key={`${token}-${chosen?.id ?? ""}`} territory={territory.slug} token={token} view={view} /> : null}
      <SavedMappings territory={territory.slug} token={view ? token : ""} saved={saved} />
    </>
  );
}
