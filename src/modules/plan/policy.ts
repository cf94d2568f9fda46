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

/** What the rule on one action needs: the people who speak for its lead actor (actors' speakers). */
export type ActionRef = { leadSpeakerIds: readonly string[] };

/**
 * Decisions about one action. Following it up (status, steps done or not, steps added) is the coordination's,
 * and also the lead's: a member of the territory who speaks for the lead actor keeps its action up to date
 * without coordinator rights (decision 019). Everything else (content, money, deletion) stays the coordination's.
 */
export const actionPolicy = {
  track: (principal: Principal, t: TerritoryRef, a: ActionRef) =>
    planPolicy.edit(principal, t) || (planPolicy.view(principal, t) && principal.kind === "user" && a.leadSpeakerIds.includes(principal.userId)),
} as const;
export type ActionPolicyAction = keyof typeof actionPolicy;
