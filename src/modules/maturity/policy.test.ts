import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { policyPrincipals } from "@/testing/policy-principals";
import { policyTable } from "@/testing/policy-table";
import type { TerritoryRef } from "@/modules/territories/policy";
import { maturityAbilities, maturityPolicy, noMaturityActor, type MaturityAction, type MaturityRef } from "./policy";

const verified: TerritoryRef = { id: "t-1", status: "verified" };
const pending: TerritoryRef = { id: "t-1", status: "pending" };
const other = { id: "t-2", status: "verified" } as const;

const people: Record<string, Principal> = { ...policyPrincipals(verified, other) };

// Every person of the table speaks for "own" (even the stranger and the observer): the role decides.
const everyone = Object.values(people).flatMap((p) => (p.kind === "user" ? [p.userId] : []));
const ref = (speaks: boolean, joined: boolean): MaturityRef => ({ speakerIds: speaks ? everyone : ["u-somebody-else"], joined });

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
// The expected tables, written by hand: territory × verified? × (speaks for the actor, joined as partner) × action.
//                                            anonymous stranger observer contributor partner coordinator admin
const cases: [string, TerritoryRef, MaturityRef, Record<MaturityAction, Row>][] = [
  [
    "verified territory, actor not joined, another actor",
    verified,
    ref(false, false),
    {
      selfAssess: [false, false, false, false, false, false, false],
      viewResults: [false, false, false, false, false, false, true],
      viewTerritory: [false, false, true, true, true, true, true],
    },
  ],
  [
    "verified territory, actor joined, another actor",
    verified,
    ref(false, true),
    {
      selfAssess: [false, false, false, false, false, true, true],
      viewResults: [false, false, true, true, true, true, true],
      viewTerritory: [false, false, true, true, true, true, true],
    },
  ],
  [
    "verified territory, actor joined, their own actor",
    verified,
    ref(true, true),
    {
      selfAssess: [false, false, false, false, true, true, true],
      // The actor's own people read its results wherever they are (the stranger speaks for it too).
      viewResults: [false, true, true, true, true, true, true],
      viewTerritory: [false, false, true, true, true, true, true],
    },
  ],
  [
    "pending territory, actor joined, another actor",
    pending,
    ref(false, true),
    {
      selfAssess: [false, false, false, false, false, false, false],
      viewResults: [false, false, false, false, false, false, true],
      viewTerritory: [false, false, true, true, true, true, true],
    },
  ],
  [
    "pending territory, their own actor",
    pending,
    ref(true, true),
    {
      selfAssess: [false, false, false, false, false, false, false],
      viewResults: [false, true, true, true, true, true, true],
      viewTerritory: [false, false, true, true, true, true, true],
    },
  ],
];

describe("maturity policy (role × verified × joined × action)", () => {
  for (const [label, t, record, table] of cases) {
    policyTable(people, table, (action, person) => maturityPolicy[action](person, t, record), { suffix: ` (${label})` });
  }

  it("a coordinator elsewhere reads nothing of an actor it does not speak for", () => {
    expect(maturityAbilities(people.stranger as Principal, verified, ref(false, true))).toEqual({ selfAssess: false, viewResults: false, viewTerritory: false });
  });

  it("covers every action of the policy", () => {
    expect(Object.keys(maturityAbilities(people.admin as Principal, verified, noMaturityActor)).sort()).toEqual(["selfAssess", "viewResults", "viewTerritory"]);
  });
});
