import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { contributionPolicy } from "@/modules/contributions/policy";
import { listPendingProposals, QUEUE_PAGE_SIZE } from "@/modules/contributions/queries";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { Proposal } from "@/modules/contributions/ui/proposal-card";

export const metadata: Metadata = { title: "Propositions de lieux" };

const decisions: Record<string, string> = {
  acceptee: "La proposition est acceptée : le lieu est publié.",
  refusee: "La proposition est refusée ; la raison est gardée au journal des modifications.",
};

/** The moderation queue of the territory's place proposals (coordinators and platform administrators). */
export default async function ProposalsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/propositions`);
  if (!contributionPolicy.moderate(principal, territory)) forbidden();
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

