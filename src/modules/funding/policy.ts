import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Every decision about funding sources, deadlines and resources, as pure functions of (person, territory).
 * The catalogue is working knowledge of the territory: its members read it (partners look for money for
 * their own actions); the coordination keeps it (local sources, deadlines, local resources).
 */
export const fundingPolicy = {
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  manage: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

export type FundingAction = keyof typeof fundingPolicy;
export type FundingAbilities = Record<FundingAction, boolean>;

export function fundingAbilities(principal: Principal, t: TerritoryRef): FundingAbilities {
  return abilitiesOf(fundingPolicy, principal, t);
}
