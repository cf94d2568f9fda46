import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { addActionDraftIn } from "./drafts";
import { planActions, planVersions } from "./schema";

let database: Database;
let territory: Territory;
let coordinator: Principal;
let partner: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-brouillons", name: "Cognac" });
  const c = await createUser(database.db);
  await addMember(database.db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(database.db, c.id);
  const p = await createUser(database.db);
  await addMember(database.db, territory.id, p.id, "partner");
  partner = await principalOf(database.db, p.id);
});

afterAll(async () => {
  await database?.close();
});

describe("action drafts from a proposal or a decision", () => {
  it("the first draft opens version 1 of the plan and keeps where it came from", async () => {
    const origin = "00000000-0000-4000-8000-000000000001";
    const { id } = await database.db.transaction((tx) => addActionDraftIn(tx, coordinator, territory, { title: "Permanences en mairie", origin: "proposal", originId: origin }));
    const [action] = await database.db.select().from(planActions).where(eq(planActions.id, id));
    expect(action).toMatchObject({ title: "Permanences en mairie", status: "idee", origin: "proposal", originId: origin, position: 0 });
    const versions = await database.db.select().from(planVersions).where(eq(planVersions.territoryId, territory.id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, kind: "pluriannuel" });
    const second = await database.db.transaction((tx) => addActionDraftIn(tx, coordinator, territory, { title: "Atelier parents", origin: "decision", originId: origin }));
    const [again] = await database.db.select().from(planActions).where(eq(planActions.id, second.id));
    expect(again).toMatchObject({ versionId: versions[0]?.id, position: 1 });
  });

  it("a partner may not draft actions", async () => {
    await expectAppError(
      database.db.transaction((tx) => addActionDraftIn(tx, partner, territory, { title: "X", origin: "proposal", originId: "00000000-0000-4000-8000-000000000002" })),
      "forbidden",
    );
  });
});
