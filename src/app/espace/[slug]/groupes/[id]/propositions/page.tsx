import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { countOf, formatDate } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { groupAbilities } from "@/modules/groups/policy";
import { findGroup, groupRefOf, listProposals } from "@/modules/groups/queries";
import { createProposalAction } from "@/modules/groups/actions";
import { WorkspaceBreadcrumb, crumbLabel } from "@/ui/breadcrumbs";
import { ActionForm, Field, Hidden } from "@/ui/form";

export const metadata: Metadata = { title: "Propositions du groupe" };

type Props = { params: Promise<{ slug: string; id: string }> };

/** A group's proposals: open ones first (most supported first), then those that became actions of the plan. */
export default async function ProposalsPage({ params }: Props) {
  const { slug, id } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/groupes/${id}/propositions`);
  const { db } = await getRuntime();
  const group = await findGroup(db, territory.id, id);
  const ref = group ? await groupRefOf(db, territory, id) : undefined;
  if (!group || !ref) notFound();
  const can = groupAbilities(principal, ref);
  const proposals = await listProposals(db, territory.id, id, principal.kind === "user" ? principal.userId : undefined);
  const base = `/espace/${territory.slug}/groupes/${group.id}`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Groupes de travail", href: `/espace/${territory.slug}/groupes` }} segments={[{ label: crumbLabel(group.name), href: base }]} current="Propositions" />
      <h2>Propositions du groupe « {group.name} »</h2>
      <p>
        Les membres du groupe proposent, commentent et soutiennent (un soutien par personne). L&apos;animation du groupe ou la coordination
        transforme une proposition en projet d&apos;action du plan, qui garde le lien avec elle.
      </p>
      {proposals.length === 0 ? <p>Aucune proposition pour l&apos;instant.</p> : null}
      <ol className="fr-raw-list">
        {proposals.map((p) => (
          <li key={p.id} className="fr-mb-2w">
            <div className="fr-card fr-card--sm fr-enlarge-link fr-card--horizontal">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">
                    <Link href={`${base}/propositions/${p.id}`} prefetch={false}>
                      {p.title}
                    </Link>
                  </h3>
                  <p className="fr-card__desc">
                    {countOf(p.supports, "soutien", "soutiens")} · {countOf(p.comments, "commentaire", "commentaires")} · proposée par {p.authorName || "un membre"} le {formatDate(p.createdAt)}
                  </p>
                  <div className="fr-card__start">
                    <p className={`fr-badge fr-badge--sm ${p.status === "transformee" ? "fr-badge--success" : "fr-badge--info"}`}>{p.status === "transformee" ? "Devenue une action du plan" : "Ouverte"}</p>
                  </div>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {can.participate ? (
        <section aria-labelledby="proposer-titre" className="fr-mt-4w">
          <h3 id="proposer-titre">Faire une proposition</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createProposalAction} submitLabel="Proposer">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="group" value={group.id} />
                <Field name="title" label="Titre" required maxLength={200} hint="Par exemple : Une permanence numérique au CCAS chaque mardi" />
                <Field name="text" label="La proposition en quelques lignes (facultatif)" textarea rows={5} hint="Ce qu'il faudrait faire, pour qui, avec qui." />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : (
        <p className="fr-text--sm">Seules les personnes du groupe et la coordination font des propositions.</p>
      )}
    </>
  );
}
