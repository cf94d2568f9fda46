import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/platform/audit/schema";
import { platformAdmins } from "@/platform/auth/schema";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { principalOf, createUser } from "@/testing/factories";
import { listAccounts, setPlatformAdmin } from "./admin";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const isAdmin = async (id: string) => (await database.db.select().from(platformAdmins).where(eq(platformAdmins.userId, id))).length === 1;

describe("platform administration", () => {
  it("an administrator names another one; the change is audited", async () => {
    const admin = await createUser(database.db, { admin: true });
    const other = await createUser(database.db, { name: "Alix Nouvelle" });
    await setPlatformAdmin(database.db, await principalOf(database.db, admin.id), other.email, true);
    expect(await isAdmin(other.id)).toBe(true);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, other.id));
    expect(event).toMatchObject({ territoryId: null, entityType: "platform_admin", action: "grant", after: { admin: true } });
  });

  it("is refused to anyone else", async () => {
    const person = await createUser(database.db);
    const target = await createUser(database.db);
    const error = await setPlatformAdmin(database.db, await principalOf(database.db, person.id), target.email, true).catch((e: unknown) => e);
    expect((error as AppError).id).toBe("forbidden");
    expect(await isAdmin(target.id)).toBe(false);
  });

  it("lists accounts with a search that ignores case", async () => {
    await createUser(database.db, { name: "Bérénice Recherche", email: "berenice.recherche@exemple.test" });
    const { items, total } = await listAccounts(database.db, { q: "BERENICE.RECH", page: 1 });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ name: "Bérénice Recherche", isAdmin: false, territoryCount: 0 });
  });
});
