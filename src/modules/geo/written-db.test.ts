import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { communeLabels, explainPostcodeAndCommune, resolveWritten, writtenCommuneTable } from "./written";

// Against the committed reference communes (data/communes.json), as the forms use them.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("a place's postcode and commune that match no commune: a sentence that helps", () => {
  it("a typo among the communes of the postcode gets the right name", async () => {
    expect(await explainPostcodeAndCommune(database.db, "16200", "Jarnak")).toBe("Aucune commune « Jarnak » n'a le code postal 16200. Vouliez-vous dire : Jarnac ?");
  });

  it("a commune with another postcode says which one", async () => {
    expect(await explainPostcodeAndCommune(database.db, "16999", "Soyaux")).toBe("Aucune commune n'a le code postal 16999 ; Soyaux a pour code postal 16800.");
  });

  it("a name unknown in the postcode lists the communes it serves", async () => {
    const sentence = await explainPostcodeAndCommune(database.db, "16000", "Poitiers");
    expect(sentence).toBe("Aucune commune « Poitiers » n'a le code postal 16000. Communes de ce code postal : Angoulême.");
  });
});

describe("the whole table of France", () => {
  it("16200 offers every commune it serves, Fleurac and Houlette included; names come back with their postcode", async () => {
    const table = await writtenCommuneTable(database.db);
    const r = resolveWritten(table, ["Angoulême", "16200"], { postcodeTakesAll: true });
    expect(r.problems).toEqual([]);
    for (const code of ["16015", "16139", "16165", "16167"]) expect(r.codes).toContain(code);
    expect(Object.fromEntries(await communeLabels(database.db, ["16015", "16352"]))).toEqual({ "16015": "Angoulême 16000", "16352": "Saint-Simon 16120" });
  });
});
