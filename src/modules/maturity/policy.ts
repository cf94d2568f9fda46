import type { Actor } from "@/platform/auth/actor";
import { actorPolicy, type ActorRecordRef } from "@/modules/actors/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories/policy";

/**
 * Who does what with the maturity grid. Every rule reuses an existing one, so that the grid never
 * gives more (or less) than the actor's record and the territory already give:
 * - self-assessing an actor is describing it: whoever may edit the actor (the territory's
 *   coordinators, and the partner named to speak for the actor);
 * - an actor's results are read by the territory's members, like its private contacts;
 * - the territory's heat map is read by every member too, not only by coordinators: it shows nothing
 *   that each actor's page does not already show to the same people, and partners and observers
 *   (elected officials among them) are precisely those who must see where the territory is strong and
 *   where it is thin, and which structures to learn from. Visitors never see it: a self-assessment is
 *   candid only if it stays among the people working together.
 */
export const maturityPolicy = {
  selfAssess: (actor: Actor, t: TerritoryRef, r: ActorRecordRef) => actorPolicy.edit(actor, t, r),
  viewResults: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => territoryPolicy.viewWorkspace(actor, t),
  viewTerritory: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => territoryPolicy.viewWorkspace(actor, t),
} as const;

export type MaturityAction = keyof typeof maturityPolicy;
export type MaturityAbilities = Record<MaturityAction, boolean>;

/** The abilities a page receives to show or hide its controls. */
export function maturityAbilities(actor: Actor, t: TerritoryRef, record: ActorRecordRef): MaturityAbilities {
  const out = {} as MaturityAbilities;
  for (const action of Object.keys(maturityPolicy) as MaturityAction[]) out[action] = maturityPolicy[action](actor, t, record);
  return out;
}
