import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { platformPolicy, territoryAbilities, territoryPolicy, type PlatformAction, type TerritoryAction, type TerritoryStatus } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;

const actors: Record<string, Principal> = { ...policyPrincipals(territory, other) };

// The expected table, written by hand: one row per action, one column per principal.
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
  editRegistry: [false, false, false, false, false, true, true],
};

// A territory the platform has not verified: its own content as usual, no right over the shared registry
// (only platform administrators keep theirs).
const unverified: typeof expected = { ...expected, editRegistry: [false, false, false, false, false, false, true] };

describe("territory policy (role × action)", () => {
  policyTable(actors, expected, (action, person) => territoryPolicy[action](person, territory));

  for (const status of ["pending", "refused", "suspended"] as TerritoryStatus[]) {
    policyTable(actors, unverified, (action, person) => territoryPolicy[action](person, { id: territory.id, status }), { suffix: ` (territory ${status})` });
  }

  it("a reference without a status counts as not verified (fail closed)", () => {
    expect(territoryPolicy.editRegistry(actors.coordinator as Principal, { id: territory.id })).toBe(false);
    expect(territoryPolicy.edit(actors.coordinator as Principal, { id: territory.id })).toBe(true);
  });

  it("a coordinator elsewhere has no rights here", () => {
    expect(territoryAbilities(actors.stranger as Principal, territory)).toEqual(Object.fromEntries(Object.keys(expected).map((a) => [a, a === "viewPublicPage"])));
  });

  it("only signed-in people (and the system) may create a territory", () => {
    expect(territoryPolicy.create({ kind: "anonymous" })).toBe(false);
    expect(territoryPolicy.create(actors.observer as Principal)).toBe(true);
    expect(territoryPolicy.create({ kind: "system", label: "cli" })).toBe(true);
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(territoryAbilities(actors.admin as Principal, territory)).sort()).toEqual(Object.keys(expected).sort());
  });
});

describe("platform policy (person × action)", () => {
  const people: Record<string, Principal> = { anonymous: { kind: "anonymous" }, coordinator: actors.coordinator as Principal, admin: actors.admin as Principal, system: { kind: "system", label: "cli" } };
  // Written by hand.            anonymous coordinator admin system
  const table: Record<PlatformAction, [boolean, boolean, boolean, boolean]> = {
    administer: [false, false, true, false],
    reviewTerritories: [false, false, true, true],
    createVerified: [false, false, true, true],
    grantAdmin: [false, false, true, true],
    importAnywhere: [false, false, true, true],
  };
  policyTable(people, table, (action, person) => platformPolicy[action](person));
  it("covers every action of the policy", () => {
    expect(Object.keys(platformPolicy).sort()).toEqual(Object.keys(table).sort());
  });
});
