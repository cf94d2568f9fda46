import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyTable } from "./policy-table";

const people: Record<string, Principal> = { anonymous: { kind: "anonymous" }, system: { kind: "system", label: "cli" } };

describe("policyTable", () => {
  it("refuses a row without one cell per person (it would test fewer people than it shows)", () => {
    // The check runs before any test is declared, so it can be asked from inside a test.
    expect(() => policyTable(people, { read: [true] }, () => true)).toThrow('policyTable: the row "read" has 1 cells for 2 people (anonymous, system)');
  });

  // A real table: its cells are tests of their own, asked of the rule below.
  policyTable(people, { act: [false, true], watch: [true, true] }, (action, person) => action === "watch" || person.kind === "system", { suffix: " (policyTable's own table)" });
});
