import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { speaksFor, type ActorRecordRef, mayRead } from "@/modules/actors";
import { isVerified, territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * What the maturity rules need about an actor seen from a territory: who speaks for it, and whether
 * it joined the territory as a partner (one of its people, a partner member of the territory, was
 * named to speak for it; or the demo).
 */
export type MaturityRef = ActorRecordRef & { joined: boolean };

/**
 * Who does what with the maturity grid. A self-assessment belongs to the actor (decision 006):
 * - self-assessing is the actor's own act: the partner named to speak for it, or the coordination of
 *   a verified territory it joined (helping the structure fill the grid in);
 * - its results are read by its own people and by the members of the verified territories it joined
 *   as a partner (the ownership rule, `mayRead("selfAssessments")`), not by every territory whose
 *   perimeter contains it;
 * - the territory's page (heat map, medians) is open to every member, and counts only the actors whose
 *   results the territory may read: none while it waits for verification.
 */
export const maturityPolicy = {
  selfAssess: (principal: Principal, t: TerritoryRef, r: MaturityRef) => isVerified(t) && (speaksFor(principal, t, r) || (territoryPolicy.editRegistry(principal, t) && r.joined)),
  viewResults: (principal: Principal, t: TerritoryRef, r: MaturityRef) => mayRead("selfAssessments", principal, t, r),
  viewTerritory: (principal: Principal, t: TerritoryRef, _r: MaturityRef) => territoryPolicy.viewWorkspace(principal, t),
} as const;

export const noMaturityActor: MaturityRef = { speakerIds: [], joined: false };

export type MaturityAction = keyof typeof maturityPolicy;
export type MaturityAbilities = Record<MaturityAction, boolean>;

/** The abilities a page receives to show or hide its controls. */
export function maturityAbilities(principal: Principal, t: TerritoryRef, record: MaturityRef): MaturityAbilities {
  return abilitiesOf(maturityPolicy, principal, t, record);
}
