import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { roleDescriptions, roleLabels, roles } from "@/platform/auth/principal";
import { formatDateTime } from "@/platform/text";
import { ActionForm, Hidden, SelectField } from "@/ui/form";
import { listInvitations, listMembers } from "@/modules/territories/queries";
import { InvitationForm } from "@/modules/territories/ui/invitation-form";
import { changeRoleAction, removeMemberAction, revokeInvitationAction } from "@/modules/territories/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Membres et invitations" };

const roleOptions = roles.map((r) => ({ value: r, label: `${roleLabels[r]} — ${roleDescriptions[r]}` }));

export default async function MembersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, abilities } = await territoryPage(slug, "viewMembers", `/espace/${slug}/membres`);
  const { db } = await getRuntime();
  const members = await listMembers(db, territory.id);
  const invitations = abilities.invite ? await listInvitations(db, territory.id) : [];
  const now = new Date();
  return (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {sp.annulee ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
          <p>L&apos;invitation est annulée : son lien ne fonctionne plus.</p>
        </div>
      ) : null}
      <h2>Membres ({members.length})</h2>
      <div className="fr-table">
        <Table>
          <caption>Personnes membres du territoire et leur rôle</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôle</th>
              <th scope="col">Depuis</th>
              {abilities.manageMembers ? <th scope="col">Gérer</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{roleLabels[m.role]}</td>
                <td>{formatDateTime(m.since)}</td>
                {abilities.manageMembers ? (
                  <td>
                    <details>
                      <summary>Modifier</summary>
                      <ActionForm action={changeRoleAction} submitLabel="Changer le rôle">
                        <Hidden name="territory" value={territory.slug} />
                        <Hidden name="user" value={m.userId} />
                        <SelectField name="role" label={`Rôle de ${m.name}`} options={roleOptions} defaultValue={m.role} />
                      </ActionForm>
                      <ActionForm action={removeMemberAction} submitLabel={`Retirer ${m.name} du territoire`}>
                        <Hidden name="territory" value={territory.slug} />
                        <Hidden name="user" value={m.userId} />
                      </ActionForm>
                    </details>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      {abilities.invite ? (
        <>
          <h2 className="fr-mt-6w">Inviter une personne</h2>
          <p>
            Créez un lien d&apos;invitation et transmettez-le par le moyen de votre choix. La personne crée son compte (ou se connecte) en
            suivant le lien et rejoint le territoire avec le rôle choisi.
          </p>
          <InvitationForm territory={territory.slug} roleOptions={roleOptions} />

          <h2 className="fr-mt-6w">Invitations</h2>
          {invitations.length === 0 ? (
            <p>Aucune invitation pour l&apos;instant.</p>
          ) : (
            <div className="fr-table">
              <Table>
                <caption>Invitations créées pour ce territoire</caption>
                <thead>
                  <tr>
                    <th scope="col">Rôle</th>
                    <th scope="col">Note</th>
                    <th scope="col">Créée le</th>
                    <th scope="col">État</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((i) => {
                    const state = i.revokedAt
                      ? "Annulée"
                      : i.acceptedAt
                        ? `Acceptée${i.acceptedByName ? ` par ${i.acceptedByName}` : ""}`
                        : i.expiresAt <= now
                          ? "Expirée"
                          : `En attente (expire le ${formatDateTime(i.expiresAt)})`;
                    const pending = !i.revokedAt && !i.acceptedAt && i.expiresAt > now;
                    return (
                      <tr key={i.id}>
                        <td>{roleLabels[i.role]}</td>
                        <td>{i.label}</td>
                        <td>{formatDateTime(i.createdAt)}</td>
                        <td>{state}</td>
                        <td>
                          {pending ? (
                            <form action={revokeInvitationAction}>
                              <input type="hidden" name="territory" value={territory.slug} />
                              <input type="hidden" name="invitation" value={i.id} />
                              <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                                Annuler l&apos;invitation
                              </button>
                            </form>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
