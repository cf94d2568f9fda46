import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { communes } from "@/modules/geo/schema";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { inPerimeterOf, perimeterAmong, perimeterCodes, perimeterJoin, requireTerritoryId } from "./tenancy";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e instanceof AppError ? { id: e.id, status: e.status } : e;
  }
  return "accepted";
};

describe("tenancy builder refuses a missing territory id", () => {
  it("throws territory_required (400) for undefined, null, empty or blank ids, and returns a real id unchanged", () => {
    expect(refusal(() => requireTerritoryId(undefined))).toEqual({ id: "territory_required", status: 400 });
    expect(refusal(() => requireTerritoryId(null))).toEqual({ id: "territory_required", status: 400 });
    expect(refusal(() => requireTerritoryId(""))).toEqual({ id: "territory_required", status: 400 });
    expect(refusal(() => requireTerritoryId("  "))).toEqual({ id: "territory_required", status: 400 });
    expect(requireTerritoryId("7d6f1c2e-0000-4000-8000-000000000001")).toBe("7d6f1c2e-0000-4000-8000-000000000001");
  });

  it("every builder refuses an empty id before building any SQL; the types refuse an optional one", () => {
    const db = {} as Database["db"];
    const maybe = undefined as string | undefined;
    // @ts-expect-error: the territory id is required by the types, `string | undefined` does not compile.
    expect(refusal(() => perimeterCodes(db, maybe))).toEqual({ id: "territory_required", status: 400 });
    // @ts-expect-error: same for the condition builder.
    expect(refusal(() => inPerimeterOf(db, maybe, communes.code))).toEqual({ id: "territory_required", status: 400 });
    // @ts-expect-error: same for the join builder.
    expect(refusal(() => perimeterJoin(maybe, communes.code))).toEqual({ id: "territory_required", status: 400 });
    expect(refusal(() => perimeterCodes(db, ""))).toEqual({ id: "territory_required", status: 400 });
    expect(refusal(() => perimeterJoin("", communes.code))).toEqual({ id: "territory_required", status: 400 });
  });

  it("the async lookup rejects an empty id too, even with no code to check", async () => {
    await expect(perimeterAmong({} as Database["db"], "", [])).rejects.toMatchObject({ id: "territory_required" });
  });
});

describe("tenancy builder reads the perimeter", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("keeps the communes of the territory only (Angoulême in, Cognac out)", async () => {
    const territory = await createTestTerritory(database.db, { kind: "commune", code: "16015" });
    expect(await perimeterAmong(database.db, territory.id, ["16015", "16102"])).toEqual(["16015"]);
    expect((await perimeterCodes(database.db, territory.id)).map((r) => r.c)).toEqual(["16015"]);
    const joined = await database.db.select({ code: communes.code }).from(communes).innerJoin(...perimeterJoin(territory.id, communes.code));
    expect(joined).toEqual([{ code: "16015" }]);
  });
});
