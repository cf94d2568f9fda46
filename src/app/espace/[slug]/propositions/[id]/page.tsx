import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { contributionPolicy } from "@/modules/contributions/policy";
import { findProposal } from "@/modules/contributions/queries";
import type { PlaceFields } from "@/modules/contributions/payload";
import { ProposalForm } from "@/modules/contributions/ui/proposal-form";
import { ProposalLines, proposalTitle } from "@/modules/contributions/ui/proposal-lines";
import { hoursExample, serviceOptions } from "@/modules/contributions/ui/service-options";
import { acceptEditedProposalAction } from "@/modules/contributions/actions";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Modifier puis accepter une proposition" };

const statusText = { accepted: "a déjà été acceptée", rejected: "a déjà été refusée" } as const;

/** "Edit then accept": the proposal in the form (over the place's current values for a correction). */
export default async function EditProposalPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/propositions/${id}`);
  if (!contributionPolicy.moderate(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const item = await findProposal(db, territory.id, id);
  if (!item) notFound();
  const { message: _message, ...proposed } = item.proposal.payload;
  const base: PlaceFields = item.place?.fields ?? { nom: "", adresse: "", code_postal: "", commune: "", telephone: "", courriel: "", site_web: "", horaires: "", services: [], presentation_resume: "" };
  const initial: PlaceFields = { ...base, ...proposed };
  const back = `/espace/${territory.slug}/propositions`;
  const title = proposalTitle(item);
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Propositions de lieux", href: back }} current={title} />
      <p>
        <Link href={back}>Retour aux propositions en attente</Link>
      </p>
      <h2>
        {item.proposal.kind === "new" ? "Nouveau lieu" : "Correction"} : {title}
      </h2>
      <ProposalLines item={item} />
      {item.proposal.status !== "pending" ? (
        <p className="fr-text--bold">Cette proposition {statusText[item.proposal.status]}.</p>
      ) : item.proposal.kind === "correction" && !item.place ? null : (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8">
            <h3 className="fr-mt-4w">Modifier puis accepter</h3>
            <p>
              {item.proposal.kind === "new"
                ? "Le formulaire reprend la proposition : corrigez ce qui doit l'être, puis acceptez pour publier le lieu."
                : "Le formulaire montre le lieu tel qu'il est publié, avec les modifications proposées : ajustez-les, puis acceptez."}
            </p>
            <ProposalForm
              action={acceptEditedProposalAction}
              variant="moderation"
              initial={initial}
              hidden={{ territory: territory.slug, proposal: item.proposal.id }}
              serviceOptions={serviceOptions}
              hoursExample={hoursExample}
              submitLabel="Enregistrer et accepter"
            />
          </div>
        </div>
      )}
    </>
  );
}
