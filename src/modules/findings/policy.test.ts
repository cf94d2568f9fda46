import { describe, expect, it } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import { policyActors } from "@/testing/policy-actors";
import { findingPolicy, type FindingAction } from "./policy";

const closed = { id: "t-1", partnersRecordFindings: false };
const open = { id: "t-1", partnersRecordFindings: true };
const people: Record<string, Actor> = { ...policyActors(closed, { id: "t-2" }, "coordinator") };

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
  const names = Object.keys(people);
  for (const [label, territory, table] of [
    ["partners not allowed to record", closed, partnersNotAllowed],
    ["partners allowed to record", open, partnersAllowed],
  ] as const) {
    for (const [action, row] of Object.entries(table) as [FindingAction, Row][]) {
      for (const [i, name] of names.entries()) {
        it(`${name} ${row[i] ? "may" : "may not"} ${action} (${label})`, () => {
          expect(findingPolicy[action](people[name] as Actor, territory)).toBe(row[i]);
        });
      }
    }
  }
});
