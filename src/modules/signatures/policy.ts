import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf, roleIn } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** A partner of the charter as the policy sees it: its territory and the account it named to sign. */
export type SignatoryRef = TerritoryRef & { signatoryUserId: string | null };

/** Who may do what with the signatures of a territory's charter. */
export const signaturePolicy = {
  /**
   * Only the account the partner named signs for it, online, and only while it is a member of the
   * territory: nobody signs for someone else, not the coordinator, not a platform administrator.
   */
  sign: (principal: Principal, partner: SignatoryRef) =>
    principal.kind === "user" && partner.signatoryUserId !== null && principal.userId === partner.signatoryUserId && territoryPolicy.viewWorkspace(principal, partner),
  /** A handwritten signature (with its scanned page) is recorded by the coordination. */
  recordHandwritten: (principal: Principal, partner: SignatoryRef) => territoryPolicy.edit(principal, partner),
} as const;

/** Reading the signatures of a version, the journal, the signed PDF: the territory's members. */
export const journalPolicy = {
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  /** Asking again for the signed PDF when its printing failed (it is printed once). */
  print: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

/** A partner's scanned signed page as the policy sees it: its named signatory and the people who speak for its structure. */
export type ScanRef = SignatoryRef & { speakerIds: readonly string[] };

/**
 * The scanned page of a handwritten signature holds a person's handwriting: the coordination (who recorded it)
 * and the partner concerned (the people who speak for its structure, or its named signatory, while members of
 * the territory other than observers) see it; another partner, an observer or a visitor does not.
 */
export const scanPolicy = {
  view: (principal: Principal, scan: ScanRef) => {
    if (territoryPolicy.edit(principal, scan)) return true;
    if (principal.kind !== "user" || !(scan.speakerIds.includes(principal.userId) || scan.signatoryUserId === principal.userId)) return false;
    const role = roleIn(principal, scan);
    return role !== undefined && role !== "observer";
  },
} as const;

export type SignatureAction = keyof typeof signaturePolicy;

export function signatureAbilities(principal: Principal, partner: SignatoryRef): Record<SignatureAction, boolean> {
  return abilitiesOf(signaturePolicy, principal, partner);
}
