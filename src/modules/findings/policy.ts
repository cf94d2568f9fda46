import type { Actor } from "@/platform/auth/actor";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** What the findings policy needs about the territory: whether partners may record findings. */
export type FindingsRef = TerritoryRef & { partnersRecordFindings: boolean };

const isCoordinator = (actor: Actor, t: TerritoryRef) => territoryPolicy.edit(actor, t);
const isPartner = (actor: Actor, t: TerritoryRef) => roleIn(actor, t) === "partner";

/** Every decision about findings, as pure functions of (person, territory with its setting). */
export const findingPolicy = {
  /** Every member reads the findings (they feed the État des lieux, which is meant to be shared). The setting is not read: any territory reference will do (the workspace menu has no setting to give). */
  view: (actor: Actor, t: TerritoryRef) => territoryPolicy.viewWorkspace(actor, t),
  record: (actor: Actor, t: FindingsRef) => isCoordinator(actor, t) || (t.partnersRecordFindings && isPartner(actor, t)),
  /** Editing, deleting, grouping and merging shape the synthesis: coordination only. */
  organise: (actor: Actor, t: FindingsRef) => isCoordinator(actor, t),
  /** "Prioritised by the partners' votes": partners and coordinators vote, one vote per finding. */
  vote: (actor: Actor, t: FindingsRef) => isCoordinator(actor, t) || isPartner(actor, t),
  configure: (actor: Actor, t: FindingsRef) => isCoordinator(actor, t),
} as const;

export type FindingAction = keyof typeof findingPolicy;
export type FindingAbilities = Record<FindingAction, boolean>;

export function findingAbilities(actor: Actor, t: FindingsRef): FindingAbilities {
  return abilitiesOf(findingPolicy, actor, t);
}
