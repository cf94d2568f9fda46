// Public entry of the groups module: working groups across worlds, their members, proposals and shared watch (phase 4).
// Other modules and the composition layer import from "@/modules/groups" only.
export {
  groupKinds,
  groupMembers,
  groupProposals,
  groupRoles,
  groups,
  watchItems,
  type GroupKind,
  type GroupRole,
} from "./schema";
export { worldsBalance, type WorldsBalance } from "./balance";
export { groupPolicy, watchPolicy, type GroupRef } from "./policy";
export { findGroup, groupRefOf, membersOf } from "./queries";
export { kindLabels as groupKindLabels, roleLabels as groupRoleLabels } from "./validation";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";
