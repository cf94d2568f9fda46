import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { leadingGroupRoles, type GroupRole } from "@/modules/groups";

/**
 * What the meetings policy needs about the body that meets: the territory, and the role of each account in
 * it (user id → role). Today the body is a working group; a governance body (issue 13) gives the same shape.
 */
export type BodyRef = TerritoryRef & { roles: Readonly<Record<string, GroupRole>> };

const roleOf = (principal: Principal, body: BodyRef): GroupRole | undefined => (principal.kind === "user" ? body.roles[principal.userId] : undefined);
const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
/** The group's own member, still a member of the territory (someone removed from the territory loses the group). */
const inBody = (principal: Principal, body: BodyRef) => roleOf(principal, body) !== undefined && territoryPolicy.viewWorkspace(principal, body);
const leads = (principal: Principal, body: BodyRef) => isCoordinator(principal, body) || (inBody(principal, body) && leadingGroupRoles.includes(roleOf(principal, body) as GroupRole));

/** Every decision about the meetings of a body, as pure functions of (person, body with its members' roles). */
export const meetingPolicy = {
  /** The group's members read its meetings, minutes and decisions; the coordination reads every group's. */
  view: (principal: Principal, body: BodyRef) => isCoordinator(principal, body) || inBody(principal, body),
  /** A member says whether they come (for themselves only: the command writes their own row). */
  respond: (principal: Principal, body: BodyRef) => inBody(principal, body),
  /** Any member or animateur drafts the minutes (a guest does not). */
  draftMinutes: (principal: Principal, body: BodyRef) => isCoordinator(principal, body) || (inBody(principal, body) && roleOf(principal, body) !== "invite"),
  /** The animateur (or the coordination) schedules meetings, invites, records who came. */
  organise: leads,
  /** …approves the minutes (and reopens approved ones, which then need approving again)… */
  approveMinutes: leads,
  /** …and records the body's decisions. */
  decide: leads,
  /** …changes the meeting's title, time, place, video link or agenda (members are told of a move)… */
  edit: leads,
  /** …and cancels it, saying why (the meeting stays listed as « annulée »). */
  cancel: leads,
} as const;

export type MeetingAction = keyof typeof meetingPolicy;
export type MeetingAbilities = Record<MeetingAction, boolean>;

export function meetingAbilities(principal: Principal, body: BodyRef): MeetingAbilities {
  return abilitiesOf(meetingPolicy, principal, body);
}

/** The decisions log of the territory (decisions taken in meetings or elsewhere). */
export const decisionPolicy = {
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  /** A decision outside any meeting, and marking follow-ups done: the coordination. */
  manage: (principal: Principal, t: TerritoryRef) => isCoordinator(principal, t),
} as const;

/** The secret calendar subscription: any signed-in person manages their own. */
export const feedPolicy = {
  manage: (principal: Principal) => principal.kind === "user",
} as const;
