import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { communeLabels } from "@/modules/geo";
import { ActionForm, Hidden } from "@/ui/form";
import { Table } from "@/ui/table";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { fundingAbilities } from "@/modules/funding/policy";
import { deadlinesOf, findSource } from "@/modules/funding/queries";
import { deadlineKindLabels } from "@/modules/funding/validation";
import { SourceFacts } from "@/modules/funding/ui/source-summary";
import { DeadlineFields, SourceFields } from "@/modules/funding/ui/source-fields";
import { addDeadlineAction, deleteDeadlineAction, updateDeadlineAction, deleteSourceAction, updateSourceAction } from "@/modules/funding/actions";
import { sourceUsage } from "@/composition/funding-match";

export const metadata: Metadata = { title: "Source de financement" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  ajoutee: "La source est ajoutée.",
  modifiee: "La source est modifiée.",
  "echeance-supprimee": "L'échéance est supprimée.",
  "echeance-modifiee": "L'échéance est modifiée.",
};

/** One source: what it finances, its deadlines for this territory, and (local source) its edit and delete forms. */
export default async function FundingSourcePage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/financements/${id}`);
  const { db } = await getRuntime();
  const source = await findSource(db, territory.id, id);
  if (!source) notFound();
  const can = fundingAbilities(principal, territory);
  const deadlines = await deadlinesOf(db, territory.id, source.id);
  // « Modifier » on a row opens its form here (a link: no JavaScript needed).
  const editing = deadlines.find((d) => d.id === sp.modifier);
  const here = `/espace/${territory.slug}/financements/${source.id}`;
  const local = source.territoryId !== null;
  const usage = local && can.manage ? await sourceUsage(db, territory.id, source.id) : [];
  const written = local && source.scopeKind === "communes" ? await communeLabels(db, source.scopeCodes) : new Map<string, string>();
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  const base = `/espace/${territory.slug}/financements`;
  const fmt = (n: number | null) => (n === null ? "" : String(n));
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Financements", href: base }} current={crumbLabel(source.name)} />
      <h2>{source.name}</h2>
      <p>
        <span className={`fr-badge fr-badge--sm ${local ? "fr-badge--blue-ecume" : ""}`}>{local ? "Source locale" : "Liste de référence"}</span>
      </p>
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <SourceFacts source={source} place={(c) => written.get(c) ?? c} />
      {source.url ? (
        <p>
          <a className="fr-link" href={source.url} target="_blank" rel="noopener noreferrer" title={`Page officielle de ${source.name} (nouvelle fenêtre)`}>
            Page officielle
          </a>
        </p>
      ) : null}
      {!local ? <p className="fr-text--sm">Cette source fait partie de la liste de référence livrée avec Maillage, la même pour tous les territoires : vérifiez toujours les conditions de l&apos;année sur la page officielle.</p> : null}

      <section aria-labelledby="echeances-titre" className="fr-mt-4w">
        <h3 id="echeances-titre">Échéances connues du territoire</h3>
        {deadlines.length === 0 ? (
          <p>Aucune échéance enregistrée.</p>
        ) : (
          <div className="fr-table">
            <Table>
              <caption>Échéances de {source.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Échéance</th>
                  {can.manage ? <th scope="col">Modifier ou retirer</th> : null}
                </tr>
              </thead>
              <tbody>
                {deadlines.map((d) => (
                  <tr key={d.id}>
                    <td>{formatDate(d.date)}</td>
                    <td>
                      {deadlineKindLabels[d.kind]}
                      {d.label ? ` : ${d.label}` : ""}
                    </td>
                    {can.manage ? (
                      <td>
                        <p className="fr-mb-1w">
                          <Link className="fr-link" href={`${here}?modifier=${d.id}#modifier-echeance`}>
                            Modifier l&apos;échéance du {formatDate(d.date)}
                          </Link>
                        </p>
                        <ActionForm action={deleteDeadlineAction} submitLabel={`Supprimer l'échéance du ${formatDate(d.date)}`}>
                          <Hidden name="territory" value={territory.slug} />
                          <Hidden name="deadline" value={d.id} />
                        </ActionForm>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {can.manage && editing ? (
          <div className="fr-grid-row fr-mb-4w">
            <div className="fr-col-12 fr-col-lg-8">
              <h4 id="modifier-echeance" tabIndex={-1}>
                Modifier l&apos;échéance du {formatDate(editing.date)}
              </h4>
              <ActionForm action={updateDeadlineAction} submitLabel="Enregistrer l'échéance">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="deadline" value={editing.id} />
                <DeadlineFields defaults={editing} />
              </ActionForm>
              <p className="fr-mt-1w">
                <Link className="fr-link" href={here}>
                  Annuler la modification
                </Link>
              </p>
            </div>
          </div>
        ) : null}
        {can.manage ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>Ajouter une échéance</h4>
              <ActionForm action={addDeadlineAction} submitLabel="Ajouter l'échéance">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="source" value={source.id} />
                <DeadlineFields />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      {local && can.manage ? (
        <>
          <section aria-labelledby="modifier-titre" className="fr-mt-6w">
            <h3 id="modifier-titre">Modifier la source</h3>
            <div className="fr-grid-row">
              <div className="fr-col-12 fr-col-lg-8">
                <ActionForm action={updateSourceAction} submitLabel="Enregistrer la source">
                  <Hidden name="territory" value={territory.slug} />
                  <Hidden name="source" value={source.id} />
                  <SourceFields
                    territoryName={territory.name}
                    defaults={{
                      name: source.name,
                      funder: source.funder,
                      aidKind: source.aidKind,
                      finances: source.finances,
                      themes: source.themes,
                      bearers: source.bearers,
                      publicsText: source.publics.join(", "),
                      scope: source.scopeKind === "national" ? "national" : source.scopeKind === "communes" && written.size > 0 && source.scopeCodes.length < 50 ? "communes" : "territoire",
                      communesText: source.scopeKind === "communes" ? source.scopeCodes.map((c) => written.get(c) ?? c).join(", ") : "",
                      rateMin: fmt(source.rateMin),
                      rateMax: fmt(source.rateMax),
                      amountMin: fmt(source.amountMin),
                      amountMax: fmt(source.amountMax),
                      rhythm: source.rhythm,
                      url: source.url,
                      notes: source.notes,
                    }}
                  />
                </ActionForm>
              </div>
            </div>
          </section>
          <section aria-labelledby="supprimer-titre" className="fr-mt-6w">
            <h3 id="supprimer-titre">Supprimer la source</h3>
            {usage.length ? (
              <>
                <p>Ces actions du plan comptent sur cette source (cofinancements) : retirez-la de leurs cofinancements avant de la supprimer.</p>
                <ul>
                  {usage.map((a) => (
                    <li key={a.id}>
                      <Link href={`/espace/${territory.slug}/plan/actions/${a.id}`}>{a.title}</Link> (version {a.version})
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Ses échéances sont supprimées avec elle. La suppression est inscrite au journal.</p>
            )}
            <ActionForm action={deleteSourceAction} submitLabel="Supprimer la source">
              <Hidden name="territory" value={territory.slug} />
              <Hidden name="source" value={source.id} />
            </ActionForm>
          </section>
        </>
      ) : null}
    </>
  );
}
