import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { territoryOfRequest, territoryPage } from "@/modules/territories/web";
import { roleLabels } from "@/platform/auth/principal";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { territoryJourney } from "@/composition/journey/load";
import { JourneyView } from "@/composition/journey/journey-view";
import { updateTerritoryAction } from "@/modules/territories/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { actorAbilities } from "@/modules/actors/policy";
import { listActors, pendingSpeakerRequests, structuresOf } from "@/modules/actors/queries";
import { PartnerNextStep, SpeakerRequestsToAnswer } from "@/modules/actors/ui/partner-next-step";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await territoryOfRequest((await params).slug);
  return { title: territory ? `${territory.name} — espace de travail` : "Espace de travail" };
}

export default async function WorkspacePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal, abilities } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}`);
  const { db } = await getRuntime();
  const journey = await territoryJourney(db, territory);
  const role = principal.kind === "user" ? principal.roles[territory.id] : undefined;
  // A partner always has a next step: its structure, or the question of which one it speaks for.
  const structures = role === "partner" && principal.kind === "user" ? await structuresOf(db, territory.id, principal.userId) : null;
  const structureQuery = (sp.structure ?? "").trim().slice(0, 100);
  const structureResults = structures && structures.spoken.length === 0 && structureQuery ? (await listActors(db, territory.id, { q: structureQuery }, 1)).items : null;
  const requests = actorAbilities(principal, territory).linkMember ? await pendingSpeakerRequests(db, territory.id) : [];
  return (
    <>
      {sp.cree ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Le territoire est créé. Vous en êtes la personne coordinatrice : invitez maintenant vos partenaires.</p>
        </div>
      ) : null}
      {sp.bienvenue ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Bienvenue dans « {territory.name} ».</p>
        </div>
      ) : null}
      {sp.demande ? (
        <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
          <p>Votre demande est envoyée à la coordination du territoire. Dès qu&apos;elle l&apos;aura confirmée, vous pourrez modifier la fiche de votre structure et ses lieux.</p>
        </div>
      ) : null}
      <p>
        Votre rôle : <strong data-testid="role">{role ? roleLabels[role] : "Administration de la plateforme"}</strong>
      </p>
      {structures ? <PartnerNextStep slug={territory.slug} spoken={structures.spoken} requested={structures.requested} q={structureQuery} results={structureResults} /> : null}
      <SpeakerRequestsToAnswer slug={territory.slug} requests={requests} />
      <JourneyView
        journey={journey}
        unservedText="Maillage n'accompagne pas encore cette phase : elle viendra dans une prochaine version."
        emptyText="Rien à signaler pour cette phase."
      />
      <p>
        <Link href={`/espace/${territory.slug}/communes`}>Communes du territoire, périmètre et présentation</Link>
      </p>
      {abilities.edit ? (
        <section aria-labelledby="modifier-titre" className="fr-mt-6w">
          <h2 id="modifier-titre">Modifier la présentation</h2>
          <ActionForm action={updateTerritoryAction} submitLabel="Enregistrer">
            <Hidden name="territory" value={territory.slug} />
            <Field name="name" label="Nom du territoire" defaultValue={territory.name} maxLength={120} required />
            <Field name="description" label="Présentation" defaultValue={territory.description} textarea rows={4} />
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}
