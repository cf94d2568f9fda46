import type { Actor } from "@/platform/auth/actor";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/**
 * Who may map a producer's file and keep mappings: whoever may import places into the territory,
 * that is the territory's `editRegistry` ability (the coordinators of a verified territory and the
 * platform's administrators). No role of its own: reused, not re-derived.
 */
const canImport = (actor: Actor, t: TerritoryRef) => territoryPolicy.editRegistry(actor, t);

export const mappingPolicy = {
  /** Upload a file, see the suggestions, preview, check (dry run) and import; the system (CLI, seed) too, as importPlaces allows. */
  use: (actor: Actor, t: TerritoryRef) => actor.kind === "system" || canImport(actor, t),
  list: canImport,
  save: canImport,
  delete: canImport,
} as const;

export type MappingAction = keyof typeof mappingPolicy;
