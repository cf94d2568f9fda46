import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { governancePolicy, type GovernanceAction } from "./policy";

const base = policyPrincipals({ id: "t-1" }, { id: "t-2" }, "coordinator");
const partner = (userId: string): Principal => ({ kind: "user", userId, name: userId, email: `${userId}@exemple.test`, isPlatformAdmin: false, roles: { "t-1": "partner" } });
const people: Record<string, Principal> = {
  anonymous: base.anonymous as Principal,
  stranger: base.stranger as Principal,
  observer: base.observer as Principal,
  partner: partner("u-part"), // a partner of the territory, not in the body
  president: partner("u-pres"), // the body's président·e
  coPorteur: partner("u-copo"),
  // In the body's list but no longer a member of the territory.
  gone: { kind: "user", userId: "u-gone", name: "g", email: "g@exemple.test", isPlatformAdmin: false, roles: {} },
  coordinator: base.coordinator as Principal,
  admin: base.admin as Principal,
};
const body = { id: "t-1", people: { "u-pres": "president", "u-copo": "co_porteur", "u-gone": "president" } as const };

// Written by hand. Columns: anonymous stranger observer partner president coPorteur gone coordinator admin
const table: Record<GovernanceAction, boolean[]> = {
  view: [false, false, true, true, true, true, false, true, true],
  create: [false, false, false, false, false, false, false, true, true],
  manage: [false, false, false, false, true, false, false, true, true],
  // The président·e manages the body but may not delete it.
  delete: [false, false, false, false, false, false, false, true, true],
  manageContacts: [false, false, false, false, false, false, false, true, true],
  citeDecision: [false, false, false, true, true, true, false, true, true],
};

describe("governance policy (role × action)", () => {
  policyTable(people, table, (action, person) => (action === "manage" ? governancePolicy.manage(person, body) : governancePolicy[action](person, { id: "t-1" })));
});
