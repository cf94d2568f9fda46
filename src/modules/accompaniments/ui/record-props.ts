import type { Db } from "@/platform/db/client";
import { frequentDurations, orientationChoices, recordablePlaces, type PlaceChoice, type StoredRecord } from "../queries";
import {
  ageBands,
  autonomyLabels,
  equipmentChoices,
  kindLabels,
  levelChoices,
  levelLabels,
  procedureThemes,
  serviceThemes,
  settingLabels,
  statusChoices,
} from "../validation";
import type { RecordFormProps, RecordFormValues } from "./record-form";

const label = (p: PlaceChoice) => (p.communeName ? `${p.name} (${p.communeName})` : p.name);
const choices = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The form's values for a stored record (edit), or the defaults of a new one: today, the last used place, one person. */
export function formValuesOf(record: StoredRecord | undefined, today: string, placeId: string): RecordFormValues {
  if (!record)
    return { occurredOn: today, placeId, kind: "individuel", people: "1", durationMinutes: "", themes: [], equipment: [], setting: "lieu", autonomy: "", orientedToPlaceId: "", title: "", level: "", counts: {} };
  const counts: Record<string, string> = {};
  for (const [k, n] of Object.entries(record.ageBands)) counts[`age_${k}`] = String(n);
  for (const [k, n] of Object.entries(record.statuses)) counts[`statut_${k}`] = String(n);
  return {
    occurredOn: record.occurredOn,
    placeId: record.placeId,
    kind: record.kind,
    people: String(record.people),
    durationMinutes: String(record.durationMinutes),
    themes: record.themes,
    equipment: record.equipment,
    setting: record.setting,
    autonomy: record.autonomy ?? "",
    orientedToPlaceId: record.orientedToPlaceId ?? "",
    title: record.title,
    level: record.level ?? "",
    counts,
  };
}

/** Everything the record form offers this person: their places (last used first), every place to orient to, their durations. */
export async function recordFormChoices(db: Db, territoryId: string, userId: string, allPlaces: boolean) {
  const [places, orientations, durations] = await Promise.all([recordablePlaces(db, territoryId, userId, allPlaces), orientationChoices(db, territoryId), frequentDurations(db, territoryId, userId)]);
  const props: Omit<RecordFormProps, "action" | "sendQueued" | "territory" | "clientId" | "record" | "submitLabel" | "defaults" | "today"> = {
    places: places.map((p) => ({ value: p.id, label: label(p) })),
    orientations: orientations.map((p) => ({ value: p.id, label: label(p) })),
    durations,
    themes: { services: serviceThemes.map((t) => ({ value: t.key, label: t.label })), procedures: procedureThemes.map((t) => ({ value: t.key, label: t.label })) },
    equipment: equipmentChoices.map((e) => ({ value: e.key, label: e.label })),
    kinds: choices(kindLabels),
    settings: choices(settingLabels),
    autonomy: choices(autonomyLabels),
    levels: levelChoices.map((l) => ({ value: l, label: levelLabels[l] })),
    ageBands: ageBands.map((a) => ({ value: a.key, label: a.label })),
    statuses: statusChoices.map((s) => ({ value: s.key, label: s.label })),
  };
  return { props, places };
}
