import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { platformPolicy, territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { actorPolicy } from "@/modules/actors";

/**
 * What a policy needs to know about a place: the people who speak for its actor (none when the place
 * is not linked to an actor). As for actors, the queries decide that the place lies in the territory
 * (findPlace takes the territory id): a decision here is about a place already seen from `t`.
 */
export type PlaceRef = { actorSpeakerIds: readonly string[] };

/**
 * "Who edits a place: its actor, coordinators of a verified territory containing it, platform
 * administrators." The actor's rule is the actor policy's own (a partner of the territory named for
 * the actor), reused. A territory waiting for verification gives no right over the registry.
 */
export const placePolicy = {
  edit: (principal: Principal, t: TerritoryRef, p: PlaceRef) => actorPolicy.edit(principal, t, { speakerIds: p.actorSpeakerIds }),
  /** Linking a place to another actor moves it out of that actor's hands: coordination only. */
  linkActor: (principal: Principal, t: TerritoryRef, _p: PlaceRef) => territoryPolicy.editRegistry(principal, t),
  /** A place moved to a commune outside this territory leaves it: only the platform decides that, on every path. */
  moveOutside: (principal: Principal, _t: TerritoryRef, _p: PlaceRef) => platformPolicy.administer(principal),
} as const;

/**
 * Decisions about a territory's places as a whole (no particular place). The system (CLI, demo seed)
 * imports anywhere; people need a verified territory's coordination, or the platform's rights to
 * import with no territory.
 */
export const placeRegistryPolicy = {
  import: (principal: Principal, t: TerritoryRef | undefined) => principal.kind === "system" || (t ? territoryPolicy.editRegistry(principal, t) : platformPolicy.importAnywhere(principal)),
  merge: (principal: Principal, t: TerritoryRef) => territoryPolicy.editRegistry(principal, t),
} as const;

export type PlaceAction = keyof typeof placePolicy;
export type PlaceAbilities = Record<PlaceAction, boolean>;

export function placeAbilities(principal: Principal, t: TerritoryRef, p: PlaceRef): PlaceAbilities {
  return abilitiesOf(placePolicy, principal, t, p);
}
