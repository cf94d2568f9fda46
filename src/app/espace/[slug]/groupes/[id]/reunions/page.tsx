import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, CheckboxGroup, Field, Hidden } from "@/ui/form";
import { Table } from "@/ui/table";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionErrorNotice } from "@/ui/action-error";
import { readSearchParams } from "@/platform/web/search-params";
import { meetingAbilities } from "@/modules/meetings/policy";
import { groupBody, hasFeed, meetingsOfGroup, membersOf } from "@/modules/meetings/queries";
import { createMeetingAction, revokeFeedAction } from "@/modules/meetings/actions";
import { FeedForm } from "@/modules/meetings/ui/feed-form";
import { bodyWords, meetingWhen, roleLabels } from "@/modules/meetings/ui/labels";

export const metadata: Metadata = { title: "Réunions" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A group's meetings: upcoming and past, a new one, the group's calendar and the person's subscription. */
export default async function GroupMeetingsPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/groupes/${id}/reunions`);
  const { db } = await getRuntime();
  const found = await groupBody(db, territory, id);
  if (!found) notFound();
  const can = meetingAbilities(principal, found.body);
  if (!can.view) forbidden();
  const [list, members, feed] = [await meetingsOfGroup(db, territory.id, id), await membersOf(db, id), principal.kind === "user" ? await hasFeed(db, principal.userId) : undefined];
  const now = new Date();
  const upcoming = list.filter((m) => m.endsAt >= now).reverse();
  const past = list.filter((m) => m.endsAt < now);
  const base = `/espace/${territory.slug}`;
  const words = bodyWords(territory.slug, found.group);
  const table = (rows: typeof list, caption: string) => (
    <div className="fr-table fr-table--no-caption fr-mb-3w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <Table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Réunion</th>
                  <th scope="col">Quand (heure de Paris)</th>
                  <th scope="col">Où</th>
                  <th scope="col">Compte rendu</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link href={`${base}/reunions/${m.id}`}>{m.title}</Link>
                      {m.cancelledAt ? (
                        <>
                          {" "}
                          <span className="fr-badge fr-badge--sm fr-badge--warning">annulée</span>
                        </>
                      ) : null}
                    </td>
                    <td>{meetingWhen(m.startsAt, m.endsAt)}</td>
                    <td>{m.place || (m.videoUrl ? "Visioconférence" : "—")}</td>
                    <td>{m.minutesApprovedAt ? "Approuvé" : m.minutes ? "À approuver" : "Pas encore rédigé"}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </div>
      </div>
    </div>
  );
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: words.section, href: words.sectionHref }} segments={[{ label: found.group.name, href: words.href }]} current="Réunions" />
      <ActionErrorNotice code={sp.erreur} />
      {sp.abonnement === "revoque" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Votre adresse d&apos;abonnement est supprimée : votre agenda ne recevra plus les réunions.</p>
        </div>
      ) : null}
      <h2>
        Réunions {words.of} « {found.group.name} »
      </h2>
      <p>
        <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${base}/groupes/${id}/reunions/calendrier.ics`} download>
          Télécharger le calendrier {words.of} (.ics)
        </a>
      </p>
      <h3>À venir</h3>
      {upcoming.length ? table(upcoming, "Réunions à venir") : <p>Aucune réunion prévue.</p>}
      <h3>Passées</h3>
      {past.length ? table(past, "Réunions passées") : <p>Aucune réunion passée.</p>}

      {can.organise ? (
        <section aria-labelledby="nouvelle-titre" className="fr-mt-4w">
          <h3 id="nouvelle-titre">Prévoir une réunion</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createMeetingAction} submitLabel="Prévoir la réunion">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="group" value={id} />
                <Field name="title" label="Titre" required maxLength={200} />
                <Field name="date" label="Jour" type="date" required />
                <Field name="start" label="Heure de début" hint="Heure de Paris, au format hh:mm (par exemple 14:30)." required inputMode="numeric" />
                <Field name="end" label="Heure de fin" hint="Heure de Paris, au format hh:mm (par exemple 16:00)." required inputMode="numeric" />
                <Field name="place" label="Lieu" hint="Adresse ou salle ; laissez vide pour une réunion en visioconférence seulement." maxLength={300} />
                <Field name="videoUrl" label="Lien de visioconférence (facultatif)" hint="Commence par https://" maxLength={500} />
                <Field name="agenda" label="Ordre du jour" hint="En Markdown : une ligne par point, « - » pour une liste." textarea rows={5} />
                <CheckboxGroup
                  name="invited"
                  legend="Personnes invitées"
                  hint={`Tous les membres ${words.of} sont cochés ; décochez ceux qui ne sont pas concernés.`}
                  options={members.map((m) => ({ value: m.id, label: m.name, hint: [roleLabels[m.role], m.actorName].filter(Boolean).join(" — ") }))}
                  defaultValues={members.map((m) => m.id)}
                />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}

      {principal.kind === "user" ? (
        <section aria-labelledby="abonnement-titre" className="fr-mt-4w" id="abonnement">
          <h3 id="abonnement-titre">Abonner mon agenda à mes réunions</h3>
          <p>
            Une adresse secrète, personnelle, que votre agenda (Thunderbird, Outlook, agenda du téléphone…) consulte régulièrement : il y trouve
            les réunions de tous les groupes et instances dont vous êtes membre, chacune avec le lien vers sa page. Ne la partagez pas ; vous pouvez la
            remplacer ou la supprimer à tout moment.
          </p>
          <p>{feed ? `Vous avez une adresse d'abonnement depuis le ${feed.createdAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}.` : "Vous n'avez pas encore d'adresse d'abonnement."}</p>
          <FeedForm territory={territory.slug} label={feed ? "Remplacer mon adresse d'abonnement" : "Créer mon adresse d'abonnement"} />
          {feed ? (
            <form action={revokeFeedAction} className="fr-mt-2w">
              <input type="hidden" name="territory" value={territory.slug} />
              <input type="hidden" name="group" value={id} />
              <button type="submit" className="fr-btn fr-btn--secondary">
                Supprimer mon adresse d&apos;abonnement
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
