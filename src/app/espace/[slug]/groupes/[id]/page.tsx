import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { worldLabels } from "@/modules/actors";
import { territoryPage } from "@/modules/territories/web";
import { groupAbilities } from "@/modules/groups/policy";
import { actorChoicesIn, balanceOfMembers, findGroup, groupRefOf, inviteSuggestions, listProposals, membersOf, territoryPeople } from "@/modules/groups/queries";
import { governanceKinds, groupRoles } from "@/modules/groups/schema";
import { kindLabels } from "@/modules/groups/validation";
import { addMemberAction, changeRoleAction, deleteGroupAction, inviteActorAction, removeMemberAction, updateGroupAction } from "@/modules/groups/actions";
import { BalanceView } from "@/modules/groups/ui/balance-view";
import { inviteEntries } from "@/modules/groups/invite-entries";
import { GroupFields } from "@/modules/groups/ui/group-fields";
import { MembersSection } from "@/modules/groups/ui/members-section";
import { ActionErrorNotice } from "@/ui/action-error";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionForm, Hidden } from "@/ui/form";

export const metadata: Metadata = { title: "Groupe de travail" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  cree: "Le groupe est créé. Ajoutez ses membres, chacun lié à sa structure : l'équilibre des mondes se calcule avec eux.",
  modifie: "Le groupe est modifié.",
  "membre=ajoute": "La personne est ajoutée au groupe.",
  "membre=retire": "La personne est retirée du groupe.",
  "membre=role": "Le rôle est changé.",
  "invitation=courriel": "L'invitation est enregistrée, et un courriel est parti à l'adresse de contact publique de la structure.",
  "invitation=sans-courriel": "L'invitation est enregistrée. La structure ne publie pas d'adresse de contact : prévenez-la vous-même.",
  "invitation=echec": "L'invitation est enregistrée, mais le courriel n'a pas pu partir : prévenez la structure vous-même.",
};

/** One group: its people and their structures, the worlds balance with whom to invite, its proposals and meetings. */
export default async function GroupPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/groupes/${id}`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const group = await findGroup(db, territory.id, id);
  const ref = group ? await groupRefOf(db, territory, id) : undefined;
  if (!group || !ref) notFound();
  // A governance body is a group too, but it has its own page (members with their roles, rhythm, decisions).
  if ((governanceKinds as readonly string[]).includes(group.kind)) redirect(`/espace/${slug}/gouvernance/${id}`);
  const can = groupAbilities(principal, ref);
  const members = await membersOf(db, territory.id, id);
  const balance = balanceOfMembers(members);
  const suggestions = can.manage ? await inviteSuggestions(db, territory.id, id, balance.missing) : [];
  const proposals = await listProposals(db, territory.id, id);
  const open = proposals.filter((p) => p.status === "ouverte").length;
  const [people, structures] = can.manage ? [await territoryPeople(db, territory.id), await actorChoicesIn(db, territory.id)] : [[], []];
  const noticeKey = Object.keys(notices).find((k) => (k.includes("=") ? sp[k.split("=")[0] as string] === k.split("=")[1] : sp[k] !== undefined));
  const base = `/espace/${territory.slug}/groupes/${group.id}`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Groupes de travail", href: `/espace/${territory.slug}/groupes` }} current={crumbLabel(group.name)} />
      <ActionErrorNotice code={sp.erreur} />
      {noticeKey ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[noticeKey]}</p>
        </div>
      ) : null}
      <h2>{group.name}</h2>
      <p>
        <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{kindLabels[group.kind]}</span>
      </p>
      {group.purpose ? <p style={{ whiteSpace: "pre-line" }}>{group.purpose}</p> : null}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-chat-3-line" href={`${base}/propositions`} prefetch={false}>
            Propositions du groupe ({open} ouverte{open > 1 ? "s" : ""})
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-calendar-line" href={`${base}/reunions`} prefetch={false}>
            Réunions du groupe
          </Link>
        </li>
      </ul>

      <MembersSection
        territorySlug={territory.slug}
        ownerField="group"
        ownerId={group.id}
        here={here}
        members={members}
        roles={groupRoles}
        withWorlds
        manage={can.manage}
        people={people}
        structures={structures}
        words={{ caption: "Personnes du groupe, leur structure et leur rôle", of: "du groupe", addHeading: "Ajouter une personne", addSubmit: "Ajouter au groupe", structureLabel: "Sa structure (donne ses mondes)", roleLegend: "Rôle dans le groupe" }}
        actions={{ changeRole: changeRoleAction, remove: removeMemberAction, add: addMemberAction }}
      />

      <section aria-labelledby="equilibre-titre" className="fr-mt-6w" id="equilibre">
        <h3 id="equilibre-titre">Équilibre des mondes</h3>
        <BalanceView balance={balance} />
        {can.manage && balance.missing.length ? (
          <>
            <h4>Inviter des acteurs des mondes absents</h4>
            {suggestions.length === 0 ? (
              <p>Aucune structure cartographiée sur le territoire ne vient des mondes absents. Ajoutez-en dans « Acteurs » pour pouvoir les inviter.</p>
            ) : (
              <>
                <p className="fr-text--sm">
                  Un clic enregistre l&apos;invitation (la structure devient invitée du groupe). Si la structure publie une adresse de contact, un seul
                  courriel lui est envoyé, au nom de la personne qui invite ; les contacts privés ne sont jamais écrits depuis ici.
                </p>
                <ul className="fr-raw-list">
                  {inviteEntries(suggestions).map((a) => (
                    <li key={a.id} className="fr-mb-1w">
                      <form action={inviteActorAction}>
                        <Hidden name="territory" value={territory.slug} />
                        <Hidden name="group" value={group.id} />
                        <Hidden name="actor" value={a.id} />
                        <Hidden name="back" value={here} />
                        <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary fr-mr-1w">
                          Inviter {a.name}
                        </button>
                        <span className="fr-text--sm">
                          {a.brings.length > 1 ? "mondes" : "monde"} {a.brings.map((w) => worldLabels[w].toLowerCase()).join(", ")} ;{" "}
                          {a.hasPublicEmail ? "courriel à son adresse publique" : "pas d'adresse publique : à prévenir vous-même"}
                        </span>
                      </form>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : null}
      </section>

      {can.manage ? (
        <section aria-labelledby="modifier-titre" className="fr-mt-6w">
          <h3 id="modifier-titre">Modifier le groupe</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={updateGroupAction} submitLabel="Enregistrer">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="group" value={group.id} />
                <GroupFields defaults={{ name: group.name, kind: group.kind, purpose: group.purpose }} />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
      {can.delete ? (
        <section aria-labelledby="supprimer-titre" className="fr-mt-6w">
          <h3 id="supprimer-titre">Supprimer le groupe</h3>
          <ActionForm action={deleteGroupAction} submitLabel="Supprimer le groupe">
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="group" value={group.id} />
            <p>Ses membres et ses propositions sont supprimés avec lui ; les actions du plan nées de ses propositions restent. La suppression est inscrite au journal.</p>
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}
