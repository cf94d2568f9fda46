import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDateTime } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { actorChoices, findActor, speakerIdsOf } from "@/modules/actors/queries";
import { findPlace } from "@/modules/places/queries";
import { placeAbilities } from "@/modules/places/policy";
import { versionOf } from "@/modules/places/edit/commands";
import { editFields, formValues } from "@/modules/places/edit/form";
import { placeHistory } from "@/modules/places/edit/queries";
import { PlaceEditForm } from "@/modules/places/edit/ui/place-edit-form";
import { updatePlaceAction } from "@/modules/places/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { Table } from "@/ui/table";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { qualityNotes } from "@/modules/places/quality";
import { PlaceQuality } from "@/modules/places/ui/place-quality";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un lieu" };

/** The direct edit of a place, for its actor, coordinators and administrators (the place policy decides). */
export default async function EditPlacePage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/lieux/${id}/modifier`);
  const { db } = await getRuntime();
  const place = await findPlace(db, territory.id, id);
  if (!place) notFound();
  const can = placeAbilities(principal, territory, { actorSpeakerIds: await speakerIdsOf(db, place.actorId) });
  if (!can.edit) forbidden();
  const linked = place.actorId ? await findActor(db, territory.id, place.actorId) : undefined;
  const choices = can.linkActor ? (await actorChoices(db, territory.id)).map((a) => ({ value: a.id, label: a.communeName ? `${a.name} (${a.communeName})` : a.name })) : [];
  const publicHref = `/territoires/${territory.slug}/lieux/${place.id}`;
  const history = await placeHistory(db, principal, territory, place.id);
  const labels = new Map<string, string>([...editFields.map((f) => [f.name, f.label] as const), ["actorId", "Structure"], ["code_insee", "Code INSEE"]]);
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Lieux", href: `/territoires/${territory.slug}/lieux` }} current={place.name} />
      <h2>Modifier « {place.name} »</h2>
      {sp.enregistre === "1" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            Les modifications sont enregistrées et publiées. <Link href={publicHref}>Voir la fiche publique</Link>
          </p>
        </div>
      ) : null}
      {sp.inchange === "1" ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
          <p>Aucun champ n&apos;a changé : rien n&apos;a été enregistré.</p>
        </div>
      ) : null}
      <p>
        {/* The editor is named from the history, which shows an e-mail only to those allowed to read it (decision 006). */}
        Source : {place.source} (identifiant {place.data.id}). Dernière modification le {formatDateTime(place.modifiedAt)}
        {history[0] ? ` par ${history[0].who}` : ""}. <Link href={publicHref}>Fiche publique</Link>
      </p>
      {/* Before the form: a warning here (point outside the commune) is what to correct below; saving is never blocked. */}
      <PlaceQuality notes={qualityNotes(place)} headingLevel={3} />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <PlaceEditForm
            action={updatePlaceAction}
            values={formValues(place.data)}
            hidden={{ territory: territory.slug, place: place.id, version: versionOf(place) }}
            actor={{ canLink: can.linkActor, current: place.actorId ?? "", currentName: linked?.name ?? null, choices }}
          />
        </div>
      </div>
      <section aria-labelledby="historique-titre" className="fr-mt-6w">
        <h2 id="historique-titre">Historique des modifications</h2>
        {history.length === 0 ? (
          <p>Aucune modification depuis l&apos;import (source : {place.source}).</p>
        ) : (
          <div className="fr-table fr-table--sm">
            <Table>
              <caption>Les {history.length} dernières modifications de la fiche</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Par</th>
                  <th scope="col">Champs modifiés</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>{h.who}</td>
                    <td>{h.fields.map((f) => labels.get(f) ?? f).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
