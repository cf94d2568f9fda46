import type { Actor, Role } from "@/platform/auth/actor";

/** What a policy needs to know about a territory. */
export type TerritoryRef = { id: string };

function roleIn(actor: Actor, territory: TerritoryRef): Role | undefined {
  return actor.kind === "user" ? actor.roles[territory.id] : undefined;
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === "user" && actor.isPlatformAdmin;
}

const isCoordinator = (actor: Actor, t: TerritoryRef) => isAdmin(actor) || roleIn(actor, t) === "coordinator";
const isMember = (actor: Actor, t: TerritoryRef) => isAdmin(actor) || roleIn(actor, t) !== undefined;

/** Every decision about territories, as pure functions of (actor, territory). */
export const territoryPolicy = {
  create: (actor: Actor) => actor.kind === "user",
  viewPublicPage: (_actor: Actor, _t: TerritoryRef) => true,
  viewWorkspace: isMember,
  viewMembers: isMember,
  edit: isCoordinator,
  manageMembers: isCoordinator,
  invite: isCoordinator,
  viewAuditLog: isCoordinator,
  leave: (actor: Actor, t: TerritoryRef) => roleIn(actor, t) !== undefined,
} as const;

export type TerritoryAction = Exclude<keyof typeof territoryPolicy, "create">;
export type TerritoryAbilities = Record<TerritoryAction, boolean>;

/** The abilities a page receives to show or hide its controls. */
export function territoryAbilities(actor: Actor, t: TerritoryRef): TerritoryAbilities {
  const out = {} as TerritoryAbilities;
  for (const action of Object.keys(territoryPolicy) as (keyof typeof territoryPolicy)[]) {
    if (action === "create") continue;
    out[action] = territoryPolicy[action](actor, t);
  }
  return out;
}

export const platformPolicy = {
  administer: (actor: Actor) => isAdmin(actor),
} as const;
