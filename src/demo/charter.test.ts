import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser } from "@/testing/factories";
import { insertPlanActions, insertPlanVersion } from "@/testing/plan-rows";
import { actorMembers, actors } from "@/modules/actors/schema";
import { charterVersions, contentSha256, findCharter, partnersOf } from "@/modules/charter";
import type { Territory } from "@/modules/territories";
import type { CharterContent } from "@/composition/charter/canonical";
import { diffCharter } from "@/composition/charter/diff";
import { seedDemoCharter } from "./charter";

let database: Database;
let territory: Territory;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-charte-demo", name: "Angoulême" });
  const partner = await createUser(database.db, { email: "partenaire@demo.maillage.fr", name: "Samir Benali (démo)" });
  await addMember(database.db, territory.id, partner.id, "partner");
  const made = await database.db
    .insert(actors)
    .values(["Espace numérique de Ruelle (démo)", "CCAS d'Angoulême (démo)", "Médiathèque de l'Alpha (démo)", "Ville d'Angoulême (démo)"].map((name) => ({ name, worlds: ["social"], communeCode: "16015" })))
    .returning({ id: actors.id });
  const ids = made.map((a) => a.id);
  await database.db.insert(actorMembers).values({ actorId: ids[0] as string, userId: partner.id });
  const v = await insertPlanVersion(database.db, territory.id, { startYear: 2026, endYear: 2028 });
  await insertPlanActions(database.db, territory.id, v.id, [
    { title: "Permanences numériques", leadActorId: ids[1] as string },
    { title: "Ateliers seniors", leadActorId: ids[2] as string },
    { title: "Conseillers numériques itinérants", leadActorId: ids[3] as string },
    { title: "Point d'accès libre", leadActorId: ids[0] as string },
  ]);
});
afterAll(async () => {
  await database?.close();
});

describe("demo charter", () => {
  it("four partners with signatories, version 1 replaced by version 2 submitted, and a diff that shows the changes", async () => {
    expect(await seedDemoCharter(database.db, territory.id)).toBeDefined();
    expect(await seedDemoCharter(database.db, territory.id)).toBeUndefined();
    const charter = await findCharter(database.db, territory.id);
    if (!charter) throw new Error("no charter");
    const partners = await partnersOf(database.db, territory.id, charter.id);
    expect(partners.map((p) => [p.name, p.signatoryName])).toEqual([
      ["Espace numérique de Ruelle (démo)", "Samir Benali (démo)"],
      ["CCAS d'Angoulême (démo)", "Nadia Roux (démo)"],
      ["Médiathèque de l'Alpha (démo)", "Julien Faure (démo)"],
      ["Ville d'Angoulême (démo)", "Claire Vidal (démo)"],
    ]);
    const versions = await database.db.select().from(charterVersions).where(eq(charterVersions.charterId, charter.id)).orderBy(charterVersions.number);
    expect(versions.map((v) => [v.number, v.status, v.contentSha256 === contentSha256(v.content)])).toEqual([
      [1, "remplacee", true],
      [2, "soumise", true],
    ]);
    const diff = diffCharter(versions[0]?.content as CharterContent, versions[1]?.content as CharterContent);
    expect(diff.sections.map((s) => s.kind)).toEqual(["preambule"]);
    expect(diff.commitments.map((c) => [c.op, c.partner])).toEqual([
      ["changed", "CCAS d'Angoulême (démo)"],
      ["added", "Ville d'Angoulême (démo)"],
    ]);
  });
});
