import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { renderMarkdown } from "@/platform/markdown";
import { formatDate, formatDateTime } from "@/platform/text";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { worldLabels } from "@/modules/actors";
import { planAbilities } from "@/modules/plan";
import { ActionForm, CheckboxGroup, Field, Hidden, RadioGroup } from "@/ui/form";
import { Table } from "@/ui/table";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionErrorNotice } from "@/ui/action-error";
import { meetingAbilities } from "@/modules/meetings/policy";
import { actionChoices, attendanceByWorld, decisionsOf, findMeeting, findingsOfMeeting, groupBody, objectiveChoices, participantsOf } from "@/modules/meetings/queries";
import { parisWallClock } from "@/modules/meetings/time";
import {
  actionFromDecisionAction,
  approveMinutesAction,
  attendanceAction,
  findingFromMinutesAction,
  recordDecisionAction,
  reopenMinutesAction,
  respondAction,
  saveMinutesAction,
  updateMeetingAction,
  cancelMeetingAction,
} from "@/modules/meetings/actions";
import { bodyWords, meetingWhen, modeLabels, roleLabels, votesText, worldsText } from "@/modules/meetings/ui/labels";

export const metadata: Metadata = { title: "Réunion" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  creee: "La réunion est prévue ; les personnes invitées la voient dans leurs réunions.",
  "compte-rendu": "Le compte rendu est enregistré ; il attend l'approbation.",
  approuve: "Le compte rendu est approuvé : il ne change plus.",
  rouvert: "Le compte rendu est rouvert : il pourra être modifié, puis devra être approuvé de nouveau.",
  decision: "La décision est enregistrée.",
  constat: "Le constat est ajouté aux constats du diagnostic.",
  inchangee: "Rien n'a changé : la réunion reste telle quelle.",
};

/** « La réunion est modifiée » / « annulée », saying how many invited people are told (by the job queue). */
function changeNotice(kind: "modifiee" | "annulee", told: string): string {
  const n = Number.parseInt(told, 10) || 0;
  const done = kind === "annulee" ? "La réunion est annulée." : "La réunion est modifiée.";
  if (n === 0) return kind === "annulee" ? `${done} Elle reste dans la liste, marquée « annulée ».` : `${done} Seul l'ordre du jour a changé, ou la réunion est passée : personne n'est prévenu par courriel.`;
  return `${done} ${n > 1 ? `Les ${n} personnes invitées sont prévenues` : "La personne invitée est prévenue"} par courriel (envoi en cours).`;
}

function Wrapped({ children }: { children: React.ReactNode }) {
  return (
    <div className="fr-table fr-mb-3w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">{children}</div>
        </div>
      </div>
    </div>
  );
}

