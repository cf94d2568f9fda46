import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { statsPolicy, type StatsAction } from "./stats-policy";

const verified = { id: "t-1", status: "verified" as const };
const pending = { id: "t-1", status: "pending" as const };
// The stranger coordinates another territory (t-2): no rights here.
const people: Record<string, Principal> = { ...policyPrincipals(verified, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const onVerified: Record<StatsAction, Row> = {
  view: [false, false, true, true, true, true, true],
  exportStats: [false, false, true, true, true, true, true],
  exportRecords: [false, false, false, false, true, true, true],
  viewPublic: [true, true, true, true, true, true, true],
};
// A territory the platform has not verified yet: its members work as usual, nothing is published.
const onPending: Record<StatsAction, Row> = {
  view: [false, false, true, true, true, true, true],
  exportStats: [false, false, true, true, true, true, true],
  exportRecords: [false, false, false, false, true, true, true],
  viewPublic: [false, false, false, false, false, false, false],
};

describe("accompaniment statistics policy (role × action)", () => {
  policyTable(people, onVerified, (action, person) => statsPolicy[action](person, verified), { suffix: " (verified territory)" });
  policyTable(people, onPending, (action, person) => statsPolicy[action](person, pending), { suffix: " (pending territory)" });
});
