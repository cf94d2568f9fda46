import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, CheckboxGroup, Field, Hidden, SelectField } from "@/ui/form";
import { themeLabel, themes } from "@/modules/themes";
import { CatalogueFilters, oneParam } from "@/modules/funding/ui/catalogue-filters";
import { fundingAbilities } from "@/modules/funding/policy";
import { listResources } from "@/modules/funding/queries";
import { resourceKinds } from "@/modules/funding/schema";
import { catalogueFiltersSchema, resourceKindLabels } from "@/modules/funding/validation";
import { createResourceAction, deleteResourceAction } from "@/modules/funding/actions";

export const metadata: Metadata = { title: "Ressources" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = { ajoutee: "La ressource est ajoutée.", supprimee: "La ressource est supprimée." };
const one = oneParam;

/** Who can help beside money: resource centres, networks, projects that did it before, tools. */
export default async function ResourcesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/ressources`);
  const { db } = await getRuntime();
  const can = fundingAbilities(principal, territory);
  const theme = catalogueFiltersSchema.shape.theme.parse(one(sp.theme));
  const items = await listResources(db, territory.id, theme);
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  return (
    <>
      <h2>Ressources</h2>
      <p>Centres de ressources, réseaux, outils publics et projets déjà menés ailleurs : qui peut aider, avec quoi, et comment les joindre.</p>
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <CatalogueFilters label="Filtrer les ressources" reset={`/espace/${territory.slug}/ressources`} idPrefix="res" theme={theme} className="fr-mb-3w" />
      <h3 id="ressources-titre">
        {items.length} ressource{items.length > 1 ? "s" : ""}
      </h3>
      <ul className="fr-raw-list" aria-labelledby="ressources-titre">
        {items.map((r) => (
          <li key={r.id} className="fr-mb-3w">
            <article className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
              <h4 className="fr-h6 fr-mb-1w">{r.name}</h4>
              <ul className="fr-badges-group">
                <li>
                  <p className={`fr-badge fr-badge--sm ${r.territoryId ? "fr-badge--blue-ecume" : ""}`}>{r.territoryId ? "Ressource locale" : "Liste de référence"}</p>
                </li>
                <li>
                  <p className="fr-badge fr-badge--sm">{resourceKindLabels[r.kind]}</p>
                </li>
              </ul>
              {r.description ? <p className="fr-text--sm fr-mb-1w">{r.description}</p> : null}
              {r.themes.length ? <p className="fr-text--sm fr-mb-1w">Thèmes : {r.themes.map(themeLabel).join(", ")}</p> : null}
              {r.contact ? <p className="fr-text--sm fr-mb-1w">Contact : {r.contact}</p> : null}
              {r.url ? (
                <p className="fr-text--sm fr-mb-1w">
                  <a className="fr-link" href={r.url} target="_blank" rel="noopener noreferrer" title={`Site de ${r.name} (nouvelle fenêtre)`}>
                    Site de {r.name}
                  </a>
                </p>
              ) : null}
              {r.territoryId && can.manage ? (
                <ActionForm action={deleteResourceAction} submitLabel={`Supprimer « ${r.name} »`}>
                  <Hidden name="territory" value={territory.slug} />
                  <Hidden name="resource" value={r.id} />
                </ActionForm>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      {can.manage ? (
        <section aria-labelledby="ajouter-titre" className="fr-mt-4w">
          <h3 id="ajouter-titre">Ajouter une ressource locale</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createResourceAction} submitLabel="Ajouter la ressource">
                <Hidden name="territory" value={territory.slug} />
                <Field name="name" label="Nom" maxLength={200} hint="Ex. : Espace numérique de la médiathèque de Cognac" />
                <SelectField name="kind" label="Type" defaultValue="projet" options={resourceKinds.map((k) => ({ value: k, label: resourceKindLabels[k] }))} />
                <Field name="description" label="Ce qu'elle apporte (facultatif)" textarea rows={3} maxLength={2000} />
                <Field name="contact" label="Contact (facultatif)" maxLength={300} hint="Une personne, une adresse, un numéro" />
                <Field name="url" label="Site (facultatif)" hint="Adresse complète, qui commence par https://" />
                <CheckboxGroup name="themes" legend="Thèmes" options={themes.map((t) => ({ value: t.id, label: t.label }))} />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
