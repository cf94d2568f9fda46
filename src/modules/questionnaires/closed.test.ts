import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { closedRefusal } from "./closed";
import { addSection, closeQuestionnaire, createQuestionnaire, publishQuestionnaire } from "./commands/builder";
import { currentVersion } from "./test-fixture";

// The question pages once answered 403 ("access denied") for a closed questionnaire, where the
// command answers 409 with its own message: both now follow closedRefusal.
describe("a closed questionnaire is refused with one typed error", () => {
  it("closed: answers_exist (409) with the message saying to reopen or copy it; draft or published: no refusal", () => {
    const refusal = closedRefusal({ status: "closed" });
    expect(refusal).toBeInstanceOf(AppError);
    expect({ id: refusal?.id, status: refusal?.status, message: refusal?.message }).toEqual({
      id: "answers_exist",
      status: 409,
      message: "Ce questionnaire est clos : rouvrez-le pour le modifier, ou copiez-le pour en faire une nouvelle version.",
    });
    expect(closedRefusal({ status: "draft" })).toBeUndefined();
    expect(closedRefusal({ status: "published" })).toBeUndefined();
  });

  describe("the builder's command says what the page says", () => {
    let database: Database;
    let territory: Territory;
    let coordinator: Principal;
    beforeAll(async () => {
      database = await openTestDatabase();
      territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-clos" });
      const u = await createUser(database.db);
      await addMember(database.db, territory.id, u.id, "coordinator");
      coordinator = await principalOf(database.db, u.id);
    });
    afterAll(async () => {
      await database?.close();
    });

    it("adding a section to a closed questionnaire throws the page's refusal, same id, status and message", async () => {
      const db = database.db;
      const { id } = await createQuestionnaire(db, coordinator, territory, { origin: "elus" });
      await publishQuestionnaire(db, coordinator, territory, id, { version: await currentVersion(db, territory, id) });
      await closeQuestionnaire(db, coordinator, territory, id, { version: await currentVersion(db, territory, id) });
      const thrown = await addSection(db, coordinator, territory, id, { title: "Encore", version: await currentVersion(db, territory, id) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const page = closedRefusal({ status: "closed" });
      expect(thrown).toBeInstanceOf(AppError);
      expect({ id: (thrown as AppError).id, status: (thrown as AppError).status, message: (thrown as AppError).message }).toEqual({ id: page?.id, status: page?.status, message: page?.message });
    });
  });
});
