import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { mappingPolicy, type MappingAction } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;
const people = policyPrincipals(territory, other);

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand: the territory's `edit` ability (coordinators, administrators), nothing more.
//                                  anonymous stranger observer contributor partner coordinator admin
const table: Record<MappingAction, Row> = {
  use: [false, false, false, false, false, true, true],
  list: [false, false, false, false, false, true, true],
  save: [false, false, false, false, false, true, true],
  delete: [false, false, false, false, false, true, true],
};

describe("column mapping policy (role × action)", () => {
  policyTable(people, table, (action, person) => mappingPolicy[action](person, territory));

  it("an observer here who coordinates another territory has no right here", () => {
    const coordinatorThere = policyPrincipals(territory, other, "coordinator").observer as Principal;
    for (const action of Object.keys(table) as MappingAction[]) expect(mappingPolicy[action](coordinatorThere, territory)).toBe(false);
  });

  it("the system (command line, demo seed) may use a mapping, as it may import, but keeps none", () => {
    const system: Principal = { kind: "system", label: "cli" };
    expect([mappingPolicy.use(system, territory), mappingPolicy.save(system, territory), mappingPolicy.delete(system, territory)]).toEqual([true, false, false]);
  });

  it("a coordinator of a territory not verified may not import nor keep mappings", () => {
    for (const action of Object.keys(table) as MappingAction[]) {
      expect(mappingPolicy[action](people.coordinator as Principal, { id: territory.id, status: "pending" })).toBe(false);
      expect(mappingPolicy[action](people.admin as Principal, { id: territory.id, status: "pending" })).toBe(true);
    }
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(mappingPolicy).sort()).toEqual(Object.keys(table).sort());
  });
});
