import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { journeyOf, loadFundingReference } from "@/modules/funding";
import { seedDemoFunding } from "./funding";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadFundingReference(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe("the demo's funding", () => {
  it("has local sources and three deadlines in the coming weeks, two of them within 30 days on the journey", async () => {
    const t = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-fin-demo", name: "Charente" });
    const seededOn = new Date("2027-04-01T08:00:00Z");
    const demo = await seedDemoFunding(database.db, t.id, seededOn);
    expect(demo.deadlines).toEqual(["2027-04-13", "2027-04-27", "2027-05-16"]);
    const [journey] = await journeyOf(database.db, t, seededOn);
    expect(journey?.next.filter((s) => s.urgency === "urgent").map((s) => s.text)).toEqual([
      "Pré-dépôt « Fonds départemental d'appui à l'inclusion numérique (démo) » le 13 avril 2027 : Pré-dépôt en ligne (démo)",
      "Dépôt du dossier « CAF : fonds locaux et action sociale » le 27 avril 2027 : Commission d'action sociale (démo)",
    ]);
    expect(journey?.facts[1]?.label).toBe("2 sources locales");
  });
});
