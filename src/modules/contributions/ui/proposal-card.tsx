import Link from "next/link";
import { formatDateTime } from "@/platform/text";
import { ActionForm, Field, Hidden } from "@/ui/form";
import type { QueueItem } from "../queries";
import { maxLengths } from "../limits";
import { ProposalLines, proposalTitle } from "./proposal-lines";
import { acceptProposalAction, rejectProposalAction } from "@/modules/contributions/actions";

/** One proposal in the moderation queue: what it changes, then accept (as is or edited) or refuse with a reason. */
export function Proposal({ item, slug }: { item: QueueItem; slug: string }) {
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
