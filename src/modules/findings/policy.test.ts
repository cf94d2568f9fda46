import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { findingPolicy, type FindingAction } from "./policy";

const closed = { id: "t-1", partnersRecordFindings: false };
const open = { id: "t-1", partnersRecordFindings: true };
const people: Record<string, Principal> = { ...policyPrincipals(closed, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const partnersNotAllowed: Record<FindingAction, Row> = {
  view: [false, false, true, true, true, true, true],
  record: [false, false, false, false, false, true, true],
  organise: [false, false, false, false, false, true, true],
  vote: [false, false, false, false, true, true, true],
  configure: [false, false, false, false, false, true, true],
};
const partnersAllowed: Record<FindingAction, Row> = { ...partnersNotAllowed, record: [false, false, false, false, true, true, true] };

describe("findings policy (role × action)", () => {
  for (const [label, territory, table] of [
    ["partners not allowed to record", closed, partnersNotAllowed],
    ["partners allowed to record", open, partnersAllowed],
  ] as const) {
    policyTable(people, table, (action, person) => findingPolicy[action](person, territory), { suffix: ` (${label})` });
  }
});
