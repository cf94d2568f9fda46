import { createHash } from "node:crypto";

export const sha256Hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** The charter's canonical JSON (decision 026): one rule for the version's hash and the journal's entries. */
export { canonicalJson } from "@/modules/charter";
