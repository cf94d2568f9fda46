import type { Metadata } from "next";
import { formatPhone } from "@/platform/text";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { actorAbilities } from "@/modules/actors/policy";
import { maturityAbilities } from "@/modules/maturity/policy";
import { findActor, listContacts, pendingSpeakerRequests, speakerCandidates } from "@/modules/actors/queries";
import { placeAbilities } from "@/modules/places/policy";
import { placesOfActor } from "@/modules/places/edit/queries";
import { legalTypeLabels, statusLabels, worldLabels, type World } from "@/modules/actors/validation";
import { ActorFields } from "@/modules/actors/ui/actor-fields";
import { ContactsSection } from "@/modules/actors/ui/contacts";
import { SpeakersSection } from "@/modules/actors/ui/speakers";
import { FollowUpSection } from "@/modules/actors/ui/follow-up";
import { setFollowUpAction, updateActorAction } from "@/modules/actors/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { Item } from "@/modules/actors/ui/definition-item";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { usesOfActor } from "@/modules/actors";
import { DeleteActorSection } from "@/composition/actor-delete/delete-section";
import { actorUsage } from "@/composition/actor-delete/usage";

export const metadata: Metadata = { title: "Fiche de l'acteur" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

const notices: Record<string, string> = {
  cree: "La structure est enregistrée.",
  contact: "Le contact est retiré.",
  lien: "La personne ne représente plus la structure.",
};

export default async function ActorPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal: person } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/acteurs/${id}`);
  const { db } = await getRuntime();
  const actor = await findActor(db, territory.id, id);
  if (!actor) notFound();
  const can = actorAbilities(person, territory, actor);
  const maturity = maturityAbilities(person, territory, actor);
  // Private contacts are read only when the policy allows it: what is not loaded cannot leak.
  const contacts = can.viewPrivateContacts ? await listContacts(db, territory.id, actor.id) : [];
  const notice = sp.demande === "confirmee" ? "La demande est confirmée : la personne représente désormais la structure." : sp.demande === "refusee" ? "La demande est refusée." : notices[Object.keys(notices).find((k) => sp[k] !== undefined) ?? ""];
  // Who may be named, and who asked: read only for the people who decide.
  const candidates = can.linkMember ? await speakerCandidates(db, territory.id) : [];
  const requests = can.linkMember ? await pendingSpeakerRequests(db, territory.id, actor.id) : [];
  const actorPlaces = await placesOfActor(db, territory.id, actor.id);
  const canEditPlaces = placeAbilities(person, territory, { actorSpeakerIds: actor.speakerIds }).edit;
  // What still uses the structure, read only for the people who may delete it (it names this territory's actions).
  const uses = can.delete ? await usesOfActor(db, territory.id, actor.id, actorUsage) : [];
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Acteurs", href: `/espace/${territory.slug}/acteurs` }} current={actor.name} />
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/acteurs`}>
          Tous les acteurs
        </Link>
      </p>
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <h2>
        {actor.name}{" "}
        <span className={`fr-badge ${actor.status === "engaged" ? "fr-badge--success" : "fr-badge--info"}`}>{statusLabels[actor.status]}</span>
      </h2>
      <dl>
        <Item term="Forme juridique">{legalTypeLabels[actor.legalType]}</Item>
        <Item term="SIRET">{actor.siret}</Item>
        <Item term="Numéro RNA">{actor.rna}</Item>
        <Item term="Mondes">{actor.worlds.map((w) => worldLabels[w as World] ?? w).join(", ")}</Item>
        <Item term="Commune d'implantation">{actor.communeName ? `${actor.communeName} (${actor.communeCode})` : null}</Item>
        <Item term="Communes desservies">{actor.served.map((c) => c.name).join(", ")}</Item>
        <Item term="Courriel">{actor.publicEmail ? <a href={`mailto:${actor.publicEmail}`}>{actor.publicEmail}</a> : null}</Item>
        <Item term="Téléphone">{actor.publicPhone ? formatPhone(actor.publicPhone) : null}</Item>
        <Item term="Site internet">
          {actor.website ? (
            <a href={actor.website} rel="noopener noreferrer" target="_blank" title={`${actor.website} (nouvelle fenêtre)`}>
              {actor.website}
            </a>
          ) : null}
        </Item>
        <Item term="Présentation">{actor.description ? <span style={{ whiteSpace: "pre-line" }}>{actor.description}</span> : null}</Item>
      </dl>
      {maturity.viewResults ? (
        <p className="fr-mt-4w">
          <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={`/espace/${territory.slug}/acteurs/${actor.id}/maturite`}>
            Maturité numérique : autoévaluation et résultats
          </Link>
        </p>
      ) : (
        <p className="fr-mt-4w fr-text--sm">
          Maturité numérique : les autoévaluations appartiennent à la structure. Elles se lisent depuis les territoires vérifiés qu&apos;elle a rejoints
          comme partenaire (une de ses personnes, membre partenaire du territoire, désignée pour la représenter).
        </p>
      )}

      {can.viewPrivateContacts ? (
        <FollowUpSection slug={territory.slug} actorId={actor.id} status={actor.status} notes={actor.notes} canEdit={can.annotate} action={setFollowUpAction} />
      ) : null}
      {can.viewPrivateContacts ? <ContactsSection slug={territory.slug} actorId={actor.id} contacts={contacts} canManage={can.manageContacts} /> : null}
      <SpeakersSection slug={territory.slug} actor={actor} canLink={can.linkMember} candidates={candidates} requests={requests} />

      <section aria-labelledby="lieux-titre" className="fr-mt-4w">
        <h2 id="lieux-titre">Lieux de la structure</h2>
        {actorPlaces.length === 0 ? (
          <p>Aucun lieu de ce territoire n&apos;est rattaché à cette structure. La personne qui coordonne le territoire peut en rattacher un depuis la fiche du lieu.</p>
        ) : (
          <ul>
            {actorPlaces.map((p) => (
              <li key={p.id}>
                <Link href={`/territoires/${territory.slug}/lieux/${p.id}`}>{p.name}</Link>
                {p.communeName ? ` (${p.communeName})` : ""}
                {canEditPlaces ? (
                  <>
                    {" — "}
                    <Link href={`/espace/${territory.slug}/lieux/${p.id}/modifier`}>
                      Modifier<span className="fr-sr-only"> {p.name}</span>
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {can.edit ? (
        <section aria-labelledby="modifier-titre" className="fr-mt-6w">
          <h2 id="modifier-titre">Modifier la structure</h2>
          <ActionForm action={updateActorAction} submitLabel="Enregistrer les modifications">
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="actor" value={actor.id} />
            <ActorFields actor={actor} />
          </ActionForm>
        </section>
      ) : null}
      {can.delete ? <DeleteActorSection slug={territory.slug} actor={actor} uses={uses} /> : null}
    </>
  );
}
