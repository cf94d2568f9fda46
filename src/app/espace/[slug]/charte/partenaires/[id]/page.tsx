import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { findPlanVersion, loadPlan } from "@/modules/plan";
import { charterAbilities, commitmentPolicy } from "@/modules/charter/policy";
import { commentsOf, commitmentsOf, indicatorChoices, latestVersionWith, listCharterVersions, partnerRefOf, findPartner } from "@/modules/charter/queries";
import { versionStatusLabels } from "@/modules/charter/validation";
import { removeCommitmentAction, saveCommitmentAction } from "@/modules/charter/actions";
import { CommitmentFields } from "@/modules/charter/ui/commitment-fields";
import { SectionComments } from "@/modules/charter/ui/comments";
import { healthLabels, healthOfCommitments } from "@/composition/charter/health";
import { ActionErrorNotice } from "@/ui/action-error";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionForm, Hidden } from "@/ui/form";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Engagements d'un partenaire" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = { ajoute: "L'engagement est ajouté.", modifie: "L'engagement est modifié.", retire: "L'engagement est retiré." };
const healthBadge = { tenu: "fr-badge--success", en_bonne_voie: "fr-badge--info", en_retard: "fr-badge--error", sans_donnees: "" } as const;

/** One partner's commitment section: its commitments in the current version (written by its own people), and their health. */
export default async function PartnerCommitmentsPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/charte/partenaires/${id}`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const partner = await findPartner(db, territory.id, id);
  const ref = partner ? await partnerRefOf(db, territory, id) : undefined;
  if (!partner || !ref) notFound();
  const can = charterAbilities(principal, territory);
  const writes = commitmentPolicy.write(principal, ref);
  const versions = await listCharterVersions(db, territory.id, partner.charterId);
  const current = versions[0];
  if (!current) notFound();
  const draft = current.status === "brouillon";
  const commitments = await commitmentsOf(db, current.id, partner.id);
  const planVersion = await findPlanVersion(db, territory.id);
  const plan = planVersion ? await loadPlan(db, territory.id, planVersion) : undefined;
  // The actions the structure leads first: those are the ones it is most likely to commit to.
  const actions = (plan?.actions ?? []).map((a) => ({ lineageId: a.lineageId, title: a.lead?.id === partner.actorId ? `${a.title} (portée par la structure)` : a.title, led: a.lead?.id === partner.actorId })).sort((a, b) => Number(b.led) - Number(a.led));
  const titles = new Map((plan?.actions ?? []).map((a) => [a.lineageId, a.title]));
  const indicators = writes && draft ? await indicatorChoices(db, territory.id) : [];
  const frozen = await latestVersionWith(db, territory.id, ["soumise", "signee"]);
  const health = frozen ? await healthOfCommitments(db, territory.id, await commitmentsOf(db, frozen.id, partner.id), new Date()) : [];
  const frozenTexts = frozen ? new Map((await commitmentsOf(db, frozen.id, partner.id)).map((c) => [c.lineageId, c.text])) : new Map<string, string>();
  const comments = draft ? await commentsOf(db, current.id) : [];
  const base = `/espace/${territory.slug}/charte`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Charte d'engagements", href: base }} current={crumbLabel(partner.name)} />
      <ActionErrorNotice code={sp.erreur} />
      {sp.engagement && notices[sp.engagement] ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[sp.engagement]}</p>
        </div>
      ) : null}
      <h2>Engagements de {partner.name}</h2>
      <p>
        Signataire : {partner.signatoryName || partner.signatoryAccount || "à nommer par la coordination"}
        {partner.signatoryTitle ? `, ${partner.signatoryTitle}` : ""}. Version {current.number} : {versionStatusLabels[current.status].toLowerCase()}.
      </p>
      {!writes && draft ? <p className="fr-text--sm">Seules les personnes qui parlent pour {partner.name} sur la plateforme écrivent ses engagements.</p> : null}

      {frozen ? (
        <section aria-labelledby="sante-titre" className="fr-mt-4w" id="sante">
          <h3 id="sante-titre">Où en sont les engagements (version {frozen.number})</h3>
          {health.length === 0 ? (
            <p>Aucun engagement dans cette version.</p>
          ) : (
            <div className="fr-table">
              <Table>
                <caption>État de chaque engagement, d&apos;après les actions du plan et les indicateurs qui y sont liés</caption>
                <thead>
                  <tr>
                    <th scope="col">Engagement</th>
                    <th scope="col">État</th>
                    <th scope="col">Ce qui le montre</th>
                  </tr>
                </thead>
                <tbody>
                  {health.map((h) => (
                    <tr key={h.commitmentLineageId}>
                      <th scope="row">{frozenTexts.get(h.commitmentLineageId)}</th>
                      <td>
                        <span className={`fr-badge fr-badge--sm ${healthBadge[h.health]}`}>{healthLabels[h.health]}</span>
                      </td>
                      <td>{h.signals.length ? h.signals.map((s) => `${s.label} : ${s.said.toLowerCase()}`).join(" ; ") : "Relié à aucune action ni aucun indicateur"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="engagements-titre" className="fr-mt-4w" id="engagements">
        <h3 id="engagements-titre">
          Engagements de la version {current.number} ({commitments.length})
        </h3>
        {commitments.length === 0 ? <p>Aucun engagement écrit pour l&apos;instant.</p> : null}
        {commitments.map((c, i) => (
          <div key={c.id} className="fr-mb-4w">
            <h4>Engagement {i + 1}</h4>
            <p style={{ whiteSpace: "pre-line" }}>{c.text}</p>
            <ul className="fr-text--sm">
              {c.moneyEuros !== null ? <li>Apport financier : {c.moneyEuros.toLocaleString("fr-FR")} €</li> : null}
              {c.inKindDays !== null ? <li>Apport en nature : {c.inKindDays.toLocaleString("fr-FR")} jour{c.inKindDays > 1 ? "s" : ""}</li> : null}
              {c.inKindText ? <li>Autres apports : {c.inKindText}</li> : null}
              {c.actions.length ? <li>Actions du plan : {c.actions.map((a) => `${titles.get(a.lineageId) ?? "action retirée du plan"} (${a.role})`).join(" ; ")}</li> : null}
              {c.indicators.length ? <li>Indicateurs : {c.indicators.map((x) => x.name).join(" ; ")}</li> : null}
            </ul>
            {writes && draft ? (
              <>
                <details>
                  <summary>
                    Modifier<span className="fr-sr-only"> l&apos;engagement {i + 1}</span>
                  </summary>
                  <ActionForm action={saveCommitmentAction} submitLabel="Enregistrer l'engagement">
                    <Hidden name="territory" value={territory.slug} />
                    <Hidden name="partner" value={partner.id} />
                    <Hidden name="commitment" value={c.id} />
                    <CommitmentFields commitment={c} actions={actions} indicators={indicators} />
                  </ActionForm>
                </details>
                <form action={removeCommitmentAction} className="fr-mt-1w">
                  <Hidden name="territory" value={territory.slug} />
                  <Hidden name="partner" value={partner.id} />
                  <Hidden name="commitment" value={c.id} />
                  <Hidden name="back" value={here} />
                  <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                    Retirer l&apos;engagement {i + 1}
                  </button>
                </form>
              </>
            ) : null}
          </div>
        ))}
        {writes && draft ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>Ajouter un engagement</h4>
              <ActionForm action={saveCommitmentAction} submitLabel="Ajouter l'engagement">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="partner" value={partner.id} />
                <CommitmentFields actions={actions} indicators={indicators} />
              </ActionForm>
            </div>
          </div>
        ) : null}
        {!draft ? (
          <p className="fr-text--sm">
            La version {current.number} est figée. <Link href={`${base}/versions/${current.number}`}>Lire la version {current.number}</Link>.
          </p>
        ) : null}
        {draft ? <SectionComments slug={territory.slug} versionId={current.id} section={`partenaire:${partner.id}`} label={`Engagements de ${partner.name}`} comments={comments} canComment={can.comment} back={here} /> : null}
      </section>
    </>
  );
}
