import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { planPolicy } from "@/modules/plan";
import { leadingRoles, type GroupRole } from "./schema";

/** What the group rules read about one group: who animates it and who belongs to it (account ids, with their role). */
export type GroupRef = TerritoryRef & { people: Readonly<Record<string, GroupRole>> };

/** A shared-watch item as the rules see it: who posted it. */
export type WatchItemRef = TerritoryRef & { postedBy: string | null };

const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isMember = (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t);
const groupRole = (principal: Principal, g: GroupRef): GroupRole | undefined => (principal.kind === "user" ? g.people[principal.userId] : undefined);
/** A person of the group who is still a member of the territory (leaving the territory ends every right here). */
const inGroup = (principal: Principal, g: GroupRef) => isMember(principal, g) && groupRole(principal, g) !== undefined;
const animates = (principal: Principal, g: GroupRef) => isMember(principal, g) && leadingRoles.includes(groupRole(principal, g) as GroupRole);

/**
 * Every decision about working groups, as pure functions of (person, territory or group). Coordinators manage
 * every group; an animateur·rice manages their own group (members, roles, invitations, its text); the members of
 * the territory read the groups; the people of a group propose, comment and support.
 */
export const groupPolicy = {
  view: (principal: Principal, t: TerritoryRef) => isMember(principal, t),
  create: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
  /** Edit the group's name and purpose, add and remove members, change roles, invite from missing worlds. */
  manage: (principal: Principal, g: GroupRef) => isCoordinator(principal, g) || animates(principal, g),
  /** Deleting a group deletes its proposals: the coordination only. */
  delete: (principal: Principal, g: GroupRef) => isCoordinator(principal, g),
  /** Propose, comment, support: the people of the group (any role), and the coordination. */
  participate: (principal: Principal, g: GroupRef) => principal.kind === "user" && (isCoordinator(principal, g) || inGroup(principal, g)),
  /**
   * Turn a proposal into an action draft: the group's animateur·rice or a coordinator, AND whoever the plan lets
   * draft actions (planPolicy.draft, the plan module's rule: today the coordination). So an animateur·rice who is
   * not a coordinator is refused here rather than by the plan halfway through the transaction.
   */
  convert: (principal: Principal, g: GroupRef) => (isCoordinator(principal, g) || animates(principal, g)) && planPolicy.draft(principal, g),
} as const;

/** The shared watch (veille) of the territory: read by its members, fed by all but observers. */
export const watchPolicy = {
  view: (principal: Principal, t: TerritoryRef) => isMember(principal, t),
  post: (principal: Principal, t: TerritoryRef) => principal.kind === "user" && isMember(principal, t) && roleIn(principal, t) !== "observer",
  /** The weekly digest is personal: any member with an account may ask for it. */
  subscribe: (principal: Principal, t: TerritoryRef) => principal.kind === "user" && isMember(principal, t),
  remove: (principal: Principal, item: WatchItemRef) =>
    isCoordinator(principal, item) || (principal.kind === "user" && isMember(principal, item) && item.postedBy === principal.userId),
} as const;

export type GroupAction = keyof typeof groupPolicy;
type GroupLevel = Exclude<GroupAction, "view" | "create">;
export type GroupAbilities = Record<GroupLevel, boolean>;

/** What a person may do with one group (its page shows or hides its controls). */
export function groupAbilities(principal: Principal, g: GroupRef): GroupAbilities {
  const { view: _v, create: _c, ...aboutGroup } = groupPolicy;
  return abilitiesOf(aboutGroup, principal, g);
}
