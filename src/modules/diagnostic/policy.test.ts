import { describe, expect, it } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import { policyActors } from "@/testing/policy-actors";
import { diagnosticPolicy, type DiagnosticAction } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Actor> = { ...policyActors(territory, { id: "t-2" }, "coordinator") };

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
  const names = Object.keys(people);
  for (const [action, row] of Object.entries(table) as [DiagnosticAction, Row][]) {
    for (const [i, name] of names.entries()) {
      it(`${name} ${row[i] ? "may" : "may not"} ${action}`, () => {
        expect(diagnosticPolicy[action](people[name] as Actor, territory)).toBe(row[i]);
      });
    }
  }
});
