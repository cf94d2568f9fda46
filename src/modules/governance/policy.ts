import type { Principal } from "@/platform/auth/principal";
import { roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { groupPolicy, type GroupRef } from "@/modules/groups";

const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isMember = (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t);

/**
 * Every decision about the governance, as pure functions of (person, territory or body). A body is a group: its
 * members, roles and meetings follow the groups' and meetings' rules (its président·e leads it as an animateur·rice
 * leads a working group); what is the governance's own is said here.
 */
export const governancePolicy = {
  /** The bodies, their members and the decisions log: the members of the territory. */
  view: (principal: Principal, t: TerritoryRef) => isMember(principal, t),
  /** Setting up a body (comité de pilotage, comité technique…): the coordination. */
  create: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
  /** Its name, role, rhythm and members: the coordination, or the body's président·e (the groups' rule). */
  manage: (principal: Principal, body: GroupRef) => groupPolicy.manage(principal, body),
  /**
   * Deleting a body: the coordination only (not its président·e: a body answers to the territory's governance,
   * not to itself). The command still refuses a body that has met (decision 025).
   */
  delete: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
  /** The coordination's public contacts: the coordination. */
  manageContacts: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
  /**
   * Changing an action's status while citing a decision: a member of the territory with an account who is not an
   * observer; the plan then applies its own rule (the coordination or the lead's speakers, actionPolicy.track).
   */
  citeDecision: (principal: Principal, t: TerritoryRef) => principal.kind === "user" && isMember(principal, t) && roleIn(principal, t) !== "observer",
} as const;

export type GovernanceAction = keyof typeof governancePolicy;
