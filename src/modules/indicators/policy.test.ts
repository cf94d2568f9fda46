import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { indicatorPolicy, type IndicatorAction } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const table: Record<IndicatorAction, [boolean, boolean, boolean, boolean, boolean, boolean, boolean]> = {
  view: [false, false, true, true, true, true, true],
  manage: [false, false, false, false, false, true, true],
  measure: [false, false, false, true, true, true, true],
  publishReport: [false, false, false, false, false, true, true],
};

describe("indicator policy (role × action)", () => {
  policyTable(people, table, (action, person) => indicatorPolicy[action](person, territory));
});
