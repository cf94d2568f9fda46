import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { fundingPolicy, type FundingAction } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const table: Record<FundingAction, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  view: [false, false, true, true, true, true, true],
  manage: [false, false, false, false, false, true, true],
};

describe("funding policy (role × action)", () => {
  policyTable(people, table, (action, person) => fundingPolicy[action](person, territory));
});
