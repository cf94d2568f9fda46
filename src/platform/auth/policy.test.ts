import { describe, expect, it } from "vitest";
import { AppError } from "@/platform/errors";
import type { Principal } from "./principal";
import { abilitiesOf, authorize, isAdmin, roleIn } from "./policy";

const partner: Principal = { kind: "user", userId: "u-1", name: "Awa", email: "awa@exemple.test", isPlatformAdmin: false, roles: { "t-1": "partner" } };
const admin: Principal = { kind: "user", userId: "u-2", name: "Léo", email: "leo@exemple.test", isPlatformAdmin: true, roles: {} };
const system: Principal = { kind: "system", label: "cli" };

describe("the policy kit", () => {
  it("reads a person's role in a territory; none elsewhere, none for the system or a visitor", () => {
    expect(roleIn(partner, { id: "t-1" })).toBe("partner");
    expect(roleIn(partner, { id: "t-2" })).toBeUndefined();
    expect(roleIn(system, { id: "t-1" })).toBeUndefined();
    expect(roleIn({ kind: "anonymous" }, { id: "t-1" })).toBeUndefined();
  });

  it("platform administration is a person's, never the system's", () => {
    expect([isAdmin(admin), isAdmin(partner), isAdmin(system)]).toEqual([true, false, false]);
  });

  it("gives a page each action's answer, asked of the policy with the same arguments", () => {
    const policy = {
      read: (a: Principal, t: { id: string }) => roleIn(a, t) !== undefined,
      write: (a: Principal, t: { id: string }, n: number) => isAdmin(a) || n > 2,
    };
    expect(abilitiesOf(policy, partner, { id: "t-1" }, 1)).toEqual({ read: true, write: false });
    expect(abilitiesOf(policy, admin, { id: "t-1" }, 1)).toEqual({ read: false, write: true });
  });

  it("authorize refuses with the typed 403 and lets an allowed command go on", () => {
    expect(() => authorize(true)).not.toThrow();
    try {
      authorize(false);
      expect.unreachable("authorize(false) must throw");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).id).toBe("forbidden");
      expect((e as AppError).status).toBe(403);
    }
  });
});
