import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { parisToday } from "@/platform/dates";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { actorChoicesIn, groupAbilities, groupKindLabels, groupRefOf, groupRoleLabels, membersOf, territoryPeople, type GroupRole } from "@/modules/groups";
import { decisionsOf, meetingsOfGroup, meetingWhen, votesText } from "@/modules/meetings";
import { governancePolicy } from "@/modules/governance/policy";
import { behindRhythm, findBody } from "@/modules/governance/queries";
import { rhythmLabels } from "@/modules/governance/validation";
import { addBodyMemberAction, changeBodyRoleAction, removeBodyMemberAction, updateBodyAction } from "@/modules/governance/actions";
import { BodyFields } from "@/modules/governance/ui/body-fields";
import { ActionErrorNotice } from "@/ui/action-error";
import { FilterSelect } from "@/ui/filter-select";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionForm, Field, Hidden, RadioGroup, SelectField } from "@/ui/form";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Instance de gouvernance" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The roles of a body's members (a working group's animateur·rice is a body's président·e). */
const bodyRoles: GroupRole[] = ["president", "co_porteur", "membre", "invite"];

const notices: Record<string, string> = {
  cree: "L'instance est créée. Ajoutez ses membres avec leur rôle, puis prévoyez sa première réunion.",
  modifie: "L'instance est modifiée.",
  "membre=ajoute": "La personne est ajoutée à l'instance.",
  "membre=retire": "La personne est retirée de l'instance.",
  "membre=role": "Le rôle est changé.",
};

