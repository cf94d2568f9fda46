import { describe } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import { placePolicy, placeRegistryPolicy, type PlaceAction } from "./policy";

const territory = { id: "t-1", status: "verified" } as const;
const other = { id: "t-2", status: "verified" } as const;
const people: Record<string, Principal> = { ...policyPrincipals(territory, other) };

// Every person of the table speaks for the place's actor: the role decides.
const ownActor = { actorSpeakerIds: Object.values(people).flatMap((p) => (p.kind === "user" ? [p.userId] : [])) };
const otherActor = { actorSpeakerIds: ["u-somebody-else"] };
const noActor = { actorSpeakerIds: [] };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// Written by hand: one row per action, one column per person.
//                                       anonymous stranger observer contributor partner coordinator admin
const placeOfAnotherActor: Record<PlaceAction, Row> = {
  edit: [false, false, false, false, false, true, true],
  linkActor: [false, false, false, false, false, true, true],
  moveOutside: [false, false, false, false, false, false, true],
};
const placeOfTheirActor: Record<PlaceAction, Row> = { ...placeOfAnotherActor, edit: [false, false, false, false, true, true, true] };

describe("place policy (role × action)", () => {
  for (const [label, ref, table] of [
    ["a place of another actor", otherActor, placeOfAnotherActor],
    ["a place without actor", noActor, placeOfAnotherActor],
    ["a place of their own actor", ownActor, placeOfTheirActor],
  ] as const) {
    policyTable(people, table, (action, person) => placePolicy[action](person, territory, ref), { suffix: ` (${label})` });
  }
});

describe("place policy in a territory not verified", () => {
  // Written by hand: only platform administrators keep rights; speaking for the actor gives none here.
  //                       anonymous stranger observer contributor partner coordinator admin
  const table: Record<PlaceAction, Row> = {
    edit: [false, false, false, false, false, false, true],
    linkActor: [false, false, false, false, false, false, true],
    moveOutside: [false, false, false, false, false, false, true],
  };
  for (const status of ["pending", "refused", "suspended"] as const) {
    policyTable(people, table, (action, person) => placePolicy[action](person, { id: territory.id, status }, ownActor), { suffix: ` (own actor's place, territory ${status})` });
  }
});

describe("place registry policy (role × verified × action)", () => {
  const everyone: Record<string, Principal> = { ...people, system: { kind: "system", label: "cli" } };
  // Written by hand.                  anonymous stranger observer contributor partner coordinator admin system
  const verified = {
    import: [false, false, false, false, false, true, true, true],
    merge: [false, false, false, false, false, true, true, false],
  };
  const pending = {
    import: [false, false, false, false, false, false, true, true],
    merge: [false, false, false, false, false, false, true, false],
  };
  const noTerritory = [false, false, false, false, false, false, true, true];
  for (const [label, t, table] of [
    ["verified", territory, verified],
    ["pending", { id: territory.id, status: "pending" as const }, pending],
  ] as const) {
    policyTable(everyone, table, (action, person) => placeRegistryPolicy[action](person, t), { suffix: ` places (territory ${label})` });
  }
  policyTable(everyone, { import: noTerritory }, (action, person) => placeRegistryPolicy[action](person, undefined), { suffix: " places with no territory" });
});
