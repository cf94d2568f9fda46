import { describe, expect, it } from "vitest";
import { invalidatePublic, publicTagsFor } from "./public-cache";

describe("which cached public pages an audited write expires", () => {
  const t = "11111111-1111-1111-1111-111111111111";
  it.each([
    // A place lies in the shared registry: every territory's pages that list places.
    [{ territoryId: t, entityType: "place" }, [`territory:${t}`, "places"]],
    [{ territoryId: null, entityType: "place" }, ["places"]],
    [{ territoryId: t, entityType: "place_import" }, [`territory:${t}`, "places"]],
    [{ territoryId: t, entityType: "place_proposal" }, [`territory:${t}`, "places"]],
    [{ territoryId: t, entityType: "actor" }, [`territory:${t}`, "actors"]],
    // A territory's name shows on the home page and the list of territories.
    [{ territoryId: t, entityType: "territory" }, [`territory:${t}`, "territories"]],
    // The territory's own content.
    [{ territoryId: t, entityType: "finding" }, [`territory:${t}`]],
    [{ territoryId: t, entityType: "diagnostic_report" }, [`territory:${t}`]],
    [{ territoryId: t, entityType: "diagnostic_settings" }, [`territory:${t}`]],
    // An entity type this table does not know yet: its territory's pages, to be safe.
    [{ territoryId: t, entityType: "strategy_axis" }, [`territory:${t}`]],
    // Never on a public page: a crowd answering a questionnaire must not empty the cache.
    [{ territoryId: t, entityType: "questionnaire_response" }, []],
    [{ territoryId: t, entityType: "membership" }, []],
    [{ territoryId: t, entityType: "actor_contact" }, []],
    [{ territoryId: t, entityType: "invitation" }, []],
  ])("%o expires %o", (entry, tags) => {
    expect(publicTagsFor(entry)).toEqual(tags);
  });

  it("does nothing, and does not throw, outside a Next.js server (CLI, tests)", () => {
    expect(() => invalidatePublic(["places"])).not.toThrow();
  });
});
