import { eq } from "drizzle-orm";
import type { Pool, PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { isAppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { planActions } from "@/modules/plan";
import type { Territory } from "@/modules/territories";
import { convertProposal, createGroup, createProposal } from "./commands";

// Two coordinators click « Transformer en projet d'action » at the same moment. On PostgreSQL each runs on its own
// connection while a third holds the proposal's row until both wait on it (as territories/races.test.ts does);
// PGlite serializes transactions, and the same assertions hold there without the barrier.

let database: Database;
let territory: Territory;
const people: Principal[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-course-groupes", name: "Angoulême" });
  for (let i = 0; i < 2; i++) {
    const u = await createUser(database.db);
    await addMember(database.db, territory.id, u.id, "coordinator");
    people.push(await principalOf(database.db, u.id));
  }
});
afterAll(async () => {
  await database?.close();
});

const pool = () => (database.kind === "postgres" ? ((database.db as unknown as { $client: Pool }).$client as Pool) : undefined);

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
      await holder.query("select pg_stat_clear_snapshot()");
      const { rows } = await holder.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()");
      if ((rows[0]?.n ?? 0) >= contenders.length) break;
      if (Date.now() > deadline) throw new Error("the contenders never waited on the lock");
      await new Promise((r) => setTimeout(r, 20));
    }
    await holder.query("commit");
    return await running;
  } finally {
    holder.release();
  }
}

describe("converting a proposal twice at once", () => {
  it("makes one action draft; the second click is told the proposal already became an action", async () => {
    const [a, b] = people as [Principal, Principal];
    const { id: groupId } = await createGroup(database.db, a, territory, { name: "Commission Jeunesse et familles", kind: "commission" });
    const { id } = await createProposal(database.db, a, territory, groupId, { title: "Ateliers parents-enfants" });
    const results = await race("select id from group_proposals where id = $1 for update", [id], [() => convertProposal(database.db, a, territory, id), () => convertProposal(database.db, b, territory, id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (isAppError(r.reason) ? r.reason.id : String(r.reason)));
    expect(refused).toEqual(["proposal_converted"]);
    expect(await database.db.select({ id: planActions.id }).from(planActions).where(eq(planActions.originId, id))).toHaveLength(1);
  });
});
