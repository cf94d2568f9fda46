import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { speaksFor } from "@/modules/actors";

/**
 * What the policy needs to know about a place an accompaniment is recorded for: who speaks for the
 * structure (actor) the place belongs to. The queries decide that the place lies in the territory.
 */
export type RecordPlaceRef = { speakerIds: readonly string[] };

/** A record already written: who wrote it, and who speaks for its place's structure. */
export type RecordRef = { recordedBy: string | null; speakerIds: readonly string[] };

const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isPartner = (principal: Principal, t: TerritoryRef) => principal.kind === "user" && roleIn(principal, t) === "partner";

/**
 * Who records what mediators do (phase 7). A mediator of a partner structure records for the places of the
 * structure(s) they speak for; the coordination records for any place of the territory (and sees every
 * record); observers, contributors and strangers never record. A mediator edits and deletes only their own
 * records, and only while they still speak for the place.
 */
export const accompanimentPolicy = {
  /** Open the form and the recent list at all (the places offered are then narrowed by `recordAt`). */
  record: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t) || isPartner(principal, t),
  /** Record for this place. */
  recordAt: (principal: Principal, t: TerritoryRef, place: RecordPlaceRef) => isCoordinator(principal, t) || speaksFor(principal, t, place),
  /** See every record of the territory (not only one's own). */
  viewTerritory: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
  /** Edit or delete this record. */
  change: (principal: Principal, t: TerritoryRef, r: RecordRef) =>
    isCoordinator(principal, t) || (principal.kind === "user" && r.recordedBy === principal.userId && speaksFor(principal, t, r)),
  /** Import a CSV file of records (each line's place is then checked with `recordAt`). */
  import: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t) || isPartner(principal, t),
} as const;

export type AccompanimentAction = keyof typeof accompanimentPolicy;

export function accompanimentAbilities(principal: Principal, t: TerritoryRef) {
  return abilitiesOf({ record: accompanimentPolicy.record, viewTerritory: accompanimentPolicy.viewTerritory, import: accompanimentPolicy.import }, principal, t);
}
