import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, isAdmin, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** Every decision about indicators and the evaluation, as pure functions of (person, territory). */
export const indicatorPolicy = {
  /** Every member follows the evaluation: it is how the partners see whether the plan works. */
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  /** The coordination defines indicators, their targets and publishes the evaluation report, as it writes the plan. */
  manage: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
  /** Partners bring figures from the field (people accompanied, sessions held): they enter measurements too; observers read only. */
  measure: (principal: Principal, t: TerritoryRef) => isAdmin(principal) || ["coordinator", "partner", "contributor"].includes(roleIn(principal, t) ?? ""),
  /** A published report version is a document for decision makers: the coordination publishes it. */
  publishReport: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

export type IndicatorAction = keyof typeof indicatorPolicy;
export type IndicatorAbilities = Record<IndicatorAction, boolean>;

export function indicatorAbilities(principal: Principal, t: TerritoryRef): IndicatorAbilities {
  return abilitiesOf(indicatorPolicy, principal, t);
}
