import { and, eq } from "drizzle-orm";
import type { Pool, PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { isAppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createUser } from "@/testing/factories";
import { acceptInvitation, changeMemberRole, createInvitation, createTerritory, removeMember } from "./commands";
import { memberships } from "./schema";

// Races between two people acting at the same moment. On PostgreSQL each command runs on its own connection,
// and a third connection holds the contested rows locked until both commands are waiting on them: the two
// transactions are then truly concurrent (both have read their snapshot before either writes).
// PGlite has one connection and serializes transactions: the same assertions hold there without the barrier.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const pool = () => (database.kind === "postgres" ? ((database.db as unknown as { $client: Pool }).$client as Pool) : undefined);

/** Runs `contenders` while a third connection holds `lockSql` rows, releasing them once both wait on a lock. */
async function race<T>(lockSql: string, params: unknown[], contenders: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const p = pool();
  if (!p) return Promise.allSettled(contenders.map((c) => c()));
  const holder: PoolClient = await p.connect();
  try {
    await holder.query("begin");
    await holder.query(lockSql, params);
    const running = Promise.allSettled(contenders.map((c) => c()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      // Inside a transaction, pg_stat_activity is a snapshot taken at its first read: refresh it on each poll.
      await holder.query("select pg_stat_clear_snapshot()");
      const { rows } = await holder.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      if ((rows[0]?.n ?? 0) >= contenders.length) break;
      if (Date.now() > deadline) {
        const { rows: activity } = await holder.query("select state, wait_event_type, wait_event, left(query, 120) as query from pg_stat_activity where datname = current_database()");
        const settled = await Promise.race([running, new Promise((r) => setTimeout(() => r("pending"), 100))]);
        throw new Error(`the contenders never waited on the lock: pool ${p.totalCount}/${p.idleCount}/${p.waitingCount} ${JSON.stringify(activity)} ${JSON.stringify(settled, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await holder.query("commit");
    return await running;
  } finally {
    holder.release();
  }
}

const errorIds = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (isAppError(r.reason) ? r.reason.id : String(r.reason)));

describe("two people at the same moment", () => {
  it("a single-use invitation accepted by two people at once makes exactly one member", async () => {
    const owner = await createUser(database.db);
    const territory = await createTerritory(database.db, await principalOf(database.db, owner.id), { kind: "commune", code: "16015", slug: `course-invitation-${Date.now()}` });
    const { token } = await createInvitation(database.db, await principalOf(database.db, owner.id), territory, { role: "partner" }, { days: 14 });
    const [first, second] = [await createUser(database.db), await createUser(database.db)];
    const [a, b] = [await principalOf(database.db, first.id), await principalOf(database.db, second.id)];
    const results = await race("select id from invitations where territory_id = $1 for update", [territory.id], [
      () => acceptInvitation(database.db, a, token),
      () => acceptInvitation(database.db, b, token),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(errorIds(results)).toEqual(["invitation_used"]);
    const partners = await database.db.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.role, "partner")));
    expect(partners).toHaveLength(1);
  });

  it("two coordinators demoting each other at once leave one coordinator", async () => {
    const [alice, bruno] = [await createUser(database.db), await createUser(database.db)];
    const territory = await createTerritory(database.db, await principalOf(database.db, alice.id), { kind: "commune", code: "16015", slug: `course-roles-${Date.now()}` });
    await addMember(database.db, territory.id, bruno.id, "coordinator");
    const [a, b] = [await principalOf(database.db, alice.id), await principalOf(database.db, bruno.id)];
    const results = await race("select user_id from memberships where territory_id = $1 for update", [territory.id], [
      () => changeMemberRole(database.db, a, territory, bruno.id, "partner"),
      () => changeMemberRole(database.db, b, territory, alice.id, "partner"),
    ]);
    expect(errorIds(results)).toEqual(["last_coordinator"]);
    const coordinators = await database.db.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.role, "coordinator")));
    expect(coordinators).toHaveLength(1);
  });

  it("two coordinators removing each other at once leave one coordinator", async () => {
    const [alice, bruno] = [await createUser(database.db), await createUser(database.db)];
    const territory = await createTerritory(database.db, await principalOf(database.db, alice.id), { kind: "commune", code: "16015", slug: `course-retrait-${Date.now()}` });
    await addMember(database.db, territory.id, bruno.id, "coordinator");
    const [a, b] = [await principalOf(database.db, alice.id), await principalOf(database.db, bruno.id)];
    const results = await race("select user_id from memberships where territory_id = $1 for update", [territory.id], [
      () => removeMember(database.db, a, territory, bruno.id),
      () => removeMember(database.db, b, territory, alice.id),
    ]);
    expect(errorIds(results)).toEqual(["last_coordinator"]);
    const coordinators = await database.db.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.role, "coordinator")));
    expect(coordinators).toHaveLength(1);
  });
});
