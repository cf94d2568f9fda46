// Public entry of the charter module: the charter of commitments, its versions, partners and commitments (phase 5).
// Other modules and the composition layer import from "@/modules/charter" only.
export * from "./schema";
export { markSignedIn } from "./mark-signed";