/** One governance body: its members and their roles, its rhythm, next and past meetings, its decisions. */
export default async function BodyPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const here = `/espace/${slug}/gouvernance/${id}`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", here);
  const { db } = await getRuntime();
  const body = await findBody(db, territory.id, id);
  const ref = body ? await groupRefOf(db, territory, id) : undefined;
  if (!body || !ref) notFound();
  const can = groupAbilities(principal, ref);
  const manage = governancePolicy.manage(principal, ref);
  const now = new Date();
  const [members, list, decisions] = [await membersOf(db, territory.id, id), await meetingsOfGroup(db, territory.id, id), await decisionsOf(db, territory.id, { groupId: id })];
  const [people, structures] = manage ? [await territoryPeople(db, territory.id), await actorChoicesIn(db, territory.id)] : [[], []];
  const upcoming = list.filter((m) => m.endsAt >= now).reverse();
  const past = list.filter((m) => m.endsAt < now);
  const behind = behindRhythm({ rhythm: body.rhythm, createdAt: body.createdAt, lastMeeting: past[0]?.startsAt ?? null, nextMeeting: upcoming[0]?.startsAt ?? null }, now);
  const today = parisToday(now);
  const noticeKey = Object.keys(notices).find((k) => (k.includes("=") ? sp[k.split("=")[0] as string] === k.split("=")[1] : sp[k] !== undefined));
  const base = `/espace/${territory.slug}`;
  const meetingsTable = (rows: typeof list, caption: string) => (
    <div className="fr-table fr-mb-3w">
      <Table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Réunion</th>
            <th scope="col">Quand (heure de Paris)</th>
            <th scope="col">Compte rendu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td>
                <Link href={`${base}/reunions/${m.id}`}>{m.title}</Link>
              </td>
              <td>{meetingWhen(m.startsAt, m.endsAt)}</td>
              <td>{m.minutesApprovedAt ? "Approuvé" : m.minutes ? "À approuver" : "Pas encore rédigé"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Gouvernance", href: `${base}/gouvernance` }} current={crumbLabel(body.name)} />
      <ActionErrorNotice code={sp.erreur} />
      {noticeKey ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[noticeKey]}</p>
        </div>
      ) : null}
      <h2>{body.name}</h2>
      <p>
        <span className="fr-badge fr-badge--sm fr-badge--blue-ecume fr-mr-1w">{groupKindLabels[body.kind]}</span>
        <span className="fr-badge fr-badge--sm">{body.rhythm ? `Rythme : ${rhythmLabels[body.rhythm].toLowerCase()}` : "Rythme non précisé"}</span>
      </p>
      {behind ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
          <p>L&apos;instance ne s&apos;est pas réunie à son rythme, et aucune réunion n&apos;est prévue.</p>
        </div>
      ) : null}
      {body.purpose ? <p style={{ whiteSpace: "pre-line" }}>{body.purpose}</p> : null}

      <section aria-labelledby="membres-titre" className="fr-mt-4w" id="membres">
        <h3 id="membres-titre">Membres ({members.length})</h3>
        {members.length === 0 ? <p>Personne pour l&apos;instant.</p> : (
          <div className="fr-table">
            <Table>
              <caption>Membres de l&apos;instance, leur structure et leur rôle</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Structure</th>
                  <th scope="col">Rôle</th>
                  {can.manage ? <th scope="col">Gérer</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name}
                      {m.userId ? null : <span className="fr-hint-text">Sans compte</span>}
                    </th>
                    <td>{m.actorName ?? "—"}</td>
                    <td>{groupRoleLabels[m.role]}</td>
                    {can.manage ? (
                      <td>
                        <form action={changeBodyRoleAction} className="fr-mb-1w">
                          <Hidden name="territory" value={territory.slug} />
                          <Hidden name="body" value={body.id} />
                          <Hidden name="member" value={m.id} />
                          <Hidden name="back" value={here} />
                          <FilterSelect className="fr-mb-1w" id={`role-${m.id}`} name="role" label={`Rôle de ${m.name}`} value={m.role} empty={null} options={[...new Set([...bodyRoles, m.role])].map((r) => ({ value: r, label: groupRoleLabels[r] }))} />
                          <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                            Changer le rôle<span className="fr-sr-only"> de {m.name}</span>
                          </button>
                        </form>
                        <form action={removeBodyMemberAction}>
                          <Hidden name="territory" value={territory.slug} />
                          <Hidden name="body" value={body.id} />
                          <Hidden name="member" value={m.id} />
                          <Hidden name="back" value={here} />
                          <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                            Retirer<span className="fr-sr-only"> {m.name} de l&apos;instance</span>
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
              <h4>Ajouter un membre</h4>
              <ActionForm action={addBodyMemberAction} submitLabel="Ajouter à l'instance">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="body" value={body.id} />
                <SelectField name="userId" label="Une personne qui a un compte sur le territoire" options={[{ value: "", label: "— Une personne sans compte (nom et adresse ci-dessous) —" }, ...people.map((p) => ({ value: p.userId, label: `${p.name} (${p.email})` }))]} />
                <Field name="name" label="Ou son nom, si elle n'a pas de compte" maxLength={150} />
                <Field name="email" label="Son adresse électronique (facultatif)" type="email" autoComplete="off" hint="Elle sert à la prévenir des réunions ; elle n'est visible que des membres du territoire." />
                <SelectField name="actorId" label="Sa structure" options={[{ value: "", label: "— Aucune structure —" }, ...structures.map((s) => ({ value: s.id, label: s.name }))]} />
                <RadioGroup name="role" legend="Rôle dans l'instance" inline defaultValue="membre" options={bodyRoles.map((r) => ({ value: r, label: groupRoleLabels[r] }))} />
              </ActionForm>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="reunions-titre" className="fr-mt-6w" id="reunions">
        <h3 id="reunions-titre">Réunions</h3>
        <p>
          <Link className="fr-link fr-icon-calendar-line fr-link--icon-left" href={`${base}/groupes/${body.id}/reunions`}>
            Toutes les réunions de l&apos;instance{can.manage ? " (prévoir une réunion, calendrier .ics)" : " (calendrier .ics)"}
          </Link>
        </p>
        <h4>À venir</h4>
        {upcoming.length ? meetingsTable(upcoming, "Prochaines réunions de l'instance") : <p>Aucune réunion prévue.</p>}
        <h4>Passées</h4>
        {past.length ? meetingsTable(past.slice(0, 10), "Dernières réunions de l'instance") : <p>Aucune réunion passée.</p>}
      </section>

      <section aria-labelledby="decisions-titre" className="fr-mt-6w" id="decisions">
        <h3 id="decisions-titre">Décisions ({decisions.length})</h3>
        {decisions.length === 0 ? <p>Aucune décision enregistrée : les décisions se notent sur la page de chaque réunion.</p> : (
          <ul>
            {decisions.slice(0, 10).map((d) => (
              <li key={d.id}>
                {formatDate(d.decidedOn)} — {d.text} ({votesText(d)})
                {d.doneAt ? " — suivi fait" : d.dueOn && d.dueOn < today ? " — suivi en retard" : d.dueOn ? ` — suivi attendu le ${formatDate(d.dueOn)}` : ""}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`${base}/decisions?instance=${body.id}`}>Suivre les décisions de l&apos;instance dans le journal des décisions</Link>
        </p>
      </section>

      {manage ? (
        <section aria-labelledby="modifier-titre" className="fr-mt-6w">
          <h3 id="modifier-titre">Modifier l&apos;instance</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={updateBodyAction} submitLabel="Enregistrer l'instance">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="body" value={body.id} />
                <BodyFields defaults={{ name: body.name, kind: body.kind, rhythm: body.rhythm, purpose: body.purpose }} />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
