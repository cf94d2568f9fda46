import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** Every decision about the strategy (vision, axes, objectives), as pure functions of (person, territory). */
export const strategyPolicy = {
  /** Every member reads the strategy: it is what they agree on. */
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  /** The coordination writes it (what the working groups agreed), as it writes the plan. */
  edit: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

export type StrategyAction = keyof typeof strategyPolicy;
export type StrategyAbilities = Record<StrategyAction, boolean>;

export function strategyAbilities(principal: Principal, t: TerritoryRef): StrategyAbilities {
  return abilitiesOf(strategyPolicy, principal, t);
}
