import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDateTime, formatNumber } from "@/platform/text";
import { territoryPage } from "@/platform/web/guard";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { contributionPolicy } from "@/modules/contributions/policy";
import { listPendingProposals, QUEUE_PAGE_SIZE, type QueueItem } from "@/modules/contributions/queries";
import { maxLengths } from "@/modules/contributions/limits";
import { ProposalLines, proposalTitle } from "@/modules/contributions/ui/proposal-lines";
import { acceptProposalAction, rejectProposalAction } from "../../../_actions/contributions";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Propositions de lieux" };

const decisions: Record<string, string> = {
  acceptee: "La proposition est acceptée : le lieu est publié.",
  refusee: "La proposition est refusée ; la raison est gardée au journal des modifications.",
};

/** The moderation queue of the territory's place proposals (coordinators and platform administrators). */
export default async function ProposalsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, actor } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/propositions`);
  if (!contributionPolicy.moderate(actor, territory)) forbidden();
  const { db } = await getRuntime();
  const { items, total } = await listPendingProposals(db, territory.id);
  const flash = sp.decision ? decisions[sp.decision] : undefined;
  return (
    <>
      {flash ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{flash}</p>
        </div>
      ) : null}
      <h2>Propositions de lieux en attente ({formatNumber(total)})</h2>
      <p>
        Toute personne peut proposer un lieu ou signaler une erreur depuis les{" "}
        <Link href={`/territoires/${territory.slug}/lieux`}>pages publiques des lieux</Link>. Rien n&apos;est publié avant votre
        décision. Acceptez tel quel, modifiez puis acceptez, ou refusez en donnant la raison.
        {total > QUEUE_PAGE_SIZE ? ` Les ${QUEUE_PAGE_SIZE} plus anciennes sont affichées.` : ""}
      </p>
      {items.length === 0 ? <p>Aucune proposition en attente.</p> : null}
      {items.map((item) => (
        <Proposal key={item.proposal.id} item={item} slug={territory.slug} />
      ))}
    </>
  );
}

function Proposal({ item, slug }: { item: QueueItem; slug: string }) {
  const { proposal } = item;
  const title = proposalTitle(item);
  const acceptable = proposal.kind === "new" || item.place !== undefined;
  return (
    <section className="fr-mb-6w fr-pt-2w" aria-labelledby={`proposition-${proposal.id}`} style={{ borderTop: "1px solid var(--border-default-grey)" }}>
      <h3 id={`proposition-${proposal.id}`}>
        {proposal.kind === "new" ? "Nouveau lieu : " : "Correction : "}
        {item.place ? <Link href={`/territoires/${slug}/lieux/${item.place.id}`}>{title}</Link> : title}
      </h3>
      <p className="fr-text--sm">
        Reçue le {formatDateTime(proposal.createdAt)}
        {item.wantsAnswer ? " · la personne sera informée de la décision par courriel" : ""}
      </p>
      <ProposalLines item={item} />
      {acceptable ? (
        <ActionForm action={acceptProposalAction} submitLabel={`Accepter « ${title} »`} secondary={<Link className="fr-btn fr-btn--secondary" href={`/espace/${slug}/propositions/${proposal.id}`}>Modifier puis accepter</Link>}>
          <Hidden name="territory" value={slug} />
          <Hidden name="proposal" value={proposal.id} />
        </ActionForm>
      ) : null}
      <details className="fr-mt-2w">
        <summary>Refuser cette proposition</summary>
        <ActionForm action={rejectProposalAction} submitLabel={`Refuser « ${title} »`}>
          <Hidden name="territory" value={slug} />
          <Hidden name="proposal" value={proposal.id} />
          <Field name="reason" label="Raison du refus" hint="Gardée au journal des modifications ; envoyée à la personne si elle a laissé son adresse." textarea rows={3} required maxLength={maxLengths.reason} />
        </ActionForm>
      </details>
    </section>
  );
}
