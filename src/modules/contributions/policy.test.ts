import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { contributionPolicy, type ContributionAction } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;

const actors: Record<string, Principal> = { ...policyPrincipals(territory, other, "coordinator"), system: { kind: "system", label: "cli" } };

// The expected table, written by hand: one row per action, one column per principal.
//                                        anonymous stranger observer contributor partner coordinator admin system
const expected: Record<ContributionAction, boolean[]> = {
  propose: [true, true, true, true, true, true, true, true],
  moderate: [false, false, false, false, false, true, true, false],
};

describe("contribution policy (role × action)", () => {
  policyTable(actors, expected, (action, person) => contributionPolicy[action](person, territory));

  it("a coordinator of another territory may not moderate here", () => {
    expect(contributionPolicy.moderate(actors.stranger as Principal, territory)).toBe(false);
    expect(contributionPolicy.moderate(actors.stranger as Principal, other)).toBe(true);
  });

  it("a coordinator of a territory not verified may not moderate (accepting writes the shared registry)", () => {
    for (const status of ["pending", "refused", "suspended"] as const) {
      expect(contributionPolicy.moderate(actors.coordinator as Principal, { id: territory.id, status })).toBe(false);
      expect(contributionPolicy.moderate(actors.admin as Principal, { id: territory.id, status })).toBe(true);
    }
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(contributionPolicy).sort()).toEqual(Object.keys(expected).sort());
  });
});