/** One meeting: agenda, invited members and their answers, attendance by world, minutes, decisions, findings. */
export default async function MeetingPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/reunions/${id}`);
  const { db } = await getRuntime();
  const meeting = await findMeeting(db, territory.id, id);
  if (!meeting?.groupId) notFound();
  const found = await groupBody(db, territory, meeting.groupId);
  if (!found) notFound();
  const can = meetingAbilities(principal, found.body);
  if (!can.view) forbidden();
  const mayDraftActions = planAbilities(principal, territory).draft;
  const [participants, decisions, meetingFindings, objectives, actions] = [
    await participantsOf(db, meeting.id),
    await decisionsOf(db, territory.id, { meetingId: meeting.id }),
    await findingsOfMeeting(db, territory.id, meeting.id),
    can.decide ? await objectiveChoices(db, territory.id) : [],
    can.decide ? await actionChoices(db, territory.id) : [],
  ];
  const mine = principal.kind === "user" ? participants.find((p) => p.userId === principal.userId) : undefined;
  const attendance = attendanceByWorld(participants);
  const base = `/espace/${territory.slug}`;
  const changed = typeof sp.modifiee === "string" ? changeNotice("modifiee", sp.modifiee) : typeof sp.annulee === "string" ? changeNotice("annulee", sp.annulee) : undefined;
  const words = bodyWords(territory.slug, found.group);
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  const cancelled = Boolean(meeting.cancelledAt);
  const wall = { start: parisWallClock(meeting.startsAt), end: parisWallClock(meeting.endsAt) };
  const createdAction = typeof sp.action === "string" ? sp.action : undefined;
  const approved = Boolean(meeting.minutesApprovedAt);
  const hidden = (
    <>
      <Hidden name="territory" value={territory.slug} />
      <Hidden name="meeting" value={meeting.id} />
    </>
  );
  return (
    <>
      <WorkspaceBreadcrumb
        territory={territory}
        module={{ label: words.section, href: words.sectionHref }}
        segments={[
          { label: found.group.name, href: words.href },
          { label: "Réunions", href: `${base}/groupes/${found.group.id}/reunions` },
        ]}
        current={crumbLabel(meeting.title)}
      />
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      {changed ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{changed}</p>
        </div>
      ) : null}
      {createdAction ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            L&apos;action est créée dans le plan, au statut « idée », liée à la décision :{" "}
            <Link href={`${base}/plan/actions/${createdAction}`}>ouvrir la fiche de l&apos;action</Link>.
          </p>
        </div>
      ) : null}
      <h2>
        {meeting.title}
        {cancelled ? (
          <>
            {" "}
            <span className="fr-badge fr-badge--warning">annulée</span>
          </>
        ) : null}
      </h2>
      {cancelled ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w" data-testid="annulation">
          <h3 className="fr-alert__title">Réunion annulée</h3>
          <p>
            Annulée le {formatDate(meeting.cancelledAt as Date)}
            {meeting.cancelledBy ? ` par ${meeting.cancelledBy}` : ""}. Raison : {meeting.cancelReason}
          </p>
        </div>
      ) : null}
      <p className="fr-mb-1w">
        <strong>{words.label} :</strong> <Link href={`${base}/groupes/${found.group.id}/reunions`}>{found.group.name}</Link>
      </p>
      <p className="fr-mb-1w">
        <strong>Quand :</strong> {meetingWhen(meeting.startsAt, meeting.endsAt)} (heure de Paris)
      </p>
      {meeting.place ? (
        <p className="fr-mb-1w">
          <strong>Lieu :</strong> {meeting.place}
        </p>
      ) : null}
      {meeting.videoUrl ? (
        <p className="fr-mb-1w">
          <strong>Visioconférence :</strong>{" "}
          <a href={meeting.videoUrl} rel="noopener noreferrer nofollow">
            {meeting.videoUrl}
          </a>
        </p>
      ) : null}
      <p>
        <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${base}/reunions/${meeting.id}/reunion.ics`} download>
          Ajouter à mon agenda (.ics)
        </a>
      </p>

      <h3>Ordre du jour</h3>
      {meeting.agenda ? <div className="fr-mb-3w" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.agenda) }} /> : <p>Pas d&apos;ordre du jour.</p>}

      {can.respond && mine && !cancelled ? (
        <section aria-labelledby="reponse-titre" className="fr-mb-4w">
          <h3 id="reponse-titre">Votre réponse</h3>
          <p data-testid="ma-reponse">{mine.response === "oui" ? "Vous avez dit que vous venez." : mine.response === "non" ? "Vous avez dit que vous ne venez pas." : "Vous n'avez pas encore répondu."}</p>
          <div className="fr-btns-group fr-btns-group--inline-md">
            <form action={respondAction}>
              <input type="hidden" name="territory" value={territory.slug} />
              <input type="hidden" name="meeting" value={meeting.id} />
              <input type="hidden" name="response" value="oui" />
              <button type="submit" className="fr-btn">Je viens</button>
            </form>
            <form action={respondAction}>
              <input type="hidden" name="territory" value={territory.slug} />
              <input type="hidden" name="meeting" value={meeting.id} />
              <input type="hidden" name="response" value="non" />
              <button type="submit" className="fr-btn fr-btn--secondary">Je ne viens pas</button>
            </form>
          </div>
        </section>
      ) : null}

      <h3>Personnes invitées</h3>
      {participants.length ? (
        <Wrapped>
          <Table>
            <caption>Personnes invitées, leur réponse et leur présence</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Rôle</th>
                <th scope="col">Structure</th>
                <th scope="col">Mondes</th>
                <th scope="col">Réponse</th>
                <th scope="col">Présence</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{roleLabels[p.role]}</td>
                  <td>{p.actorName ?? "—"}</td>
                  <td>{worldsText(p.worlds)}</td>
                  <td>{p.response === "oui" ? "Vient" : p.response === "non" ? "Ne vient pas" : "Pas de réponse"}</td>
                  <td>{p.attended ? "Présent·e" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Wrapped>
      ) : (
        <p>Personne n&apos;est invité.</p>
      )}

      {can.organise && participants.length ? (
        <section aria-labelledby="presences-titre" className="fr-mb-4w">
          <h4 id="presences-titre">Noter les présences</h4>
          <ActionForm action={attendanceAction} submitLabel="Enregistrer les présences">
            {hidden}
            <CheckboxGroup name="present" legend="Personnes présentes" options={participants.map((p) => ({ value: p.id, label: p.name }))} defaultValues={participants.filter((p) => p.attended).map((p) => p.id)} />
          </ActionForm>
        </section>
      ) : null}

      <h3>Présence par monde</h3>
      {attendance.attended ? (
        <>
          <p>
            {attendance.attended} personne{attendance.attended > 1 ? "s" : ""} présente{attendance.attended > 1 ? "s" : ""}
            {attendance.withoutActor ? `, dont ${attendance.withoutActor} sans structure rattachée` : ""}. Une structure peut appartenir à plusieurs mondes.
          </p>
          <Wrapped>
            <Table>
              <caption>Présence par monde</caption>
              <thead>
                <tr>
                  <th scope="col">Monde</th>
                  <th scope="col">Personnes présentes</th>
                  <th scope="col">Part des présents</th>
                </tr>
              </thead>
              <tbody>
                {attendance.byWorld.map((w) => (
                  <tr key={w.world}>
                    <th scope="row">{worldLabels[w.world]}</th>
                    <td>{w.present}</td>
                    <td>{Math.round(w.share * 100)} %</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Wrapped>
        </>
      ) : (
        <p>Les présences ne sont pas encore notées.</p>
      )}

      <section aria-labelledby="compte-rendu-titre" id="compte-rendu" tabIndex={-1} className="fr-mt-4w">
        <h3 id="compte-rendu-titre">Compte rendu</h3>
        {meeting.minutes ? (
          <>
            <p className="fr-badge-group">
              {approved ? (
                <span className="fr-badge fr-badge--success">Approuvé le {meeting.minutesApprovedAt ? formatDate(meeting.minutesApprovedAt) : ""}</span>
              ) : (
                <span className="fr-badge fr-badge--warning">À approuver</span>
              )}
            </p>
            <p className="fr-text--sm">
              Rédigé par {meeting.minutesBy}
              {meeting.minutesUpdatedAt ? `, dernière modification le ${formatDateTime(meeting.minutesUpdatedAt)}` : ""}
              {approved ? ` ; approuvé par ${meeting.minutesApprovedBy}` : ""}.
            </p>
            <div className="fr-mb-3w" data-testid="compte-rendu" dangerouslySetInnerHTML={{ __html: renderMarkdown(meeting.minutes) }} />
          </>
        ) : (
          <p>Pas encore de compte rendu.</p>
        )}
        {can.approveMinutes && meeting.minutes && !approved ? (
          <form action={approveMinutesAction} className="fr-mb-3w">
            <input type="hidden" name="territory" value={territory.slug} />
            <input type="hidden" name="meeting" value={meeting.id} />
            <button type="submit" className="fr-btn">Approuver le compte rendu</button>
          </form>
        ) : null}
        {can.approveMinutes && approved ? (
          <form action={reopenMinutesAction} className="fr-mb-3w">
            <input type="hidden" name="territory" value={territory.slug} />
            <input type="hidden" name="meeting" value={meeting.id} />
            <button type="submit" className="fr-btn fr-btn--secondary">Rouvrir le compte rendu pour le modifier</button>
          </form>
        ) : null}
        {can.draftMinutes && !approved ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={saveMinutesAction} submitLabel={meeting.minutes ? "Enregistrer le compte rendu" : "Rédiger le compte rendu"}>
                {hidden}
                <Field name="minutes" label="Compte rendu" hint="En Markdown : **gras**, listes avec « - », liens [texte](https://…). Les scripts et contenus intégrés sont retirés." textarea rows={10} defaultValue={meeting.minutes} />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="decisions-titre" id="decisions" tabIndex={-1} className="fr-mt-4w">
        <h3 id="decisions-titre">Décisions</h3>
        {decisions.length ? (
          <ul>
            {decisions.map((d) => (
              <li key={d.id} className="fr-mb-2w" data-testid="decision">
                <p className="fr-mb-1w">
                  <strong>{d.text}</strong>
                </p>
                <p className="fr-text--sm fr-mb-1w">
                  {formatDate(d.decidedOn)} — {votesText(d)}
                  {d.followUpBy ? ` — suivi : ${d.followUpBy}` : ""}
                  {d.dueOn ? `, échéance le ${formatDate(d.dueOn)}` : ""}
                </p>
                {d.objectives.length ? <p className="fr-text--sm fr-mb-1w">Objectifs : {d.objectives.map((o) => o.title).join(" ; ")}</p> : null}
                {d.actions.length ? (
                  <p className="fr-text--sm fr-mb-1w">
                    Actions :{" "}
                    {d.actions.map((a, i) => (
                      <span key={a.id}>
                        {i ? " ; " : ""}
                        <Link href={`${base}/plan/actions/${a.id}`}>{a.title}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
                {can.decide && mayDraftActions ? (
                  <form action={actionFromDecisionAction}>
                    <input type="hidden" name="territory" value={territory.slug} />
                    <input type="hidden" name="meeting" value={meeting.id} />
                    <input type="hidden" name="decision" value={d.id} />
                    <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                      Créer une action à partir de cette décision
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucune décision enregistrée pour cette réunion.</p>
        )}
        {can.decide ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>Enregistrer une décision</h4>
              <ActionForm action={recordDecisionAction} submitLabel="Enregistrer la décision">
                {hidden}
                <Field name="text" label="Décision" textarea rows={3} required maxLength={2000} />
                <Field name="decidedOn" label="Date de la décision" type="date" required defaultValue={parisWallClock(meeting.startsAt).date} />
                <RadioGroup name="mode" legend="Mode de décision" options={Object.entries(modeLabels).map(([value, label]) => ({ value, label }))} defaultValue="consensus" inline />
                <Field name="votesFor" label="Voix pour (en cas de vote)" inputMode="numeric" />
                <Field name="votesAgainst" label="Voix contre (en cas de vote)" inputMode="numeric" />
                <Field name="votesAbstention" label="Abstentions (en cas de vote)" inputMode="numeric" />
                <Field name="followUpBy" label="Personne qui suit la décision" maxLength={200} />
                <Field name="dueOn" label="Échéance du suivi (facultatif)" type="date" />
                {objectives.length ? <CheckboxGroup name="objectives" legend="Objectifs de la stratégie concernés" options={objectives.map((o) => ({ value: o.id, label: o.title }))} /> : null}
                {actions.length ? <CheckboxGroup name="actions" legend="Actions du plan concernées" options={actions.map((a) => ({ value: a.id, label: a.title }))} /> : null}
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="constats-titre" id="constats" tabIndex={-1} className="fr-mt-4w">
        <h3 id="constats-titre">Constats tirés de la réunion</h3>
        {meetingFindings.length ? (
          <ul>
            {meetingFindings.map((f) => (
              <li key={f.id}>
                {f.kind === "strength" ? "Atout" : "Questionnement"} : {f.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>Aucun constat tiré de cette réunion.</p>
        )}
        {can.organise ? (
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h4>En faire un constat</h4>
              <p className="fr-text--sm">Un atout ou un questionnement relevé dans le compte rendu rejoint les constats du diagnostic, avec la réunion pour provenance.</p>
              <ActionForm action={findingFromMinutesAction} submitLabel="En faire un constat">
                {hidden}
                <RadioGroup
                  name="kind"
                  legend="Nature du constat"
                  options={[
                    { value: "strength", label: "Atout" },
                    { value: "question", label: "Questionnement" },
                  ]}
                  inline
                />
                <Field name="text" label="Constat" textarea rows={3} maxLength={2000} />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      {(can.edit || can.cancel) && !cancelled && !approved ? (
        <section aria-labelledby="modifier-titre" id="modifier" tabIndex={-1} className="fr-mt-6w">
          <h3 id="modifier-titre">Modifier ou annuler la réunion</h3>
          <p>
            Si l&apos;horaire, le lieu, le lien ou le titre changent, les personnes invitées reçoivent un courriel qui dit ce qui a changé, et le
            rappel de la veille part de nouveau pour le nouvel horaire. Une fois le compte rendu approuvé, la réunion ne change plus.
          </p>
          {can.edit ? (
            <div className="fr-grid-row">
              <div className="fr-col-12 fr-col-lg-8">
                <ActionForm action={updateMeetingAction} submitLabel="Enregistrer la réunion">
                  {hidden}
                  <Field name="title" label="Titre" required maxLength={200} defaultValue={meeting.title} />
                  <Field name="date" label="Jour" type="date" required defaultValue={wall.start.date} />
                  <Field name="start" label="Heure de début" hint="Heure de Paris, au format hh:mm (par exemple 14:30)." required inputMode="numeric" defaultValue={wall.start.time} />
                  <Field name="end" label="Heure de fin" hint="Heure de Paris, au format hh:mm (par exemple 16:00)." required inputMode="numeric" defaultValue={wall.end.time} />
                  <Field name="place" label="Lieu" hint="Adresse ou salle ; laissez vide pour une réunion en visioconférence seulement." maxLength={300} defaultValue={meeting.place} />
                  <Field name="videoUrl" label="Lien de visioconférence (facultatif)" hint="Commence par https://" maxLength={500} defaultValue={meeting.videoUrl ?? ""} />
                  <Field name="agenda" label="Ordre du jour" hint="En Markdown : une ligne par point, « - » pour une liste." textarea rows={5} defaultValue={meeting.agenda} />
                </ActionForm>
              </div>
            </div>
          ) : null}
          {can.cancel ? (
            <div className="fr-grid-row fr-mt-4w">
              <div className="fr-col-12 fr-col-lg-8">
                <h4 id="annuler-titre">Annuler la réunion</h4>
                <ActionForm action={cancelMeetingAction} submitLabel="Annuler la réunion">
                  {hidden}
                  <Field name="reason" label="Raison de l'annulation" hint="Elle reste affichée sur la page de la réunion et part dans le courriel aux personnes invitées." textarea rows={3} maxLength={1000} />
                </ActionForm>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
