import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { countOf, formatDate } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { groupAbilities } from "@/modules/groups/policy";
import { commentsOf, findGroup, findProposal, groupRefOf } from "@/modules/groups/queries";
import { commentProposalAction, convertProposalAction, supportProposalAction } from "@/modules/groups/actions";
import { ActionErrorNotice } from "@/ui/action-error";
import { WorkspaceBreadcrumb, crumbLabel } from "@/ui/breadcrumbs";
import { ActionForm, Field, Hidden } from "@/ui/form";

export const metadata: Metadata = { title: "Proposition" };

type Props = { params: Promise<{ slug: string; id: string; proposal: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  proposee: "Votre proposition est enregistrée : les membres du groupe peuvent la commenter et la soutenir.",
  commente: "Votre commentaire est ajouté.",
  "soutien=ajoute": "Votre soutien est enregistré.",
  "soutien=retire": "Votre soutien est retiré.",
  transformee: "La proposition est devenue un projet d'action du plan (statut « idée »).",
};

/** One proposal: its text, supports, comments, and — once converted — the link to its action of the plan. */
export default async function ProposalPage({ params, searchParams }: Props) {
  const { slug, id, proposal: proposalId } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/groupes/${id}/propositions/${proposalId}`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const group = await findGroup(db, territory.id, id);
  const ref = group ? await groupRefOf(db, territory, id) : undefined;
  const proposal = group ? await findProposal(db, territory.id, proposalId, principal.kind === "user" ? principal.userId : undefined) : undefined;
  if (!group || !ref || !proposal || proposal.groupId !== group.id) notFound();
  const can = groupAbilities(principal, ref);
  const comments = await commentsOf(db, territory.id, proposal.id);
  const base = `/espace/${territory.slug}/groupes/${group.id}`;
  const noticeKey = Object.keys(notices).find((k) => (k.includes("=") ? sp[k.split("=")[0] as string] === k.split("=")[1] : sp[k] !== undefined));
  const hidden = (
    <>
      <Hidden name="territory" value={territory.slug} />
      <Hidden name="group" value={group.id} />
      <Hidden name="proposal" value={proposal.id} />
      <Hidden name="back" value={here} />
    </>
  );
  return (
    <>
      <WorkspaceBreadcrumb
        territory={territory}
        module={{ label: "Groupes de travail", href: `/espace/${territory.slug}/groupes` }}
        segments={[{ label: crumbLabel(group.name), href: base }, { label: "Propositions", href: `${base}/propositions` }]}
        current={crumbLabel(proposal.title)}
      />
      <ActionErrorNotice code={sp.erreur} />
      {noticeKey ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[noticeKey]}</p>
        </div>
      ) : null}
      <h2>{proposal.title}</h2>
      <p className="fr-text--sm">
        Proposée par {proposal.authorName || "un membre"} le {formatDate(proposal.createdAt)} dans le groupe « {group.name} ».{" "}
        <strong data-testid="soutiens">{countOf(proposal.supports, "soutien", "soutiens")}</strong>.
      </p>
      {proposal.text ? <p style={{ whiteSpace: "pre-line" }}>{proposal.text}</p> : null}

      {proposal.status === "transformee" && proposal.actionId ? (
        <div className="fr-callout fr-mb-3w">
          <p className="fr-callout__text">
            Cette proposition est devenue une action du plan :{" "}
            <Link href={`/espace/${territory.slug}/plan/actions/${proposal.actionId}`} prefetch={false}>
              voir l&apos;action « {proposal.title} »
            </Link>
            .
          </p>
        </div>
      ) : null}

      <ul className="fr-btns-group fr-btns-group--inline-md">
        {can.participate && proposal.status === "ouverte" ? (
          <li>
            <form action={supportProposalAction}>
              {hidden}
              <button type="submit" className="fr-btn fr-btn--secondary">
                {proposal.supportedByMe ? "Retirer mon soutien" : "Soutenir cette proposition"}
              </button>
            </form>
          </li>
        ) : null}
        {can.convert && proposal.status === "ouverte" ? (
          <li>
            <form action={convertProposalAction}>
              {hidden}
              <button type="submit" className="fr-btn">
                Transformer en projet d&apos;action du plan
              </button>
            </form>
          </li>
        ) : null}
      </ul>
      {!can.convert && can.manage && proposal.status === "ouverte" ? (
        <p className="fr-text--sm">La coordination du territoire transforme les propositions en actions du plan : signalez-lui celle-ci.</p>
      ) : null}

      <section aria-labelledby="commentaires-titre" className="fr-mt-4w" id="commentaires">
        <h3 id="commentaires-titre">Commentaires ({comments.length})</h3>
        {comments.length === 0 ? <p>Aucun commentaire pour l&apos;instant.</p> : null}
        <ol className="fr-raw-list">
          {comments.map((c) => (
            <li key={c.id} className="fr-mb-2w">
              <p className="fr-mb-0" style={{ whiteSpace: "pre-line" }}>
                {c.text}
              </p>
              <p className="fr-text--xs fr-mb-0">
                {c.authorName || "Un membre"}, le {formatDate(c.createdAt)}
              </p>
            </li>
          ))}
        </ol>
        {can.participate ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={commentProposalAction} submitLabel="Commenter">
                {hidden}
                <Field name="text" label="Votre commentaire" textarea rows={3} />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
