import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/platform/auth/actor";
import { territoryAbilities, territoryPolicy, type TerritoryAction } from "./policy";

const territory = { id: "t-1" };
const other = { id: "t-2" };

function member(role: Role, admin = false): Actor {
  return { kind: "user", userId: `u-${role}`, name: role, email: `${role}@exemple.test`, isPlatformAdmin: admin, roles: { [territory.id]: role, [other.id]: "observer" } };
}

const actors: Record<string, Actor> = {
  anonymous: { kind: "anonymous" },
  stranger: { kind: "user", userId: "u-x", name: "x", email: "x@exemple.test", isPlatformAdmin: false, roles: { [other.id]: "coordinator" } },
  observer: member("observer"),
  contributor: member("contributor"),
  partner: member("partner"),
  coordinator: member("coordinator"),
  admin: { kind: "user", userId: "u-a", name: "a", email: "a@exemple.test", isPlatformAdmin: true, roles: {} },
};

// The expected table, written by hand: one row per action, one column per actor.
//                                   anonymous stranger observer contributor partner coordinator admin
const expected: Record<TerritoryAction, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  viewPublicPage: [true, true, true, true, true, true, true],
  viewWorkspace: [false, false, true, true, true, true, true],
  viewMembers: [false, false, true, true, true, true, true],
  edit: [false, false, false, false, false, true, true],
  manageMembers: [false, false, false, false, false, true, true],
  invite: [false, false, false, false, false, true, true],
  viewAuditLog: [false, false, false, false, false, true, true],
  leave: [false, false, true, true, true, true, false],
};

describe("territory policy (role × action)", () => {
  const names = Object.keys(actors);
  for (const [action, row] of Object.entries(expected) as [TerritoryAction, boolean[]][]) {
    for (const [i, name] of names.entries()) {
      it(`${name} ${row[i] ? "may" : "may not"} ${action}`, () => {
        expect(territoryPolicy[action](actors[name] as Actor, territory)).toBe(row[i]);
      });
    }
  }

  it("a coordinator elsewhere has no rights here", () => {
    expect(territoryAbilities(actors.stranger as Actor, territory)).toEqual(Object.fromEntries(Object.keys(expected).map((a) => [a, a === "viewPublicPage"])));
  });

  it("only signed-in people may create a territory", () => {
    expect(territoryPolicy.create({ kind: "anonymous" })).toBe(false);
    expect(territoryPolicy.create(member("observer"))).toBe(true);
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(territoryAbilities(actors.admin as Actor, territory)).sort()).toEqual(Object.keys(expected).sort());
  });
});
