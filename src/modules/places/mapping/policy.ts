import type { Principal } from "@/platform/auth/principal";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Who may map a producer's file and keep mappings: whoever may import places into the territory,
 * that is the territory's `editRegistry` ability (the coordinators of a verified territory and the
 * platform's administrators). No role of its own: reused, not re-derived.
 */
const canImport = (principal: Principal, t: TerritoryRef) => territoryPolicy.editRegistry(principal, t);

export const mappingPolicy = {
  /** Upload a file, see the suggestions, preview, check (dry run) and import; the system (CLI, seed) too, as importPlaces allows. */
  use: (principal: Principal, t: TerritoryRef) => principal.kind === "system" || canImport(principal, t),
  list: canImport,
  save: canImport,
  delete: canImport,
} as const;

export type MappingAction = keyof typeof mappingPolicy;
