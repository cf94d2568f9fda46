import type { Actor } from "@/platform/auth/actor";
import type { TerritoryRef } from "@/modules/territories/policy";

/**
 * Who may do what with place proposals. Kept here rather than in territories/policy.ts (another
 * module's file); the rule for `moderate` is the one of `territoryPolicy.edit`: the territory's
 * coordinators and the platform's administrators.
 */
export const contributionPolicy = {
  /** Anyone, signed in or not: the spam limits are in the command, not in the policy. */
  propose: (_actor: Actor, _t: TerritoryRef) => true,
  moderate: (actor: Actor, t: TerritoryRef) => actor.kind === "user" && (actor.isPlatformAdmin || actor.roles[t.id] === "coordinator"),
} as const;

export type ContributionAction = keyof typeof contributionPolicy;
