import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { accompanimentPolicy } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;
const people: Record<string, Principal> = { ...policyPrincipals(territory, other, "coordinator") };
const everyone = Object.values(people).flatMap((p) => (p.kind === "user" ? [p.userId] : []));

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin

describe("accompaniment policy: the territory as a whole (role × action)", () => {
  const table: Record<"record" | "viewTerritory" | "import", Row> = {
    record: [false, false, false, false, true, true, true],
    viewTerritory: [false, false, false, false, false, true, true],
    import: [false, false, false, false, true, true, true],
  };
  policyTable(people, table, (action, person) => accompanimentPolicy[action](person, territory));
});

describe("accompaniment policy: recording for a place", () => {
  // Everyone of the table speaks for the place's structure: the role decides (a speaker who is an observer records nothing).
  policyTable(people, { recordAt: [false, false, false, false, true, true, true] }, (_a, person) => accompanimentPolicy.recordAt(person, territory, { speakerIds: everyone }), {
    suffix: " (a place of a structure they speak for)",
  });
  // Nobody speaks for it: only the coordination records there.
  policyTable(people, { recordAt: [false, false, false, false, false, true, true] }, (_a, person) => accompanimentPolicy.recordAt(person, territory, { speakerIds: ["u-someone-else"] }), {
    suffix: " (a place of another structure)",
  });
});

describe("accompaniment policy: editing or deleting a record", () => {
  // Their own record, on a place of their structure: the partner may; an observer who wrote it (role changed since) may not.
  const own = (person: Principal) => ({ recordedBy: person.kind === "user" ? person.userId : null, speakerIds: everyone });
  policyTable(people, { change: [false, false, false, false, true, true, true] }, (_a, person) => accompanimentPolicy.change(person, territory, own(person)), { suffix: " (their own record)" });
  // Somebody else's record on the same place: coordination only.
  policyTable(people, { change: [false, false, false, false, false, true, true] }, (_a, person) => accompanimentPolicy.change(person, territory, { recordedBy: "u-someone-else", speakerIds: everyone }), {
    suffix: " (another mediator's record)",
  });
  // Their own record, but they no longer speak for the place's structure: coordination only.
  policyTable(people, { change: [false, false, false, false, false, true, true] }, (_a, person) => accompanimentPolicy.change(person, territory, { recordedBy: person.kind === "user" ? person.userId : null, speakerIds: [] }), {
    suffix: " (their own record, structure left)",
  });
});
