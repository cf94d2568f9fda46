import type { Actor } from "@/platform/auth/actor";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** Every decision about the diagnostic (portrait, settings, own indicators, État des lieux). */
export const diagnosticPolicy = {
  /** Members read the portrait, export it, and read the État des lieux being prepared. */
  view: (actor: Actor, t: TerritoryRef) => territoryPolicy.viewWorkspace(actor, t),
  export: (actor: Actor, t: TerritoryRef) => territoryPolicy.viewWorkspace(actor, t),
  /** The distance and fragility threshold of white zones shape every figure: coordination only. */
  configure: (actor: Actor, t: TerritoryRef) => territoryPolicy.edit(actor, t),
  importIndicators: (actor: Actor, t: TerritoryRef) => territoryPolicy.edit(actor, t),
  /** A published version is dated and numbered, to be shared and signed: coordination only. */
  publishReport: (actor: Actor, t: TerritoryRef) => territoryPolicy.edit(actor, t),
} as const;

export type DiagnosticAction = keyof typeof diagnosticPolicy;
export type DiagnosticAbilities = Record<DiagnosticAction, boolean>;

export function diagnosticAbilities(actor: Actor, t: TerritoryRef): DiagnosticAbilities {
  return abilitiesOf(diagnosticPolicy, actor, t);
}
