import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { diagnosticPolicy, type DiagnosticAction } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const table: Record<DiagnosticAction, Row> = {
  view: [false, false, true, true, true, true, true],
  export: [false, false, true, true, true, true, true],
  configure: [false, false, false, false, false, true, true],
  importIndicators: [false, false, false, false, false, true, true],
  publishReport: [false, false, false, false, false, true, true],
};

describe("diagnostic policy (role × action)", () => {
  policyTable(people, table, (action, person) => diagnosticPolicy[action](person, territory));
});
