import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, isAdmin, roleIn } from "@/platform/auth/policy";
import { isVerified, territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Every decision about the accompaniments' statistics, as pure functions of (person, territory) (decision 029).
 * The figures are counts without personal data: every member reads and exports them. The records themselves
 * (one line per accompaniment) are the partners' working data: partners and the coordination export them.
 * The public figures (small counts suppressed) are for everyone, once the platform has verified the territory.
 */
export const statsPolicy = {
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  exportStats: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  exportRecords: (principal: Principal, t: TerritoryRef) => isAdmin(principal) || roleIn(principal, t) === "coordinator" || roleIn(principal, t) === "partner",
  viewPublic: (_principal: Principal, t: TerritoryRef) => isVerified(t),
} as const;

export type StatsAction = keyof typeof statsPolicy;
export type StatsAbilities = Record<StatsAction, boolean>;

export function statsAbilities(principal: Principal, t: TerritoryRef): StatsAbilities {
  return abilitiesOf(statsPolicy, principal, t);
}
