import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** A partner of the charter as the rules see it: the accounts that speak for its structure (actor_members). */
export type CharterPartnerRef = TerritoryRef & { speakerIds: readonly string[] };

const isCoordinator = (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t);
const isMember = (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t);
/**
 * Speaks for the partner's structure: named by the coordination among the structure's people (actor_members) AND still
 * a member of the territory other than an observer (leaving the territory, or being only an observer, ends the right).
 */
const speaksForPartner = (principal: Principal, p: CharterPartnerRef) => {
  if (principal.kind !== "user" || !p.speakerIds.includes(principal.userId)) return false;
  const role = roleIn(principal, p);
  return role !== undefined && role !== "observer";
};

/**
 * Every decision about the charter of commitments, as pure functions (decision 026). The coordination writes the
 * common parts, names the partners and their signatories, submits a version for signature and opens the next one.
 * Each partner writes ITS OWN commitments: only the people who speak for that structure; another partner (or a
 * coordinator who does not speak for it) is refused. The one exception: a partner with nobody to speak for it on
 * the platform, whose commitments the coordination writes on its behalf (said in the audit log), so that a structure
 * without an account is not left out of the charter. The system (demo, command line) acts as the platform.
 */
export const charterPolicy = {
  view: (principal: Principal, t: TerritoryRef) => isMember(principal, t),
  /** Create the charter, write the common parts, name partners and signatories, submit, open a new version. */
  manage: (principal: Principal, t: TerritoryRef) => principal.kind === "system" || isCoordinator(principal, t),
  /** Comment a section of a draft: the members who take part (not observers). */
  comment: (principal: Principal, t: TerritoryRef) => principal.kind === "user" && isMember(principal, t) && roleIn(principal, t) !== "observer",
} as const;

export const commitmentPolicy = {
  /** Write, change or remove this partner's commitments. */
  write: (principal: Principal, p: CharterPartnerRef) =>
    principal.kind === "system" || speaksForPartner(principal, p) || (p.speakerIds.length === 0 && isCoordinator(principal, p)),
} as const;

export type CharterAbilities = Record<keyof typeof charterPolicy, boolean>;

export function charterAbilities(principal: Principal, t: TerritoryRef): CharterAbilities {
  return abilitiesOf(charterPolicy, principal, t);
}
