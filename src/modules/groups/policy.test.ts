import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { groupPolicy, watchPolicy, type GroupRef } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin

describe("groups policy, territory level (role × action)", () => {
  const table: Record<"view" | "create", Row> = {
    view: [false, false, true, true, true, true, true],
    create: [false, false, false, false, false, true, true],
  };
  policyTable(people, table, (action, person) => groupPolicy[action](person, territory));
});

type GroupLevel = "manage" | "delete" | "participate" | "convert";

describe("groups policy, a group the partner animates, where the contributor is a member and the observer a guest", () => {
  // The stranger (coordinator elsewhere) is listed as a member too: leaving the territory ends every right.
  const group: GroupRef = { ...territory, people: { "u-partner": "animateur", "u-contributor": "membre", "u-observer": "invite", "u-x": "membre" } };
  const table: Record<GroupLevel, Row> = {
    manage: [false, false, false, false, true, true, true],
    delete: [false, false, false, false, false, true, true],
    participate: [false, false, true, true, true, true, true],
    // The animateur (partner) may not: the plan lets only the coordination draft actions (planPolicy.draft).
    convert: [false, false, false, false, false, true, true],
  };
  policyTable(people, table, (action, person) => groupPolicy[action](person, group), { suffix: " (people in the group)" });
});

describe("groups policy, a group with nobody of the territory in it", () => {
  const group: GroupRef = { ...territory, people: {} };
  const table: Record<GroupLevel, Row> = {
    manage: [false, false, false, false, false, true, true],
    delete: [false, false, false, false, false, true, true],
    participate: [false, false, false, false, false, true, true],
    convert: [false, false, false, false, false, true, true],
  };
  policyTable(people, table, (action, person) => groupPolicy[action](person, group), { suffix: " (empty group)" });
});

describe("shared watch policy", () => {
  const territoryTable: Record<"view" | "post" | "subscribe", Row> = {
    view: [false, false, true, true, true, true, true],
    post: [false, false, false, true, true, true, true],
    subscribe: [false, false, true, true, true, true, true],
  };
  policyTable(people, territoryTable, (action, person) => watchPolicy[action](person, territory));
  const byPartner = { ...territory, postedBy: "u-partner" };
  policyTable(people, { remove: [false, false, false, false, true, true, true] as Row }, (_a, person) => watchPolicy.remove(person, byPartner), { suffix: " (item posted by the partner)" });
});
