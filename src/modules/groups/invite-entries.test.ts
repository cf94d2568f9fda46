import { describe, expect, it } from "vitest";
import { inviteEntries } from "./invite-entries";

describe("one invitation entry per structure", () => {
  it("a structure of two missing worlds is offered once, naming both; a world it has that is not missing is not named", () => {
    const entries = inviteEntries([
      {
        world: "social",
        actors: [
          { id: "a", name: "Mission locale", worlds: ["emploi_insertion", "social", "numerique"], hasPublicEmail: true },
          { id: "b", name: "CCAS", worlds: ["social"], hasPublicEmail: false },
        ],
      },
      { world: "emploi_insertion", actors: [{ id: "a", name: "Mission locale", worlds: ["emploi_insertion", "social", "numerique"], hasPublicEmail: true }] },
    ]);
    expect(entries).toEqual([
      { id: "b", name: "CCAS", brings: ["social"], hasPublicEmail: false },
      { id: "a", name: "Mission locale", brings: ["social", "emploi_insertion"], hasPublicEmail: true },
    ]);
  });

  it("no suggestion, no entry", () => {
    expect(inviteEntries([])).toEqual([]);
  });
});
