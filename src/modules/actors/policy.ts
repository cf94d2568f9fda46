import type { Actor } from "@/platform/auth/actor";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { isVerified, territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * What a policy needs to know about an actor (structure): who speaks for it (actor_members).
 * Whether the actor belongs to the territory at all is decided by the queries (findActor takes the
 * territory id), so a decision here is always about an actor already seen from `territory`.
 */
export type ActorRecordRef = { speakerIds: readonly string[] };

// Reuse the territory's own role rules rather than re-deriving them here.
const isCoordinator = (actor: Actor, t: TerritoryRef) => territoryPolicy.edit(actor, t);
const isMember = (actor: Actor, t: TerritoryRef) => territoryPolicy.viewWorkspace(actor, t);
const editsRegistry = (actor: Actor, t: TerritoryRef) => territoryPolicy.editRegistry(actor, t);

/** A partner of this territory ("describes its structure and its places") named by a coordinator to speak for this actor. */
export function speaksFor(actor: Actor, t: TerritoryRef, record: ActorRecordRef): boolean {
  return actor.kind === "user" && roleIn(actor, t) === "partner" && record.speakerIds.includes(actor.userId);
}

/**
 * Every decision about actors, as pure functions of (person, territory, actor record).
 * Two kinds of data: the shared record (name, SIRET, location, public contact, speakers), which only
 * a verified territory's coordination or the actor's own people change; and what the territory writes
 * about the actor (private contacts, follow-up status, internal notes), owned by that territory and
 * read by its members only, whatever its verification (see ownership.ts).
 */
export const actorPolicy = {
  viewPublic: (_actor: Actor, _t: TerritoryRef, _r: ActorRecordRef) => true,
  list: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => isMember(actor, t),
  /** The territory's own private contacts, status and notes about the actor. */
  viewPrivateContacts: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => isMember(actor, t),
  export: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => isMember(actor, t),
  create: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => editsRegistry(actor, t),
  edit: (actor: Actor, t: TerritoryRef, r: ActorRecordRef) => editsRegistry(actor, t) || (isVerified(t) && speaksFor(actor, t, r)),
  /** Private contacts belong to the territory that writes them: its coordination, or the actor's partner in it. */
  manageContacts: (actor: Actor, t: TerritoryRef, r: ActorRecordRef) => isCoordinator(actor, t) || speaksFor(actor, t, r),
  /** Follow-up status ("engagé / à mobiliser") and internal notes: the coordination's own judgement. */
  annotate: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => isCoordinator(actor, t),
  /** Naming a speaker makes the actor a partner of the territory: a verified territory's coordination only. */
  linkMember: (actor: Actor, t: TerritoryRef, _r: ActorRecordRef) => editsRegistry(actor, t),
} as const;

export type ActorAction = keyof typeof actorPolicy;
export type ActorAbilities = Record<ActorAction, boolean>;

/** For decisions that do not depend on a particular actor (list, create, export). */
export const noActor: ActorRecordRef = { speakerIds: [] };

/** The abilities a page receives to show or hide its controls. */
export function actorAbilities(actor: Actor, t: TerritoryRef, record: ActorRecordRef = noActor): ActorAbilities {
  return abilitiesOf(actorPolicy, actor, t, record);
}
