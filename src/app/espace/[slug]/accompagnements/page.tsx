import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { randomUUID } from "node:crypto";
import { parisToday } from "@/platform/dates";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { territoryPage } from "@/modules/territories/web";
import { duplicateLastAction, recordAccompanimentAction, sendQueuedAccompanimentAction } from "@/modules/accompaniments/actions";
import { accompanimentAbilities } from "@/modules/accompaniments/policy";
import { lastRecordOf, recentRecords } from "@/modules/accompaniments/queries";
import { RecordForm } from "@/modules/accompaniments/ui/record-form";
import { RecentRecords, recordSummary } from "@/modules/accompaniments/ui/record-list";
import { formValuesOf, recordFormChoices } from "@/modules/accompaniments/ui/record-props";

export const metadata: Metadata = { title: "Accompagnements" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A mediator records what they did (phase 6): the quick form first, « Dupliquer le dernier », then their recent records. */
export default async function AccompanimentsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/accompagnements`);
  const can = accompanimentAbilities(principal, territory);
  if (!can.record || principal.kind !== "user") forbidden();
  const { db } = await getRuntime();
  const today = parisToday();
  const [{ props, places }, last, recent] = await Promise.all([
    recordFormChoices(db, territory.id, principal.userId, can.viewTerritory),
    lastRecordOf(db, territory.id, principal.userId),
    recentRecords(db, territory.id, can.viewTerritory ? undefined : principal.userId),
  ]);
  const base = `/espace/${territory.slug}/accompagnements`;
  return (
    <>
      <h2>Accompagnements</h2>
      <p>
        Ce que vous avez fait, en quelques secondes : le jour, le lieu, la durée, la thématique. <strong>Aucun nom, aucun contact, aucune donnée personnelle</strong> : on compte, on ne
        désigne personne.
      </p>
      <ActionErrorNotice code={sp.erreur} />
      {one(sp.enregistre) ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{one(sp.duplique) ? "Le dernier accompagnement est dupliqué, daté d'aujourd'hui." : "L'accompagnement est enregistré."}</p>
        </div>
      ) : null}
      {one(sp.modifie) ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>L&apos;accompagnement est modifié.</p>
        </div>
      ) : null}
      {one(sp.supprime) ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>L&apos;accompagnement est supprimé.</p>
        </div>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <Link className="fr-btn fr-btn--secondary fr-icon-upload-line" href={`${base}/import`}>
            Importer un fichier CSV
          </Link>
        </li>
      </ul>
      {places.length === 0 ? (
        <div className="fr-callout">
          <p className="fr-callout__text">
            Vous n&apos;enregistrez des accompagnements que pour les lieux de la structure pour laquelle vous parlez. Demandez à la coordination de vous rattacher à votre structure, depuis la{" "}
            <Link href={`/espace/${territory.slug}/acteurs`}>liste des acteurs</Link>.
          </p>
        </div>
      ) : (
        <>
          {last ? (
            <section className="fr-mb-4w" aria-labelledby="dernier">
              <h3 id="dernier" className="fr-h6">
                Refaire le même accompagnement
              </h3>
              <p className="fr-mb-1w">Dernier enregistré : {recordSummary(last, places)}</p>
              <form action={duplicateLastAction}>
                <input type="hidden" name="territory" value={territory.slug} />
                <input type="hidden" name="clientId" value={randomUUID()} />
                <button type="submit" className="fr-btn fr-btn--secondary fr-icon-file-copy-line fr-btn--icon-left">
                  Dupliquer le dernier (aujourd&apos;hui)
                </button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="saisir">
            <h3 id="saisir">Nouvel accompagnement</h3>
            <RecordForm
              {...props}
              action={recordAccompanimentAction}
              sendQueued={sendQueuedAccompanimentAction}
              territory={territory.slug}
              clientId={randomUUID()}
              submitLabel="Enregistrer"
              defaults={formValuesOf(undefined, today, places[0]?.id ?? "")}
              today={today}
            />
          </section>
        </>
      )}
      <section className="fr-mt-6w" aria-labelledby="recents">
        <h3 id="recents">{can.viewTerritory ? "Derniers accompagnements du territoire" : "Vos derniers accompagnements"}</h3>
        <RecentRecords records={recent} base={base} />
      </section>
    </>
  );
}
