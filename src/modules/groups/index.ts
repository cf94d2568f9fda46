// Public entry of the groups module: working groups across worlds, their members, proposals and shared watch (phase 4).
// Other modules and the composition layer import from "@/modules/groups" only.
export {
  governanceKinds,
  groupKinds,
  groupMembers,
  groupRhythms,
  groupProposals,
  groupRoles,
  groups,
  leadingRoles as leadingGroupRoles,
  roleRank as groupRoleRank,
  watchItems,
  workingGroupKinds,
  type GroupKind,
  type GroupRhythm,
  type GroupRole,
} from "./schema";
export { worldsBalance, type WorldsBalance } from "./balance";
export { groupPolicy, watchPolicy, type GroupRef } from "./policy";
export { actorChoicesIn, findGroup, groupRefOf, listGroups, membersOf, territoryPeople, type GroupMemberItem, type GroupSummary } from "./queries";
export { addMember, changeRole, removeMember } from "./commands";
export { groupAbilities } from "./policy";
export { kindLabels as groupKindLabels, roleLabels as groupRoleLabels } from "./validation";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";
