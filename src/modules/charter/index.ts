// Public entry of the charter module: the charter of commitments, its versions, partners and commitments (phase 5).
// Other modules and the composition layer import from "@/modules/charter" only.
export * from "./schema";
export { canonicalJson, contentSha256 } from "./canonical-json";
export { markSignedIn, submitVersion, type ComposeContent } from "./commands";
export { charterAbilities, charterPolicy, commitmentPolicy, type CharterAbilities, type CharterPartnerRef } from "./policy";
export {
  commitmentsOf,
  findCharter,
  findCharterVersion,
  isFrozen,
  latestVersionWith,
  listCharterVersions,
  partnersOf,
  sectionsOf,
  storedContentOf,
  versionById,
  type Charter,
  type CharterCommitment,
  type CharterPartner,
  type CharterVersion,
} from "./queries";
export { actionRoleLabels, charterKindLabels, sectionKindLabels, versionStatusLabels } from "./validation";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";
