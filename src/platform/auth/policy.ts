import { AppError } from "@/platform/errors";
import type { Principal, Role } from "./principal";

/**
 * The pieces every module's policy is written with, once: a person's role in a territory, platform
 * administration, the abilities a page receives, and the refusal a command throws. Generic: nothing
 * here knows a module (platform never imports modules); the rules themselves stay in each policy.
 */

/** The person's role in the territory (none for a visitor, the system, or someone from elsewhere). */
export function roleIn(principal: Principal, territory: { id: string }): Role | undefined {
  return principal.kind === "user" ? principal.roles[territory.id] : undefined;
}

/** A platform administrator (a person, never the system: the system's rights are spelled out per rule). */
export function isAdmin(principal: Principal): boolean {
  return principal.kind === "user" && principal.isPlatformAdmin;
}

/**
 * Every decision of a policy for one person and one resource, for a page to show or hide its
 * controls: the same answers as the policy, computed by the policy.
 */
export function abilitiesOf<A extends unknown[], K extends string>(policy: Readonly<Record<K, (...args: A) => boolean>>, ...args: A): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const action of Object.keys(policy) as K[]) out[action] = policy[action](...args);
  return out;
}

/** A command's refusal when its policy says no: the typed 403, the same everywhere. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError("forbidden");
}
