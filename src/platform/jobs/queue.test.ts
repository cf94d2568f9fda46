import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dumpPglite, openDatabase, type Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { withDatabase } from "@/testing/template";
import { cleanupExpired, JobQueue, queuePosition, readRun, type JobDefinition, type JobRun } from "./queue";

/*
 * The job queue on the database under test (PGlite here, PostgreSQL in CI): what imports and PDF
 * printing rely on. "Another process" is, on PostgreSQL, a second connection pool on the same
 * database; on PGlite (one process owns the database), the same database reopened from its files.
 */

let database: Database;
const others: Database[] = [];
const queues: JobQueue[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  for (const q of queues) await q.stop(1000).catch(() => undefined);
  for (const d of others) await d.close().catch(() => undefined);
  await database?.close();
});

/** A second handle on the same database, as another app process would have (PostgreSQL only). */
async function secondConnection(): Promise<Database> {
  const result = (await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
  const name = result.rows[0]?.name ?? "";
  const other = await openDatabase({ DATABASE_URL: withDatabase(process.env.DATABASE_URL ?? "", name), dataDir: "" });
  others.push(other);
  return other;
}

/** The same database after a restart: PGlite reopened from its files; PostgreSQL through a new pool. */
async function restarted(): Promise<Database> {
  if (database.kind === "postgres") return secondConnection();
  const dump = await dumpPglite(database);
  const reopened = await openDatabase({ DATABASE_URL: undefined, dataDir: "" }, { inMemory: true, loadDataDir: dump });
  others.push(reopened);
  return reopened;
}

function start(db: Database, definitions: JobDefinition<never>[], workers = true): Promise<JobQueue> {
  const queue = new JobQueue(db, { definitions, pollingIntervalSeconds: 0.5 });
  queues.push(queue);
  return queue.start({ workers });
}

async function until(db: Database, id: string, test: (run: JobRun) => boolean, timeoutMs = 20_000): Promise<JobRun> {
  const started = Date.now();
  for (;;) {
    const run = await readRun(db.db, id);
    if (run && test(run)) return run;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} : ${JSON.stringify(run && { state: run.state, done: run.done })}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let names = 0;
function job<I>(run: JobDefinition<I>["run"], extra: Partial<JobDefinition<I>> = {}): JobDefinition<never> {
  return {
    name: `test-${Date.now().toString(36)}-${++names}`,
    concurrency: () => 1,
    timeoutSeconds: 60,
    keepSeconds: 600,
    failedMessage: "Le travail a échoué.",
    interruptedMessage: "Le travail a été interrompu par un arrêt du serveur.",
    run,
    ...extra,
  } as JobDefinition<never>;
}

describe("jobs in the database", () => {
  it("a job queued before a restart is run by the next process, and its result read there", async () => {
    const sum = job<{ a: number; b: number }>(async ({ input }) => ({ output: { sum: input.a + input.b } }));
    const first = await start(database, [sum], false);
    const queued = await first.enqueue(sum as JobDefinition<{ a: number; b: number }>, { label: "addition", input: { a: 2, b: 3 } });
    if (!queued.ok) throw new Error("refusé");
    expect(queued.run).toMatchObject({ state: "queued", label: "addition", done: 0 });
    await first.stop();

    const next = await restarted();
    await start(next, [sum]);
    const done = await until(next, queued.run.id, (r) => r.state === "done");
    expect(done.output).toEqual({ sum: 5 });
    expect(done.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 500_000);
  });

  it("progress is written as the job goes and read through another connection", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = job(async ({ progress }) => {
      progress(5, 10, "checking");
      await gate;
      progress(10, 10, "checking");
      return { output: "fini" };
    });
    const queue = await start(database, [slow]);
    const queued = await queue.enqueue(slow, { label: "lent", input: {} as never });
    if (!queued.ok) throw new Error("refusé");
    const reader = database.kind === "postgres" ? await secondConnection() : database;
    const halfway = await until(reader, queued.run.id, (r) => r.done === 5);
    expect(halfway).toMatchObject({ state: "running", phase: "checking", done: 5, total: 10 });
    release();
    const done = await until(reader, queued.run.id, (r) => r.state === "done");
    expect(done).toMatchObject({ done: 10, total: 10, output: "fini" });
  });

  it("a job running when its process died is marked failed in French, and never runs again", async () => {
    let runs = 0;
    const hangs = job(async () => {
      runs++;
      await new Promise(() => {});
      return {};
    });
    const first = await start(database, [hangs]);
    const queued = await first.enqueue(hangs, { label: "bloqué", input: {} as never });
    if (!queued.ok) throw new Error("refusé");
    await until(database, queued.run.id, (r) => r.state === "running");
    await first.stop(1000);

    let next: Database;
    if (database.kind === "postgres") {
      // Its heartbeat stopped a while ago (the process is gone).
      await database.db.execute(sql`update job_runs set heartbeat_at = now() - interval '5 minutes' where id = ${queued.run.id}`);
      next = await secondConnection();
    } else {
      next = await restarted();
    }
    await start(next, [hangs]);
    const failed = await until(next, queued.run.id, (r) => r.state === "failed");
    expect(failed.error).toBe("Le travail a été interrompu par un arrêt du serveur.");
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toBe(1);
  });

  it("one queued or running job per exclusive key; the key is free again once it ends", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const exclusive = job(async () => {
      await gate;
      return {};
    });
    const queue = await start(database, [exclusive]);
    const first = await queue.enqueue(exclusive, { label: "premier", input: {} as never, exclusiveKey: "territoire-1" });
    const second = await queue.enqueue(exclusive, { label: "second", input: {} as never, exclusiveKey: "territoire-1" });
    const elsewhere = await queue.enqueue(exclusive, { label: "ailleurs", input: {} as never, exclusiveKey: "territoire-2" });
    if (!first.ok || second.ok) throw new Error("le second aurait dû être refusé");
    expect(second.running.id).toBe(first.run.id);
    expect(elsewhere.ok).toBe(true);
    release();
    await until(database, first.run.id, (r) => r.state === "done");
    const again = await queue.enqueue(exclusive, { label: "encore", input: {} as never, exclusiveKey: "territoire-1" });
    expect(again.ok).toBe(true);
  });

  it("a waiting job knows its place in the queue", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const printer = job(async () => {
      await gate;
      return { file: new Uint8Array([37, 80, 68, 70]) };
    });
    const queue = await start(database, [printer]);
    const runs: JobRun[] = [];
    for (const label of ["a", "b", "c"]) {
      const queued = await queue.enqueue(printer, { label, input: {} as never });
      if (queued.ok) runs.push(queued.run);
    }
    const [a, b, c] = runs as [JobRun, JobRun, JobRun];
    await until(database, a.id, (r) => r.state === "running");
    expect(await queuePosition(database.db, b)).toEqual({ ahead: 0, running: 1 });
    expect(await queuePosition(database.db, c)).toEqual({ ahead: 1, running: 1 });
    release();
    const done = await until(database, c.id, (r) => r.state === "done");
    expect(done.hasFile).toBe(true);
  });

  it("a job's own error is shown as is; an unexpected one with the job's French message", async () => {
    const refuses = job(async () => {
      throw new AppError("not_found", { message: "Le fichier n'est plus disponible." });
    });
    const crashes = job(async () => {
      throw new TypeError("x is undefined");
    });
    const queue = await start(database, [refuses, crashes]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const a = await queue.enqueue(refuses, { label: "a", input: {} as never });
      const b = await queue.enqueue(crashes, { label: "b", input: {} as never });
      if (!a.ok || !b.ok) throw new Error("refusé");
      expect((await until(database, a.run.id, (r) => r.state === "failed")).error).toBe("Le fichier n'est plus disponible.");
      expect((await until(database, b.run.id, (r) => r.state === "failed")).error).toBe("Le travail a échoué.");
      // The unexpected one is logged for the operators, with its real cause.
      expect(logged.mock.calls.some((call) => String(call[1]).includes("x is undefined"))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("finished runs are deleted by the cleanup once expired, not before", async () => {
    const quick = job(async () => ({ output: 1 }));
    const queue = await start(database, [quick]);
    const kept = await queue.enqueue(quick, { label: "gardé", input: {} as never });
    const old = await queue.enqueue(quick, { label: "expiré", input: {} as never });
    if (!kept.ok || !old.ok) throw new Error("refusé");
    await until(database, kept.run.id, (r) => r.state === "done");
    await until(database, old.run.id, (r) => r.state === "done");
    await database.db.execute(sql`update job_runs set expires_at = now() - interval '1 second' where id = ${old.run.id}`);
    // A job no process picked up in a day (its queue has no worker any more) goes too, with its secret.
    const orphan = job(async () => ({}));
    const forgotten = await (await start(database, [orphan], false)).enqueue(orphan, { label: "oublié", input: {} as never, secret: "session=x" });
    const recent = await queue.enqueue(orphan, { label: "récent", input: {} as never });
    if (!forgotten.ok || !recent.ok) throw new Error("refusé");
    await database.db.execute(sql`update job_runs set created_at = now() - interval '25 hours' where id = ${forgotten.run.id}`);
    await cleanupExpired(database.db);
    expect(await readRun(database.db, forgotten.run.id)).toBeUndefined();
    expect(await readRun(database.db, recent.run.id)).toMatchObject({ state: "queued" });
    expect(await readRun(database.db, old.run.id)).toBeUndefined();
    expect(await readRun(database.db, kept.run.id)).toMatchObject({ state: "done", output: 1 });
  });
});
