import { describe, expect, it } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import { policyActors } from "@/testing/policy-actors";
import { placePolicy, type PlaceAction } from "./policy";

const territory = { id: "t-1" };
const other = { id: "t-2" };
const people: Record<string, Actor> = { ...policyActors(territory, other) };

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
  const names = Object.keys(people);
  for (const [label, ref, table] of [
    ["a place of another actor", otherActor, placeOfAnotherActor],
    ["a place without actor", noActor, placeOfAnotherActor],
    ["a place of their own actor", ownActor, placeOfTheirActor],
  ] as const) {
    for (const [action, row] of Object.entries(table) as [PlaceAction, Row][]) {
      for (const [i, name] of names.entries()) {
        it(`${name} ${row[i] ? "may" : "may not"} ${action} (${label})`, () => {
          expect(placePolicy[action](people[name] as Actor, territory, ref)).toBe(row[i]);
        });
      }
    }
  }
});
