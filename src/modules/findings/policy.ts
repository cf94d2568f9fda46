import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** What the findings policy needs about the territory: whether partners may record findings. */
export type FindingsRef = TerritoryRef & { partnersRecordFindings: boolean };

const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isPartner = (principal: Principal, t: TerritoryRef) => roleIn(principal, t) === "partner";

/** Every decision about findings, as pure functions of (person, territory with its setting). */
export const findingPolicy = {
  /** Every member reads the findings (they feed the État des lieux, which is meant to be shared). The setting is not read: any territory reference will do (the workspace menu has no setting to give). */
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  record: (principal: Principal, t: FindingsRef) => isCoordinator(principal, t) || (t.partnersRecordFindings && isPartner(principal, t)),
  /** Editing, deleting, grouping and merging shape the synthesis: coordination only. */
  organise: (principal: Principal, t: FindingsRef) => isCoordinator(principal, t),
  /** "Prioritised by the partners' votes": partners and coordinators vote, one vote per finding. */
  vote: (principal: Principal, t: FindingsRef) => isCoordinator(principal, t) || isPartner(principal, t),
  configure: (principal: Principal, t: FindingsRef) => isCoordinator(principal, t),
} as const;

export type FindingAction = keyof typeof findingPolicy;
export type FindingAbilities = Record<FindingAction, boolean>;

export function findingAbilities(principal: Principal, t: FindingsRef): FindingAbilities {
  return abilitiesOf(findingPolicy, principal, t);
}
