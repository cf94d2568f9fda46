import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { actorPolicy, noParticularActor } from "@/modules/actors/policy";
import { ActorFields } from "@/modules/actors/ui/actor-fields";
import { createActorAction } from "@/modules/actors/actions";

export const metadata: Metadata = { title: "Ajouter un acteur" };

export default async function NewActorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/acteurs/nouveau`);
  if (!actorPolicy.create(principal, territory, noParticularActor)) forbidden();
  return (
    <>
      <h2>Ajouter un acteur</h2>
      <p>
        Une structure du territoire, engagée ou à mobiliser : association, collectivité, service de l&apos;État, entreprise, école,
        bailleur… Les champs marqués d&apos;un astérisque (*) sont obligatoires.
      </p>
      <ActionForm
        action={createActorAction}
        submitLabel="Enregistrer l'acteur"
        secondary={
          <Link className="fr-btn fr-btn--secondary" href={`/espace/${territory.slug}/acteurs`}>
            Annuler
          </Link>
        }
      >
        <Hidden name="territory" value={territory.slug} />
        <ActorFields />
      </ActionForm>
    </>
  );
}
