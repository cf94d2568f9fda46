import { worldLabels, type World } from "@/modules/actors";
import type { ActionState } from "@/platform/web/action";
import { FilterSelect } from "@/ui/filter-select";
import { ActionForm, Field, Hidden, RadioGroup, SelectField } from "@/ui/form";
import { Table } from "@/ui/table";
import type { GroupMemberItem } from "../queries";
import type { GroupRole } from "../schema";
import { roleLabels } from "../validation";

/** The words that differ between a working group and a governance body. */
export type MembersWords = {
  /** The table's caption. */
  caption: string;
  /** « du groupe », « de l'instance »: said to screen readers after « Retirer <name> ». */
  of: string;
  addHeading: string;
  addSubmit: string;
  structureLabel: string;
  roleLegend: string;
};

/**
 * The members of a group or of a governance body (a body is a group, decision 025): the table (name, structure,
 * worlds where they count, role), each row's « Changer le rôle » and « Retirer » forms (plain forms: they work
 * without JavaScript and come back to `here`), and the add form. The server actions are the caller's, since a body's
 * return to the body's page; they read the owner's id from the hidden field `ownerField`.
 */
export function MembersSection(props: {
  territorySlug: string;
  ownerField: "group" | "body";
  ownerId: string;
  here: string;
  members: readonly GroupMemberItem[];
  /** The roles offered, in order (a member's current role is kept among them). */
  roles: readonly GroupRole[];
  withWorlds: boolean;
  manage: boolean;
  people: readonly { userId: string; name: string; email: string }[];
  structures: readonly { id: string; name: string }[];
  words: MembersWords;
  actions: { changeRole: (form: FormData) => Promise<void>; remove: (form: FormData) => Promise<void>; add: (state: ActionState, form: FormData) => Promise<ActionState> };
}) {
  const { territorySlug, ownerField, ownerId, here, members, manage, words } = props;
  const owner = (
    <>
      <Hidden name="territory" value={territorySlug} />
      <Hidden name={ownerField} value={ownerId} />
    </>
  );
  return (
    <section aria-labelledby="membres-titre" className="fr-mt-4w" id="membres">
      <h3 id="membres-titre">Membres ({members.length})</h3>
      {members.length === 0 ? (
        <p>Personne pour l&apos;instant.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Structure</th>
                {props.withWorlds ? <th scope="col">Mondes</th> : null}
                <th scope="col">Rôle</th>
                {manage ? <th scope="col">Gérer</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.userId ? null : <span className="fr-hint-text">{m.email ? `Sans compte · ${m.email}` : "Sans compte"}</span>}
                  </th>
                  <td>{m.actorName ?? "—"}</td>
                  {props.withWorlds ? <td>{m.worlds.length ? m.worlds.map((w) => worldLabels[w as World] ?? w).join(", ") : "—"}</td> : null}
                  <td>{roleLabels[m.role]}</td>
                  {manage ? (
                    <td>
                      <form action={props.actions.changeRole} className="fr-mb-1w">
                        {owner}
                        <Hidden name="member" value={m.id} />
                        <Hidden name="back" value={here} />
                        <FilterSelect className="fr-mb-1w" id={`role-${m.id}`} name="role" label={`Rôle de ${m.name}`} value={m.role} empty={null} options={[...new Set([...props.roles, m.role])].map((r) => ({ value: r, label: roleLabels[r] }))} />
                        <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                          Changer le rôle<span className="fr-sr-only"> de {m.name}</span>
                        </button>
                      </form>
                      <form action={props.actions.remove}>
                        {owner}
                        <Hidden name="member" value={m.id} />
                        <Hidden name="back" value={here} />
                        <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                          Retirer<span className="fr-sr-only"> {m.name} {words.of}</span>
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {manage ? (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-lg-8">
            <h4>{words.addHeading}</h4>
            <ActionForm action={props.actions.add} submitLabel={words.addSubmit}>
              {owner}
              <SelectField name="userId" label="Une personne qui a un compte sur le territoire" options={[{ value: "", label: "— Une personne sans compte (nom et adresse ci-dessous) —" }, ...props.people.map((p) => ({ value: p.userId, label: `${p.name} (${p.email})` }))]} />
              <Field name="name" label="Ou son nom, si elle n'a pas de compte" maxLength={150} />
              <Field name="email" label="Son adresse électronique (facultatif)" type="email" autoComplete="off" hint="Elle sert à la prévenir des réunions ; elle n'est visible que des membres du territoire." />
              <SelectField name="actorId" label={words.structureLabel} options={[{ value: "", label: "— Aucune structure —" }, ...props.structures.map((s) => ({ value: s.id, label: s.name }))]} />
              <RadioGroup name="role" legend={words.roleLegend} inline defaultValue="membre" options={props.roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
            </ActionForm>
          </div>
        </div>
      ) : null}
    </section>
  );
}
