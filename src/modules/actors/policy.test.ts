import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { actorAbilities, actorPolicy, actorRegistryPolicy, type ActorAction } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;

const people: Record<string, Principal> = { ...policyPrincipals(territory, other) };

// Every person of the table speaks for "own" (even the stranger and the observer): the role decides.
const own = { speakerIds: Object.values(people).flatMap((p) => (p.kind === "user" ? [p.userId] : [])) };
const notOwn = { speakerIds: ["u-somebody-else"] };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// The expected tables, written by hand: one row per action, one column per person.
//                                     anonymous stranger observer contributor partner coordinator admin
const onAnotherActor: Record<ActorAction, Row> = {
  viewPublic: [true, true, true, true, true, true, true],
  list: [false, false, true, true, true, true, true],
  viewPrivateContacts: [false, false, true, true, true, true, true],
  export: [false, false, true, true, true, true, true],
  create: [false, false, false, false, false, true, true],
  edit: [false, false, false, false, false, true, true],
  manageContacts: [false, false, false, false, false, true, true],
  annotate: [false, false, false, false, false, true, true],
  linkMember: [false, false, false, false, false, true, true],
  requestToSpeak: [false, false, false, false, true, false, false],
  delete: [false, false, false, false, false, true, true],
};
// Speaking for the actor only adds the right to edit it and its contacts, and only to partners of the territory.
const onOwnActor: Record<ActorAction, Row> = {
  ...onAnotherActor,
  edit: [false, false, false, false, true, true, true],
  manageContacts: [false, false, false, false, true, true, true],
  // The follow-up status ("engagé / à mobiliser") stays the coordination's judgement, even on the partner's own structure.
  annotate: [false, false, false, false, false, true, true],
  // Already speaking for it: nothing to ask.
  requestToSpeak: [false, false, false, false, false, false, false],
  // Speaking for a structure is not administering the shared registry: its partner does not delete it.
  delete: [false, false, false, false, false, true, true],
};

// A territory waiting for verification (or refused, suspended): its own records about the actor
// (contacts, follow-up) as usual; the shared record as a visitor, whoever speaks for the actor.
const unverifiedTable: Record<ActorAction, Row> = {
  ...onAnotherActor,
  create: [false, false, false, false, false, false, true],
  edit: [false, false, false, false, false, false, true],
  linkMember: [false, false, false, false, false, false, true],
  delete: [false, false, false, false, false, false, true],
};
const unverifiedOwn: Record<ActorAction, Row> = {
  ...unverifiedTable,
  manageContacts: [false, false, false, false, true, true, true],
  requestToSpeak: [false, false, false, false, false, false, false],
};

describe("actor policy in a territory not verified (role × action)", () => {
  for (const status of ["pending", "refused", "suspended"] as const) {
    for (const [label, record, table] of [
      ["another actor", notOwn, unverifiedTable],
      ["their own actor", own, unverifiedOwn],
    ] as const) {
      policyTable(people, table, (action, person) => actorPolicy[action](person, { id: territory.id, status }, record), { suffix: ` (${label}, territory ${status})` });
    }
  }
});

describe("actor policy (role × action)", () => {
  for (const [label, record, table] of [
    ["another actor", notOwn, onAnotherActor],
    ["their own actor", own, onOwnActor],
  ] as const) {
    policyTable(people, table, (action, person) => actorPolicy[action](person, territory, record), { suffix: ` (${label})` });
  }

  it("a coordinator elsewhere has no rights here, even when named for the actor", () => {
    expect(actorAbilities(people.stranger as Principal, territory, own)).toEqual(Object.fromEntries(Object.keys(onAnotherActor).map((a) => [a, a === "viewPublic"])));
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(actorAbilities(people.admin as Principal, territory)).sort()).toEqual(Object.keys(onAnotherActor).sort());
  });
});

describe("importing structures into the registry of actors (role × territory)", () => {
  const everyone: Record<string, Principal> = { ...people, system: { kind: "system", label: "cli" } };
  //                                 anonymous stranger observer contributor partner coordinator admin system
  policyTable(everyone, { import: [false, false, false, false, false, true, true, true] }, (_a, person) => actorRegistryPolicy.import(person, territory), { suffix: " actors (territory verified)" });
  policyTable(everyone, { import: [false, false, false, false, false, false, true, true] }, (_a, person) => actorRegistryPolicy.import(person, { id: territory.id, status: "pending" }), { suffix: " actors (territory pending)" });
  policyTable(everyone, { import: [false, false, false, false, false, false, true, true] }, (_a, person) => actorRegistryPolicy.import(person, undefined), { suffix: " actors with no territory" });
});
