import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { actionPolicy, planPolicy, type PlanAction } from "./policy";

const territory = { id: "t-1" };
const people: Record<string, Principal> = { ...policyPrincipals(territory, { id: "t-2" }, "coordinator") };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand. Columns: anonymous stranger observer contributor partner coordinator admin
const plan: Record<PlanAction, Row> = {
  view: [false, false, true, true, true, true, true],
  edit: [false, false, false, false, false, true, true],
  draft: [false, false, false, false, false, true, true],
};
// Following up one action (status, steps): the coordination, and the people who speak for its lead actor.
const leadSpokenByPartner = { leadSpeakerIds: ["u-partner", "u-x"] };
const noSpeaker = { leadSpeakerIds: [] };
const track: Record<string, Row> = {
  "track (lead spoken for by the partner and by a stranger)": [false, false, false, false, true, true, true],
  "track (lead without speakers)": [false, false, false, false, false, true, true],
};

describe("plan policy (role × action)", () => {
  policyTable(people, plan, (action, person) => planPolicy[action](person, territory));
  policyTable(people, track, (label, person) => actionPolicy.track(person, territory, label.includes("without") ? noSpeaker : leadSpokenByPartner));
});
