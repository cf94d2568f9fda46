import type { Principal } from "@/platform/auth/principal";
import { abilitiesOf } from "@/platform/auth/policy";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";

/** Every decision about the diagnostic (portrait, settings, own indicators, État des lieux). */
export const diagnosticPolicy = {
  /** Members read the portrait, export it, and read the État des lieux being prepared. */
  view: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  export: (principal: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(principal, t),
  /** The distance and fragility threshold of white zones shape every figure: coordination only. */
  configure: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
  importIndicators: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
  /** A published version is dated and numbered, to be shared and signed: coordination only. */
  publishReport: (principal: Principal, t: TerritoryRef) => territoryPolicy.edit(principal, t),
} as const;

export type DiagnosticAction = keyof typeof diagnosticPolicy;
export type DiagnosticAbilities = Record<DiagnosticAction, boolean>;

export function diagnosticAbilities(principal: Principal, t: TerritoryRef): DiagnosticAbilities {
  return abilitiesOf(diagnosticPolicy, principal, t);
}
