import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { decisionPolicy, feedPolicy, meetingPolicy, type MeetingAction } from "./policy";

const base = policyPrincipals({ id: "t-1" }, { id: "t-2" }, "coordinator");
const partner = (userId: string): Principal => ({ kind: "user", userId, name: userId, email: `${userId}@exemple.test`, isPlatformAdmin: false, roles: { "t-1": "partner" } });
const people: Record<string, Principal> = {
  anonymous: base.anonymous as Principal,
  stranger: base.stranger as Principal,
  observer: base.observer as Principal, // a member of the territory, not of the group
  animateur: partner("u-anim"),
  membre: partner("u-memb"),
  invite: partner("u-inv"),
  // In the group's list but no longer a member of the territory.
  gone: { kind: "user", userId: "u-gone", name: "g", email: "g@exemple.test", isPlatformAdmin: false, roles: {} },
  coordinator: base.coordinator as Principal,
  admin: base.admin as Principal,
};
const group = { id: "t-1", roles: { "u-anim": "animateur", "u-memb": "membre", "u-inv": "invite", "u-gone": "membre" } as const };

// Written by hand. Columns: anonymous stranger observer animateur membre invite gone coordinator admin
const table: Record<MeetingAction, boolean[]> = {
  view: [false, false, false, true, true, true, false, true, true],
  respond: [false, false, false, true, true, true, false, false, false],
  draftMinutes: [false, false, false, true, true, false, false, true, true],
  organise: [false, false, false, true, false, false, false, true, true],
  approveMinutes: [false, false, false, true, false, false, false, true, true],
  decide: [false, false, false, true, false, false, false, true, true],
  // A plain member or a guest neither moves nor cancels a meeting; someone gone from the territory neither.
  edit: [false, false, false, true, false, false, false, true, true],
  cancel: [false, false, false, true, false, false, false, true, true],
};

describe("meetings policy (group role × action)", () => {
  policyTable(people, table, (action, person) => meetingPolicy[action](person, group));
});

describe("decisions log policy", () => {
  policyTable(
    people,
    {
      view: [false, false, true, true, true, true, false, true, true],
      manage: [false, false, false, false, false, false, false, true, true],
    },
    (action, person) => decisionPolicy[action](person, { id: "t-1" }),
  );
});

describe("calendar feed policy", () => {
  policyTable(people, { manage: [false, true, true, true, true, true, true, true, true] }, (_, person) => feedPolicy.manage(person));
});
