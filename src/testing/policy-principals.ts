import type { Principal, Role } from "@/platform/auth/principal";

/**
 * The people of the policy tables, in the order of their columns: a visitor, a coordinator of another
 * territory, each role in `territory` (with `otherRole` in `other`), a platform administrator.
 */
export function policyPrincipals(territory: { id: string }, other: { id: string }, otherRole: Role = "observer"): Record<string, Principal> {
  const member = (role: Role): Principal => ({
    kind: "user",
    userId: `u-${role}`,
    name: role,
    email: `${role}@exemple.test`,
    isPlatformAdmin: false,
    roles: { [territory.id]: role, [other.id]: otherRole },
  });
  return {
    anonymous: { kind: "anonymous" },
    stranger: { kind: "user", userId: "u-x", name: "x", email: "x@exemple.test", isPlatformAdmin: false, roles: { [other.id]: "coordinator" } },
    observer: member("observer"),
    contributor: member("contributor"),
    partner: member("partner"),
    coordinator: member("coordinator"),
    admin: { kind: "user", userId: "u-a", name: "a", email: "a@exemple.test", isPlatformAdmin: true, roles: {} },
  };
}
