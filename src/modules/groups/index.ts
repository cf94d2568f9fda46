// Public entry of the groups module: working groups across worlds, their members, proposals and shared watch (phase 4).
// Other modules and the composition layer import from "@/modules/groups" only.
export { groupKinds, groupMembers, groupRoles, groups, type GroupKind, type GroupRole } from "./schema";
