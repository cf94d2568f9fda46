import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { charterPolicy, commitmentPolicy, type CharterPartnerRef } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin

describe("charter policy, territory level (role × action)", () => {
  const table: Record<keyof typeof charterPolicy, Row> = {
    view: [false, false, true, true, true, true, true],
    manage: [false, false, false, false, false, true, true],
    comment: [false, false, false, true, true, true, true],
  };
  policyTable(people, table, (action, person) => charterPolicy[action](person, territory));
});

describe("commitments of a partner the partner speaks for (the observer and the stranger are listed as its speakers too)", () => {
  // Only a speaker who is a member of the territory other than an observer writes; the coordinator does not speak
  // for this structure, which has speakers: refused (each partner writes its own commitments).
  const partner: CharterPartnerRef = { ...territory, speakerIds: ["u-partner", "u-observer", "u-x"] };
  const table: Record<keyof typeof commitmentPolicy, Row> = {
    write: [false, false, false, false, true, false, false],
  };
  policyTable(people, table, (action, person) => commitmentPolicy[action](person, partner), { suffix: " (own partner)" });
});

describe("commitments of ANOTHER partner: the partner is refused (403 in the commands)", () => {
  const other: CharterPartnerRef = { ...territory, speakerIds: ["u-someone-else"] };
  const table: Record<keyof typeof commitmentPolicy, Row> = {
    write: [false, false, false, false, false, false, false],
  };
  policyTable(people, table, (action, person) => commitmentPolicy[action](person, other), { suffix: " (another partner)" });
});

describe("commitments of a partner nobody speaks for on the platform: the coordination writes them on its behalf", () => {
  const silent: CharterPartnerRef = { ...territory, speakerIds: [] };
  const table: Record<keyof typeof commitmentPolicy, Row> = {
    write: [false, false, false, false, false, true, true],
  };
  policyTable(people, table, (action, person) => commitmentPolicy[action](person, silent), { suffix: " (no speaker)" });
});

describe("the system (demo, command line)", () => {
  it("manages the charter and writes any partner's commitments", () => {
    expect(charterPolicy.manage({ kind: "system", label: "démo" }, territory)).toBe(true);
    expect(commitmentPolicy.write({ kind: "system", label: "démo" }, { ...territory, speakerIds: ["u-partner"] })).toBe(true);
  });
});
