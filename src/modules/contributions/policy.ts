import type { Principal } from "@/platform/auth/principal";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Who may do what with place proposals. Accepting one writes into the shared registry of places, so
 * `moderate` is `territoryPolicy.editRegistry`: the coordinators of a verified territory and the
 * platform's administrators.
 */
export const contributionPolicy = {
  /** Anyone, signed in or not: the spam limits are in the command, not in the policy. */
  propose: (_principal: Principal, _t: TerritoryRef) => true,
  moderate: (principal: Principal, t: TerritoryRef) => territoryPolicy.editRegistry(principal, t),
} as const;

export type ContributionAction = keyof typeof contributionPolicy;
