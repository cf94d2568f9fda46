import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { parisToday } from "@/platform/dates";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { territoryPage } from "@/modules/territories/web";
import { deleteAccompanimentAction, updateAccompanimentAction } from "@/modules/accompaniments/actions";
import { accompanimentPolicy } from "@/modules/accompaniments/policy";
import { findRecord, placeForRecord } from "@/modules/accompaniments/queries";
import { RecordForm } from "@/modules/accompaniments/ui/record-form";
import { formValuesOf, recordFormChoices } from "@/modules/accompaniments/ui/record-props";

export const metadata: Metadata = { title: "Modifier un accompagnement" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A mediator corrects or deletes one of their records (the coordination, any record of the territory). */
export default async function AccompanimentPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/accompagnements/${id}`);
  if (principal.kind !== "user") forbidden();
  const { db } = await getRuntime();
  const record = await findRecord(db, territory.id, id);
  if (!record) notFound();
  const place = await placeForRecord(db, territory.id, record.placeId);
  if (!accompanimentPolicy.change(principal, territory, { recordedBy: record.recordedBy, speakerIds: place?.speakerIds ?? [] })) forbidden();
  const { props, places } = await recordFormChoices(db, territory.id, principal.userId, accompanimentPolicy.viewTerritory(principal, territory));
  // The record's own place stays offered even if it is not among the person's places any more (coordination).
  const placeOptions = places.some((p) => p.id === record.placeId) ? props.places : [...props.places, ...props.orientations.filter((o) => o.value === record.placeId)];
  const base = `/espace/${territory.slug}/accompagnements`;
  return (
    <>
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={base}>
          Accompagnements
        </Link>
      </p>
      <h2>Modifier un accompagnement</h2>
      <ActionErrorNotice code={sp.erreur} />
      <RecordForm {...props} places={placeOptions} action={updateAccompanimentAction} territory={territory.slug} record={record.id} submitLabel="Enregistrer les modifications" defaults={formValuesOf(record, parisToday(), record.placeId)} today={parisToday()} />
      <form action={deleteAccompanimentAction} className="fr-mt-4w">
        <input type="hidden" name="territory" value={territory.slug} />
        <input type="hidden" name="record" value={record.id} />
        <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
          Supprimer cet accompagnement
        </button>
      </form>
    </>
  );
}
