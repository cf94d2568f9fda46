import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { resolveCommunesAsWritten } from "./communes";

// The committed reference communes; a territory over the Charente (département 16).
let database: Database;
let territoryId = "";
beforeAll(async () => {
  database = await openTestDatabase();
  territoryId = (await createTestTerritory(database.db, { name: "Charente", slug: "charente-communes-ecrites", kind: "departement", code: "16" })).id;
});
afterAll(async () => {
  await database?.close();
});

describe("one resolver for every commune field", () => {
  it("a finding's communes: the territory's only; a real commune elsewhere is said to be outside; a typo gets the territory's name", async () => {
    const r = await resolveCommunesAsWritten(database.db, territoryId, "Cognac, La Rochelle\nJarnak", { scope: "territory", list: true });
    expect(r).toEqual({
      codes: ["16102"],
      problems: ["« La Rochelle » n'est pas une commune du territoire.", "« Jarnak » : aucune commune du territoire de ce nom. Vouliez-vous dire : Jarnac (16200) ?"],
    });
  });

  it("a structure's location: anywhere in France, the territory's homonym first", async () => {
    expect(await resolveCommunesAsWritten(database.db, territoryId, "Saint-Simon", { scope: "france", list: false })).toEqual({ codes: ["16352"], problems: [] });
    expect(await resolveCommunesAsWritten(database.db, territoryId, "La Rochelle 17000", { scope: "france", list: false })).toEqual({ codes: ["17300"], problems: [] });
    // Two La Rochelle in France, none in the territory: the postcode is asked.
    expect((await resolveCommunesAsWritten(database.db, territoryId, "La Rochelle", { scope: "france", list: false })).problems).toEqual([
      "« La Rochelle » désigne plusieurs communes : La Rochelle (17000), La Rochelle (70120). Précisez le code postal (ex. : « La Rochelle 17000 »).",
    ]);
    expect(await resolveCommunesAsWritten(database.db, territoryId, "  ", { scope: "france", list: false })).toEqual({ codes: [], problems: [] });
  });
});
