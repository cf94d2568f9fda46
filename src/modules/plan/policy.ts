import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Every decision about the action plan, as pure functions of (person, territory). The plan is the territory's
 * own content: its members read it, its coordinators write it (any verification status).
 */
export const planPolicy = {
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  edit: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
  /** Turning a group's proposal or a meeting's decision into an action draft: the coordination. */
  draft: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

export type PlanAction = keyof typeof planPolicy;
export type PlanAbilities = Record<PlanAction, boolean>;

export function planAbilities(principal: Principal, t: TerritoryRef): PlanAbilities {
  return abilitiesOf(planPolicy, principal, t);
}
