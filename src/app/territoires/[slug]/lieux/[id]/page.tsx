import type { Metadata } from "next";
import { formatDate, formatPhone, telHref } from "@/platform/text";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { findPlace } from "@/modules/places/queries";
import { shortLabel } from "@/modules/places/filters";
import { statusText, weeklyTable } from "@/modules/places/hours";
import { placePolicy } from "@/modules/places/policy";
import { findActor, speakerIdsOf } from "@/modules/actors/queries";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";
import { List } from "@/modules/places/ui/value-list";
import { Table } from "@/ui/table";
import { qualityNotes } from "@/modules/places/quality";
import { PlaceQuality } from "@/modules/places/ui/place-quality";

type Props = { params: Promise<{ slug: string; id: string }> };

export const metadata: Metadata = { title: "Lieu de médiation numérique" };

/** Everything known about a place, from its record in the national standard. */
export default async function PlacePage({ params }: Props) {
  const { slug, id } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  const place = await findPlace(db, territory.id, id);
  if (!place) notFound();
  const d = place.data;
  const visitor = await getCurrentPrincipal();
  // Only signed-in people can edit: no speaker lookup for the (many) anonymous visitors.
  const canEdit = visitor.kind === "user" && placePolicy.edit(visitor, territory, { actorSpeakerIds: await speakerIdsOf(db, place.actorId) });
  const structure = place.actorId ? await findActor(db, territory.id, place.actorId) : undefined;
  const now = new Date();
  const week = d.horaires ? weeklyTable(d.horaires, now) : null;
  return (
    <>
      <PublicBreadcrumb segments={[...territoryCrumbs(territory), { label: "Lieux", href: `/territoires/${territory.slug}/lieux` }]} current={d.nom} />
      <h1>{d.nom}</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <p className="fr-text--lead">
            {d.adresse}
            {d.complement_adresse ? `, ${d.complement_adresse}` : ""}
            <br />
            {d.code_postal} {d.commune}
          </p>
          {structure ? (
            <p>
              Structure : <Link href={`/territoires/${territory.slug}/acteurs/${structure.id}`}>{structure.name}</Link>
            </p>
          ) : null}
          {d.presentation_resume ? <p>{d.presentation_resume}</p> : null}
          {d.presentation_detail ? <p>{d.presentation_detail}</p> : null}
          <dl>
            <List title="Services" values={d.services} />
            <List title="Publics accueillis en particulier" values={d.publics_specifiquement_adresses} />
            <List title="Accompagnement spécifique" values={d.prise_en_charge_specifique} />
            <List title="Frais" values={d.frais_a_charge?.map(shortLabel)} />
            <List title="Modalités d'accès" values={d.modalites_acces} />
            <List title="Modalités d'accompagnement" values={d.modalites_accompagnement} />
            <List title="Dispositifs et programmes nationaux" values={d.dispositif_programmes_nationaux} />
            <List title="Labels et formations" values={[...(d.formations_labels ?? []), ...(d.autres_formations_labels ? [d.autres_formations_labels] : [])]} />
            <List title="Itinérance" values={d.itinerance} />
          </dl>
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <h2 className="fr-h4">Contact</h2>
          <ul className="fr-raw-list">
            {d.telephone ? <li>Téléphone : <a href={telHref(d.telephone)}>{formatPhone(d.telephone)}</a></li> : null}
            {d.courriels?.map((c) => <li key={c}>Courriel : <a href={`mailto:${c}`}>{c}</a></li>)}
            {d.site_web?.map((w) => <li key={w}><a href={w} rel="noopener noreferrer">Site : {w.replace(/^https?:\/\//, "")}</a></li>)}
            {d.prise_rdv ? <li><a href={d.prise_rdv} rel="noopener noreferrer">Prendre rendez-vous en ligne</a></li> : null}
            {!d.telephone && !d.courriels?.length && !d.site_web?.length ? <li>Aucun contact renseigné.</li> : null}
          </ul>
          <h2 className="fr-h4 fr-mt-3w">Horaires</h2>
          {d.horaires && week ? (
            <>
              <p className="fr-text--bold">{statusText(d.horaires, now)}</p>
              <div className="fr-table fr-table--sm fr-table--no-caption">
                <Table>
                  <caption>Horaires de la semaine</caption>
                  <tbody>
                    {week.days.map((day) => (
                      <tr key={day.date}>
                        <th scope="row">{day.day}</th>
                        <td>{day.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              {week.comments.length ? <p className="fr-text--sm">{week.comments.join(" ; ")}</p> : null}
            </>
          ) : (
            <p>Horaires non renseignés : contactez le lieu avant de vous déplacer.</p>
          )}
          <h2 className="fr-h4 fr-mt-3w">Provenance</h2>
          <p className="fr-text--sm">
            Source : {place.source} (identifiant {d.id}) ; mise à jour le {formatDate(d.date_maj)}.
            {d.pivot ? ` SIRET ou RNA : ${d.pivot}.` : ""}
          </p>
          <p className="fr-text--sm"><Link href={`/territoires/${territory.slug}/lieux/${place.id}/corriger`}>Signaler une erreur ou un changement</Link></p>
          <p className="fr-text--sm">
            Télécharger cette fiche au standard national :{" "}
            <a href={`/territoires/${territory.slug}/lieux/${place.id}/export/csv`} download>CSV</a>,{" "}
            <a href={`/territoires/${territory.slug}/lieux/${place.id}/export/json`} download>JSON</a> ou{" "}
            <a href={`/territoires/${territory.slug}/lieux/${place.id}/export/geojson`} download>GeoJSON</a>
          </p>
          {canEdit ? (
            <>
              {/* For editors only: what to check in the record (e.g. a point outside its commune). */}
              <PlaceQuality notes={qualityNotes(place)} />
              <p>
                <Link className="fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left" href={`/espace/${territory.slug}/lieux/${place.id}/modifier`}>
                  Modifier cette fiche
                </Link>
              </p>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
