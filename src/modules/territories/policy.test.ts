import { describe, expect, it } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import { policyActors } from "@/testing/policy-actors";
import { territoryAbilities, territoryPolicy, type TerritoryAction } from "./policy";

const territory = { id: "t-1" };
const other = { id: "t-2" };

const actors: Record<string, Actor> = { ...policyActors(territory, other) };

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
    expect(territoryPolicy.create(actors.observer as Actor)).toBe(true);
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(territoryAbilities(actors.admin as Actor, territory)).sort()).toEqual(Object.keys(expected).sort());
  });
});
