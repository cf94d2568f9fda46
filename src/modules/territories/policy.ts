import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, isAdmin, roleIn } from "@/platform/auth/policy";

export const territoryStatuses = ["pending", "verified", "refused", "suspended"] as const;
export type TerritoryStatus = (typeof territoryStatuses)[number];

/**
 * What a policy needs to know about a territory: its id and whether the platform vouches for it.
 * A territory row carries both, so pages and commands pass the row they loaded: the verification
 * reaches every policy the same way, and policies stay pure (decision 006). A reference without a
 * status (rules about a territory's own content never read it) counts as not verified: fail closed.
 */
export type TerritoryRef = { id: string; status?: TerritoryStatus };

export const isVerified = (t: TerritoryRef) => t.status === "verified";

const isCoordinator = (principal: Principal, t: TerritoryRef) => isAdmin(principal) || roleIn(principal, t) === "coordinator";
const isMember = (principal: Principal, t: TerritoryRef) => isAdmin(principal) || roleIn(principal, t) !== undefined;

/** Every decision about territories, as pure functions of (principal, territory). */
export const territoryPolicy = {
  /** Anyone signed in may open a territory (it waits for verification); the system (CLI, demo) too. */
  create: (principal: Principal) => principal.kind === "user" || principal.kind === "system",
  viewPublicPage: (_principal: Principal, _t: TerritoryRef) => true,
  viewWorkspace: isMember,
  viewMembers: isMember,
  /** The territory's own content and settings: any verification status. */
  edit: isCoordinator,
  manageMembers: isCoordinator,
  invite: isCoordinator,
  viewAuditLog: isCoordinator,
  leave: (principal: Principal, t: TerritoryRef) => roleIn(principal, t) !== undefined,
  /**
   * Rights over the shared registry (places and actors of the perimeter, which other territories see
   * too): coordinators of a territory the platform verified. Opening a territory gives none.
   */
  editRegistry: (principal: Principal, t: TerritoryRef) => isAdmin(principal) || (isVerified(t) && roleIn(principal, t) === "coordinator"),
} as const;

export type TerritoryAction = Exclude<keyof typeof territoryPolicy, "create">;
export type TerritoryAbilities = Record<TerritoryAction, boolean>;

/** The abilities a page receives to show or hide its controls. */
export function territoryAbilities(principal: Principal, t: TerritoryRef): TerritoryAbilities {
  // `create` is not about a territory: not an ability of one.
  const { create: _create, ...aboutTerritory } = territoryPolicy;
  return abilitiesOf(aboutTerritory, principal, t);
}

/** Decisions of the platform itself, as pure functions of the principal. The system (CLI, demo seed) acts as the platform. */
export const platformPolicy = {
  /** The administration pages and acts (accounts, territories). */
  administer: (principal: Principal) => isAdmin(principal),
  /** Verify, refuse or suspend a territory. */
  reviewTerritories: (principal: Principal) => isAdmin(principal) || principal.kind === "system",
  /** Open a territory already verified: the platform itself (the demo, the command line) or its administrators. */
  createVerified: (principal: Principal) => principal.kind === "system" || isAdmin(principal),
  /** Grant or remove platform administration. */
  grantAdmin: (principal: Principal) => isAdmin(principal) || principal.kind === "system",
  /** Import places with no territory (the whole registry). */
  importAnywhere: (principal: Principal) => isAdmin(principal) || principal.kind === "system",
} as const;

export type PlatformAction = keyof typeof platformPolicy;
