import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { countOf, formatDate, formatPhone, telHref } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { actorChoicesIn, groupKindLabels } from "@/modules/groups";
import { governancePolicy } from "@/modules/governance/policy";
import { contactsOf, listBodies } from "@/modules/governance/queries";
import { rhythmLabels } from "@/modules/governance/validation";
import { addContactAction, createBodyAction, removeContactAction } from "@/modules/governance/actions";
import { BodyFields } from "@/modules/governance/ui/body-fields";
import { ActionErrorNotice } from "@/ui/action-error";
import { ActionForm, Field, Hidden, SelectField } from "@/ui/form";

export const metadata: Metadata = { title: "Gouvernance" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  ajoute: "Le contact est ajouté ; il apparaît sur la page publique du territoire.",
  retire: "Le contact est retiré de la page publique du territoire.",
};

/** The territory's governance: its bodies (comité de pilotage, comité technique…) and the coordination's public contacts. */
export default async function GovernancePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/gouvernance`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  if (!governancePolicy.view(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const now = new Date();
  const [bodies, contacts] = [await listBodies(db, territory.id, now), await contactsOf(db, territory.id)];
  const canCreate = governancePolicy.create(principal, territory);
  const canContacts = governancePolicy.manageContacts(principal, territory);
  const structures = canContacts ? await actorChoicesIn(db, territory.id) : [];
  const base = `/espace/${territory.slug}`;
  const notice = sp.contact ? notices[sp.contact] : sp.supprimee ? `L'instance « ${sp.supprimee} » est supprimée, avec sa liste de membres.` : undefined;
  return (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <h2>Gouvernance</h2>
      <p>
        Les instances qui pilotent la démarche : comité de pilotage, comité technique, coordination. Chacune a ses membres et leurs rôles, un
        rythme de réunions, ses réunions et ses décisions, suivies dans le <Link href={`${base}/decisions`}>journal des décisions</Link>.
      </p>

      <section aria-labelledby="instances-titre" className="fr-mt-4w">
        <h3 id="instances-titre">Instances</h3>
        {bodies.length === 0 ? <p>Aucune instance pour l&apos;instant : commencez par le comité de pilotage.</p> : null}
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {bodies.map((b) => (
            <li key={b.id} className="fr-col-12 fr-col-md-6">
              <div className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h4 className="fr-card__title">
                      <Link href={`${base}/gouvernance/${b.id}`} prefetch={false}>
                        {b.name}
                      </Link>
                    </h4>
                    <p className="fr-card__desc">{b.purpose || "Pas encore de rôle écrit."}</p>
                    <div className="fr-card__start">
                      <p className="fr-card__detail">
                        {groupKindLabels[b.kind]} · {b.rhythm ? rhythmLabels[b.rhythm] : "Rythme non précisé"}
                      </p>
                    </div>
                    <div className="fr-card__end">
                      <p className="fr-card__detail">
                        {countOf(b.members, "membre", "membres")} · {b.nextMeeting ? `prochaine réunion le ${formatDate(b.nextMeeting)}` : b.lastMeeting ? `dernière réunion le ${formatDate(b.lastMeeting)}` : "jamais réunie"}
                      </p>
                      {b.behind ? <p className="fr-badge fr-badge--sm fr-badge--warning fr-mt-1w">Ne s&apos;est pas réunie à son rythme</p> : null}
                    </div>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      {canCreate ? (
        <section aria-labelledby="nouvelle-instance" className="fr-mt-6w" id="nouvelle-instance-section">
          <h3 id="nouvelle-instance">Créer une instance</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createBodyAction} submitLabel="Créer l'instance">
                <Hidden name="territory" value={territory.slug} />
                <BodyFields />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="coordination-titre" className="fr-mt-6w" id="coordination">
        <h3 id="coordination-titre">Contacts de la coordination</h3>
        <p>
          Les personnes que les habitants et les partenaires peuvent joindre. Ces contacts sont publiés sur la{" "}
          <Link href={`/territoires/${territory.slug}`}>page publique du territoire</Link> : n&apos;y écrivez que ce que chacun accepte de voir publié
          (de préférence une adresse de fonction).
        </p>
        {contacts.length === 0 ? <p>Aucun contact publié.</p> : (
          <ul className="fr-raw-list">
            {contacts.map((c) => (
              <li key={c.id} className="fr-mb-2w">
                <p className="fr-mb-0">
                  <strong>{c.name}</strong>
                  {c.role ? `, ${c.role}` : ""}
                  {c.structure ? ` — ${c.structure}` : ""}
                </p>
                <p className="fr-mb-1w fr-text--sm">
                  {c.publicEmail ? <a href={`mailto:${c.publicEmail}`}>{c.publicEmail}</a> : null}
                  {c.publicEmail && c.publicPhone ? " · " : ""}
                  {c.publicPhone ? <a href={telHref(c.publicPhone)}>{formatPhone(c.publicPhone)}</a> : null}
                </p>
                {canContacts ? (
                  <form action={removeContactAction}>
                    <input type="hidden" name="territory" value={territory.slug} />
                    <input type="hidden" name="contact" value={c.id} />
                    <input type="hidden" name="back" value={here} />
                    <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                      Retirer<span className="fr-sr-only"> le contact {c.name}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canContacts ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>Publier un contact</h4>
              <ActionForm action={addContactAction} submitLabel="Publier le contact">
                <Hidden name="territory" value={territory.slug} />
                <Field name="name" label="Nom" required maxLength={150} />
                <Field name="role" label="Rôle (facultatif)" maxLength={150} hint="Par exemple : coordinatrice de la démarche" />
                <SelectField name="actorId" label="Structure (facultatif)" options={[{ value: "", label: "— Aucune structure de la liste —" }, ...structures.map((s) => ({ value: s.id, label: s.name }))]} />
                <Field name="structure" label="Ou le nom de la structure, si elle n'est pas dans la liste" maxLength={200} />
                <Field name="publicEmail" label="Adresse électronique publique" type="email" autoComplete="off" maxLength={254} hint="Au moins une adresse ou un téléphone." />
                <Field name="publicPhone" label="Téléphone public" maxLength={30} hint="Par exemple : 05 45 00 00 00" />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>
    </>
  );
}
