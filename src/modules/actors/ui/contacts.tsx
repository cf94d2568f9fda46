import { ActionForm, Field, Hidden } from "@/ui/form";
import { formatPhone } from "@/platform/text";
import { addContactAction, removeContactAction } from "@/modules/actors/actions";
import type { actorContacts } from "../schema";
import { Table } from "@/ui/table";

type Contact = typeof actorContacts.$inferSelect;

/** Private contacts: the page renders this for members of the territory only (actorPolicy.viewPrivateContacts). */
export function ContactsSection({ slug, actorId, contacts, canManage }: { slug: string; actorId: string; contacts: Contact[]; canManage: boolean }) {
  return (
    <section aria-labelledby="contacts-titre" className="fr-mt-6w">
      <h2 id="contacts-titre">Contacts</h2>
      <p className="fr-text--sm">Réservés aux membres du territoire : ils ne figurent ni sur les pages publiques ni dans les exports.</p>
      {contacts.length === 0 ? (
        <p>Aucun contact enregistré.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>Contacts de la structure</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Fonction</th>
                <th scope="col">Courriel</th>
                <th scope="col">Téléphone</th>
                {canManage ? <th scope="col">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.role}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}</td>
                  <td>{c.phone ? formatPhone(c.phone) : null}</td>
                  {canManage ? (
                    <td>
                      <form action={removeContactAction}>
                        <input type="hidden" name="territory" value={slug} />
                        <input type="hidden" name="actor" value={actorId} />
                        <input type="hidden" name="contact" value={c.id} />
                        <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                          Retirer {c.name}
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
      {canManage ? (
        <>
          <h3 className="fr-h6">Ajouter un contact</h3>
          <ActionForm action={addContactAction} submitLabel="Ajouter le contact">
            <Hidden name="territory" value={slug} />
            <Hidden name="actor" value={actorId} />
            <Field name="name" label="Nom du contact" required maxLength={120} />
            <Field name="role" label="Fonction (facultatif)" maxLength={120} />
            <Field name="email" label="Courriel du contact (facultatif)" type="email" maxLength={200} />
            <Field name="phone" label="Téléphone du contact (facultatif)" maxLength={25} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
