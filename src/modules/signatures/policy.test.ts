import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { journalPolicy, signaturePolicy } from "./policy";

const territory = { id: "t-1", status: "verified" as const };
const base = policyPrincipals(territory, { id: "t-2" }, "coordinator");
const people: Record<string, Principal> = {
  ...base,
  // The account a partner named to sign, a partner of the territory.
  signatory: { kind: "user", userId: "u-sign", name: "Signataire", email: "s@exemple.test", isPlatformAdmin: false, roles: { "t-1": "partner" } },
  // Named, but no longer a member of the territory.
  formerSignatory: { kind: "user", userId: "u-sign", name: "Signataire", email: "s@exemple.test", isPlatformAdmin: false, roles: {} },
};
const partner = { ...territory, signatoryUserId: "u-sign" };
const noSignatory = { ...territory, signatoryUserId: null };

// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin signatory formerSignatory
describe("signature policy (person × action, on a partner whose named signatory is u-sign)", () => {
  policyTable(
    people,
    {
      sign: [false, false, false, false, false, false, false, true, false],
      recordHandwritten: [false, false, false, false, false, true, true, false, false],
    },
    (action, person) => signaturePolicy[action](person, partner),
  );
});

describe("signature policy on a partner that named nobody: nobody signs online, the coordination records on paper", () => {
  policyTable(
    people,
    {
      sign: [false, false, false, false, false, false, false, false, false],
      recordHandwritten: [false, false, false, false, false, true, true, false, false],
    },
    (action, person) => signaturePolicy[action](person, noSignatory),
  );
});

describe("journal policy (person × action)", () => {
  policyTable(
    people,
    {
      view: [false, false, true, true, true, true, true, true, false],
      print: [false, false, false, false, false, true, true, false, false],
    },
    (action, person) => journalPolicy[action](person, territory),
  );
});
