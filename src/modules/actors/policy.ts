import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, isAdmin, roleIn } from "@/platform/auth/policy";
import { isVerified, territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * What a policy needs to know about an actor (structure): who speaks for it (actor_members).
 * Whether the actor belongs to the territory at all is decided by the queries (findActor takes the
 * territory id), so a decision here is always about an actor already seen from `territory`.
 */
export type ActorRecordRef = { speakerIds: readonly string[] };

// Reuse the territory's own role rules rather than re-deriving them here.
const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isMember = (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t);
const editsRegistry = (principal: Principal, t: TerritoryRef) => territoryPolicy.editRegistry(principal, t);

/** A partner of this territory ("describes its structure and its places") named by a coordinator to speak for this actor. */
export function speaksFor(principal: Principal, t: TerritoryRef, record: ActorRecordRef): boolean {
  return principal.kind === "user" && roleIn(principal, t) === "partner" && record.speakerIds.includes(principal.userId);
}

/**
 * Every decision about actors, as pure functions of (person, territory, actor record).
 * Two kinds of data: the shared record (name, SIRET, location, public contact, speakers), which only
 * a verified territory's coordination or the actor's own people change; and what the territory writes
 * about the actor (private contacts, follow-up status, internal notes), owned by that territory and
 * read by its members only, whatever its verification (see ownership.ts).
 */
export const actorPolicy = {
  viewPublic: (_principal: Principal, _t: TerritoryRef, _r: ActorRecordRef) => true,
  list: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => isMember(principal, t),
  /** The territory's own private contacts, status and notes about the actor. */
  viewPrivateContacts: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => isMember(principal, t),
  export: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => isMember(principal, t),
  create: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => editsRegistry(principal, t),
  edit: (principal: Principal, t: TerritoryRef, r: ActorRecordRef) => editsRegistry(principal, t) || (isVerified(t) && speaksFor(principal, t, r)),
  /** Private contacts belong to the territory that writes them: its coordination, or the actor's partner in it. */
  manageContacts: (principal: Principal, t: TerritoryRef, r: ActorRecordRef) => isCoordinator(principal, t) || speaksFor(principal, t, r),
  /** Follow-up status ("engagé / à mobiliser") and internal notes: the coordination's own judgement. */
  annotate: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => isCoordinator(principal, t),
  /**
   * Deleting the structure from the shared registry: those who administer the registry (a verified territory's
   * coordination, the platform's administration), not the people who speak for it. Whether anything still uses
   * it, in any territory, is the command's check (refused with the list, decision 032), not a right.
   */
  delete: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => editsRegistry(principal, t),
  /** Naming a speaker makes the actor a partner of the territory: a verified territory's coordination only. */
  linkMember: (principal: Principal, t: TerritoryRef, _r: ActorRecordRef) => editsRegistry(principal, t),
  /**
   * A partner of the territory asks to speak for an actor it does not speak for yet: a request only,
   * which gives no right until the coordination confirms it (linkMember).
   */
  requestToSpeak: (principal: Principal, t: TerritoryRef, r: ActorRecordRef) => roleIn(principal, t) === "partner" && !speaksFor(principal, t, r),
} as const;

/**
 * Decisions about the registry of actors as a whole. Importing structures (a data·inclusion file) writes
 * public records of actors: the coordination of a verified territory (the same right as creating one by
 * hand), the platform's administration anywhere, the system (CLI, seed) anywhere — the rule of the
 * places the same file carries (placeRegistryPolicy.import).
 */
export const actorRegistryPolicy = {
  import: (principal: Principal, t: TerritoryRef | undefined) => principal.kind === "system" || (t ? editsRegistry(principal, t) : isAdmin(principal)),
} as const;

export type ActorAction = keyof typeof actorPolicy;
export type ActorAbilities = Record<ActorAction, boolean>;

/** For decisions that do not depend on a particular actor (list, create, export). */
export const noParticularActor: ActorRecordRef = { speakerIds: [] };

/** The abilities a page receives to show or hide its controls. */
export function actorAbilities(principal: Principal, t: TerritoryRef, record: ActorRecordRef = noParticularActor): ActorAbilities {
  return abilitiesOf(actorPolicy, principal, t, record);
}
