import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { parisToday } from "@/platform/dates";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { actorChoicesIn, groupAbilities, groupKindLabels, groupRefOf, membersOf, territoryPeople, type GroupRole } from "@/modules/groups";
import { decisionsOf, meetingsOfGroup, meetingWhen, votesText } from "@/modules/meetings";
import { governancePolicy } from "@/modules/governance/policy";
import { behindRhythm, findBody } from "@/modules/governance/queries";
import { rhythmLabels } from "@/modules/governance/validation";
import { addBodyMemberAction, changeBodyRoleAction, removeBodyMemberAction, updateBodyAction } from "@/modules/governance/actions";
import { BodyFields } from "@/modules/governance/ui/body-fields";
import { MembersSection } from "@/modules/groups/ui/members-section";
import { ActionErrorNotice } from "@/ui/action-error";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionForm, Hidden } from "@/ui/form";
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

      <MembersSection
        territorySlug={territory.slug}
        ownerField="body"
        ownerId={body.id}
        here={here}
        members={members}
        roles={bodyRoles}
        withWorlds={false}
        manage={manage}
        people={people}
        structures={structures}
        words={{ caption: "Membres de l'instance, leur structure et leur rôle", of: "de l'instance", addHeading: "Ajouter un membre", addSubmit: "Ajouter à l'instance", structureLabel: "Sa structure", roleLegend: "Rôle dans l'instance" }}
        actions={{ changeRole: changeBodyRoleAction, remove: removeBodyMemberAction, add: addBodyMemberAction }}
      />

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
      {governancePolicy.delete(principal, territory) ? (
        <section aria-labelledby="supprimer-titre" className="fr-mt-6w">
          <h3 id="supprimer-titre">Supprimer l&apos;instance</h3>
          <p>
            {list.length > 0
              ? "Une instance qui s'est réunie est gardée avec ses réunions, ses comptes rendus et ses décisions."
              : "Une instance qui ne s'est jamais réunie peut être supprimée avec sa liste de membres."}
          </p>
          <p>
            <Link className="fr-link fr-icon-delete-line fr-link--icon-left" href={`${here}/supprimer`}>
              Supprimer l&apos;instance<span className="fr-sr-only"> « {body.name} »</span>
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
