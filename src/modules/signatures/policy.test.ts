import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { journalPolicy, scanPolicy, signaturePolicy } from "./policy";

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

// The scan page: the same people, and two who speak for the partner's structure (actor_members): one a partner of
// the territory, one only an observer there. "partner" (u-partner) speaks for another structure.
const scanPeople: Record<string, Principal> = {
  ...people,
  speaker: { kind: "user", userId: "u-speak", name: "Porte-parole", email: "p@exemple.test", isPlatformAdmin: false, roles: { "t-1": "partner" } },
  observingSpeaker: { kind: "user", userId: "u-speak-obs", name: "Observatrice", email: "o@exemple.test", isPlatformAdmin: false, roles: { "t-1": "observer" } },
};
const scan = { ...territory, signatoryUserId: "u-sign", speakerIds: ["u-speak", "u-speak-obs"] };
const orphanScan = { ...territory, signatoryUserId: null, speakerIds: [] };

// Columns: anonymous stranger observer contributor partner coordinator admin signatory formerSignatory speaker observingSpeaker
describe("scan policy (person × action, on the scanned page of a partner named u-sign, spoken for by u-speak and u-speak-obs)", () => {
  policyTable(scanPeople, { view: [false, false, false, false, false, true, true, true, false, true, false] }, (action, person) => scanPolicy[action](person, scan));
});

describe("scan policy on a partner with nobody on the platform: the coordination only", () => {
  policyTable(scanPeople, { view: [false, false, false, false, false, true, true, false, false, false, false] }, (action, person) => scanPolicy[action](person, orphanScan));
});
