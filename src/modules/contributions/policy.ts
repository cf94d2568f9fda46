import type { Actor } from "@/platform/auth/actor";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Who may do what with place proposals. Accepting one writes into the shared registry of places, so
 * `moderate` is `territoryPolicy.editRegistry`: the coordinators of a verified territory and the
 * platform's administrators.
 */
export const contributionPolicy = {
  /** Anyone, signed in or not: the spam limits are in the command, not in the policy. */
  propose: (_actor: Actor, _t: TerritoryRef) => true,
  moderate: (actor: Actor, t: TerritoryRef) => territoryPolicy.editRegistry(actor, t),
} as const;

export type ContributionAction = keyof typeof contributionPolicy;
