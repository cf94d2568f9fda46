import Link from "next/link";
import type { ActorUse } from "@/modules/actors";
import { ActionForm, Hidden } from "@/ui/form";
import { deleteActorAction } from "./actions";

/**
 * « Supprimer la structure », without JavaScript: what still uses it first (this territory's uses with a link,
 * the others counted), then the button. The button stays when something uses it: the command refuses with the
 * same list (nothing changes), and a use removed meanwhile in another tab does not need a reload to delete.
 */
export function DeleteActorSection({ slug, actor, uses }: { slug: string; actor: { id: string; name: string }; uses: readonly ActorUse[] }) {
  return (
    <section aria-labelledby="supprimer-titre" className="fr-mt-6w">
      <h2 id="supprimer-titre">Supprimer la structure</h2>
      {uses.length > 0 ? (
        <>
          <p>
            La structure est encore utilisée : elle ne peut pas être supprimée tant qu&apos;elle n&apos;est pas retirée de{" "}
            {uses.length > 1 ? "ces éléments" : "cet élément"}.
          </p>
          <ul data-testid="utilisations">
            {uses.map((u) => (
              <li key={`${u.label}-${u.path ?? ""}`}>{u.path ? <Link href={`/espace/${slug}/${u.path}`}>{u.label}</Link> : u.label}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Rien ne l&apos;utilise : ni action du plan, ni charte, ni groupe, ni lieu, ni accompagnement. La supprimer la retire du registre partagé pour
          tous les territoires ; ses contacts privés et le suivi écrits par ce territoire sont supprimés avec elle.
        </p>
      )}
      <ActionForm action={deleteActorAction} submitLabel={`Supprimer « ${actor.name} »`}>
        <Hidden name="territory" value={slug} />
        <Hidden name="actor" value={actor.id} />
      </ActionForm>
    </section>
  );
}
