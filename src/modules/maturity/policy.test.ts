import { describe, expect, it } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import { policyActors } from "@/testing/policy-actors";
import { noActor } from "@/modules/actors/policy";
import { maturityAbilities, maturityPolicy, type MaturityAction } from "./policy";

const territory = { id: "t-1" };
const other = { id: "t-2" };

const people: Record<string, Actor> = { ...policyActors(territory, other) };

// Every person of the table speaks for "own" (even the stranger and the observer): the role decides.
const own = { speakerIds: Object.values(people).flatMap((p) => (p.kind === "user" ? [p.userId] : [])) };
const notOwn = { speakerIds: ["u-somebody-else"] };

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// The expected tables, written by hand: one row per action, one column per person.
//                                       anonymous stranger observer contributor partner coordinator admin
const onAnotherActor: Record<MaturityAction, Row> = {
  selfAssess: [false, false, false, false, false, true, true],
  viewResults: [false, false, true, true, true, true, true],
  viewTerritory: [false, false, true, true, true, true, true],
};
// Speaking for the actor adds the right to self-assess it, and only to partners of the territory.
const onOwnActor: Record<MaturityAction, Row> = {
  ...onAnotherActor,
  selfAssess: [false, false, false, false, true, true, true],
};

describe("maturity policy (role × action)", () => {
  const names = Object.keys(people);
  for (const [label, record, table] of [
    ["another actor", notOwn, onAnotherActor],
    ["their own actor", own, onOwnActor],
  ] as const) {
    for (const [action, row] of Object.entries(table) as [MaturityAction, Row][]) {
      for (const [i, name] of names.entries()) {
        it(`${name} ${row[i] ? "may" : "may not"} ${action} (${label})`, () => {
          expect(maturityPolicy[action](people[name] as Actor, territory, record)).toBe(row[i]);
        });
      }
    }
  }

  it("a coordinator elsewhere, named for the actor, has no right here", () => {
    expect(maturityAbilities(people.stranger as Actor, territory, own)).toEqual({ selfAssess: false, viewResults: false, viewTerritory: false });
  });

  it("a partner of the territory who speaks for nobody only reads", () => {
    expect(maturityAbilities(people.partner as Actor, territory, noActor)).toEqual({ selfAssess: false, viewResults: true, viewTerritory: true });
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(maturityAbilities(people.admin as Actor, territory, noActor)).sort()).toEqual(Object.keys(onAnotherActor).sort());
  });
});
