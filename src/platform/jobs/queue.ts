/**
 * Long work (imports, PDF printing, and what comes next) runs as jobs in the database (ADR 008):
 *
 * - pg-boss moves the work: a job waits in its queue until a worker of any app process fetches it
 *   (`FOR UPDATE SKIP LOCKED`), so a queued job survives a restart and is run by whichever process is up.
 * - `job_runs` holds what people see: state, progress (done/total), the result (a report, a file),
 *   the error in French, and when it expires. Any app process reads it.
 * - A job running when its process died never runs again on its own: it is marked failed with a
 *   French message (at the next boot on PGlite, where one process owns the database; after its
 *   heartbeat stops on PostgreSQL). An import is one transaction, so an interrupted one wrote nothing.
 *
 * Platform code never imports modules: modules declare their jobs with `defineJob` (and what to clean
 * with `onCleanup`); the server imports them (src/jobs.ts) before starting the workers.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, Db } from "@/platform/db/client";
import { isAppError } from "@/platform/errors";
import { bossOptions } from "./boss";
import { jobRuns } from "./schema";

export type JobState = "queued" | "running" | "done" | "failed";

/** A run as people (and pages) see it: never its secret; its file only through `runFile`. */
export type JobRun = {
  id: string;
  queue: string;
  scopeId: string | null;
  ownerId: string | null;
  label: string;
  state: JobState;
  phase: string | null;
  done: number;
  total: number;
  input: unknown;
  output: unknown;
  hasFile: boolean;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

export type JobContext<I> = {
  runId: string;
  input: I;
  secret: string | null;
  ownerId: string | null;
  scopeId: string | null;
  /** The database of the process running the job. */
  db: Db;
  /** Tells how far the job is; written to the database at most a few times a second. */
  progress(done: number, total: number, phase?: string): void;
};

export type JobResult = { output?: unknown; file?: Uint8Array };

export type JobDefinition<I = unknown> = {
  /** The pg-boss queue name (letters, digits, dashes). */
  name: string;
  /** Workers of this queue in each app process (Chromium browsers at once, for PDFs). */
  concurrency: () => number;
  /** pg-boss gives up on a job running longer than this. */
  timeoutSeconds: number;
  /** How long a finished run (its report, its file) stays readable. */
  keepSeconds: number;
  /** Shown when the job failed on an unexpected error (an AppError shows its own message). */
  failedMessage: string;
  /** Shown when the process running it stopped before the end. */
  interruptedMessage: string;
  run(context: JobContext<I>): Promise<JobResult>;
};

/** Work done by the periodic cleanup job (expired files of a module, for example). */
export type Cleanup = (db: Db) => Promise<void>;

type Registry = { definitions: Map<string, JobDefinition<never>>; cleanups: Map<string, Cleanup> };
// Kept on globalThis: Next.js may load this module more than once, and every copy must see the same jobs.
const shared = globalThis as unknown as { __maillageJobs?: Registry; __maillageJobQueue?: Promise<JobQueue> };
const registry = (shared.__maillageJobs ??= { definitions: new Map(), cleanups: new Map() });

export function defineJob<I>(definition: JobDefinition<I>): JobDefinition<I> {
  registry.definitions.set(definition.name, definition as JobDefinition<never>);
  return definition;
}

export function onCleanup(name: string, cleanup: Cleanup): void {
  registry.cleanups.set(name, cleanup);
}

/** A run whose heartbeat stopped this long ago died with its process (PostgreSQL). */
export const STALE_SECONDS = 60;
const HEARTBEAT_MS = 10_000;
const PROGRESS_MS = 250;
const CLEANUP_QUEUE = "jobs-cleanup";
const GENERIC_INTERRUPTED = "Ce travail a été interrompu par un arrêt du serveur, avant la fin. Relancez-le.";

const viewColumns = {
  id: jobRuns.id,
  queue: jobRuns.queue,
  scopeId: jobRuns.scopeId,
  ownerId: jobRuns.ownerId,
  label: jobRuns.label,
  state: jobRuns.state,
  phase: jobRuns.phase,
  done: jobRuns.done,
  total: jobRuns.total,
  input: jobRuns.input,
  output: jobRuns.output,
  hasFile: sql<boolean>`(${jobRuns.file} is not null)`,
  error: jobRuns.error,
  createdAt: jobRuns.createdAt,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
  expiresAt: jobRuns.expiresAt,
};

/** PGlite runs in this process: one process owns the database, and it has no heartbeat to judge. */
function isEmbedded(db: Db): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return client !== undefined && "dumpDataDir" in client;
}

function definitionOf(queue: string, known: JobDefinition<never>[] = []): JobDefinition<never> | undefined {
  return known.find((d) => d.name === queue) ?? registry.definitions.get(queue);
}

/** Marks failed the runs whose process died (PostgreSQL: no heartbeat for STALE_SECONDS). */
export async function reapStaleRuns(db: Db, options: { all?: boolean; definitions?: JobDefinition<never>[] } = {}): Promise<number> {
  const stale = await db
    .select({ id: jobRuns.id, queue: jobRuns.queue })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.state, "running"),
        options.all ? undefined : lt(jobRuns.heartbeatAt, sql`now() - make_interval(secs => ${STALE_SECONDS})`),
      ),
    );
  for (const run of stale) {
    const definition = definitionOf(run.queue, options.definitions);
    await finish(db, run.id, definition?.keepSeconds ?? 3600, { state: "failed", error: definition?.interruptedMessage ?? GENERIC_INTERRUPTED });
  }
  return stale.length;
}

/** A run, or undefined; a run whose process died is marked failed on the way (PostgreSQL). */
export async function readRun(db: Db, id: string): Promise<JobRun | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const [run] = await db.select(viewColumns).from(jobRuns).where(eq(jobRuns.id, id));
  if (run?.state === "running" && !isEmbedded(db)) {
    const reaped = await reapStaleRuns(db);
    if (reaped > 0) return readRun(db, id);
  }
  return run;
}

/** The queued or running run holding this key, if any. */
export async function activeRun(db: Db, exclusiveKey: string): Promise<JobRun | undefined> {
  if (!isEmbedded(db)) await reapStaleRuns(db);
  const [run] = await db
    .select(viewColumns)
    .from(jobRuns)
    .where(and(eq(jobRuns.exclusiveKey, exclusiveKey), inArray(jobRuns.state, ["queued", "running"])))
    .orderBy(asc(jobRuns.createdAt))
    .limit(1);
  return run;
}

/** The file a run produced (a PDF), once done. */
export async function runFile(db: Db, id: string): Promise<Uint8Array | undefined> {
  const [row] = await db.select({ file: jobRuns.file }).from(jobRuns).where(and(eq(jobRuns.id, id), eq(jobRuns.state, "done")));
  return row?.file ?? undefined;
}

/** Where a queued run stands in its queue: runs waiting before it, and runs being worked on. */
export async function queuePosition(db: Db, run: Pick<JobRun, "id" | "queue" | "createdAt">): Promise<{ ahead: number; running: number }> {
  const [row] = await db
    .select({
      ahead: sql<number>`count(*) filter (where ${jobRuns.state} = 'queued' and (${jobRuns.createdAt}, ${jobRuns.id}) < (${run.createdAt.toISOString()}::timestamptz, ${run.id}::uuid))::int`,
      running: sql<number>`count(*) filter (where ${jobRuns.state} = 'running')::int`,
    })
    .from(jobRuns)
    .where(and(eq(jobRuns.queue, run.queue), inArray(jobRuns.state, ["queued", "running"])));
  return { ahead: Number(row?.ahead ?? 0), running: Number(row?.running ?? 0) };
}

/** Deletes finished runs past their expiry (and runs left queued for a day), then runs the modules' cleanups. */
export async function cleanupExpired(db: Db): Promise<number> {
  if (!isEmbedded(db)) await reapStaleRuns(db);
  const deleted = await db
    .delete(jobRuns)
    .where(
      or(
        lt(jobRuns.expiresAt, sql`now()`),
        // Never picked up in a day (no process runs this queue any more): dropped with its secret.
        and(eq(jobRuns.state, "queued"), lt(jobRuns.createdAt, sql`now() - interval '1 day'`)),
      ),
    )
    .returning({ id: jobRuns.id });
  for (const [name, cleanup] of registry.cleanups) {
    await cleanup(db).catch((e: unknown) => console.error(`[jobs] nettoyage « ${name} » :`, e));
  }
  return deleted.length;
}

async function finish(db: Db, id: string, keepSeconds: number, values: { state: "done"; output: unknown; file: Uint8Array | null } | { state: "failed"; error: string }): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      ...values,
      secret: null,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${keepSeconds})`,
    })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.state, "running")));
}

/** Progress written at most every PROGRESS_MS, one write at a time, the latest value winning. */
function progressWriter(db: Db, id: string) {
  let latest: { done: number; total: number; phase: string | null } | undefined;
  let writing: Promise<void> | undefined;
  let last = 0;
  const write = (): Promise<void> => {
    const value = latest;
    latest = undefined;
    if (!value) return Promise.resolve();
    last = Date.now();
    writing = db
      .update(jobRuns)
      .set({ ...value, heartbeatAt: sql`now()` })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.state, "running")))
      .then(
        () => undefined,
        (e: unknown) => console.error("[jobs] progression non enregistrée :", e),
      )
      .then(() => {
        writing = undefined;
        if (latest && Date.now() - last >= PROGRESS_MS) return write();
      });
    return writing;
  };
  return {
    report(done: number, total: number, phase?: string) {
      latest = { done, total, phase: phase ?? null };
      if (!writing && Date.now() - last >= PROGRESS_MS) void write();
    },
    async flush() {
      await writing;
      if (latest) await write();
    },
  };
}

export type EnqueueInput<I> = {
  scopeId?: string | null;
  ownerId?: string | null;
  label: string;
  input: I;
  secret?: string;
  exclusiveKey?: string;
};

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e; c && typeof c === "object"; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * One per process: the pg-boss instance, this process's workers, and how to enqueue. Reads need no
 * queue (any process reads `job_runs`).
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly workers = new Map<string, string[]>();
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  private readonly definitions: JobDefinition<never>[];
  private started = false;

  constructor(
    readonly database: Database,
    options: { definitions?: JobDefinition<never>[]; pollingIntervalSeconds?: number } = {},
  ) {
    this.definitions = options.definitions ?? [...registry.definitions.values()];
    this.polling = options.pollingIntervalSeconds ?? 1;
    this.boss = new PgBoss({ ...bossOptions(database), migrate: false, supervise: true, schedule: true });
    this.boss.on("error", (e) => console.error("[jobs] file d'attente :", e));
  }

  private readonly polling: number;

  get db(): Db {
    return this.database.db;
  }

  /**
   * Starts pg-boss and, unless `workers` is false, this process's workers for every defined job and
   * the periodic cleanup. On PGlite, runs left "running" by a previous process are marked failed.
   */
  async start(options: { workers?: boolean } = {}): Promise<this> {
    if (this.started) return this;
    this.started = true;
    await this.boss.start();
    for (const definition of this.definitions) await this.ensureQueue(definition.name, definition.timeoutSeconds);
    await this.ensureQueue(CLEANUP_QUEUE, 600);
    if (options.workers === false) return this;
    await reapStaleRuns(this.db, { all: this.database.kind === "pglite", definitions: this.definitions });
    for (const definition of this.definitions) {
      const ids: string[] = [];
      for (let i = 0; i < Math.max(1, definition.concurrency()); i++) {
        ids.push(await this.boss.work<{ runId: string }>(definition.name, { pollingIntervalSeconds: this.polling, batchSize: 1 }, async ([job]) => {
          if (job) await this.execute(definition, job.data.runId);
        }));
      }
      this.workers.set(definition.name, ids);
    }
    await this.boss.schedule(CLEANUP_QUEUE, "*/5 * * * *");
    await this.boss.work(CLEANUP_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      await cleanupExpired(this.db);
    });
    return this;
  }

  private async ensureQueue(name: string, timeoutSeconds: number): Promise<void> {
    if (await this.boss.getQueue(name)) return;
    // A job that failed is never retried by pg-boss: our run says why, and the person decides.
    await this.boss.createQueue(name, { name, retryLimit: 0, expireInSeconds: timeoutSeconds });
  }

  /**
   * Records a run and queues it. With an exclusive key already held by a queued or running run,
   * nothing is queued and that run is returned instead.
   */
  async enqueue<I>(definition: JobDefinition<I>, input: EnqueueInput<I>): Promise<{ ok: true; run: JobRun } | { ok: false; running: JobRun }> {
    const id = randomUUID();
    if (input.exclusiveKey && !isEmbedded(this.db)) await reapStaleRuns(this.db);
    try {
      await this.db.insert(jobRuns).values({
        id,
        queue: definition.name,
        scopeId: input.scopeId ?? null,
        ownerId: input.ownerId ?? null,
        label: input.label.slice(0, 200),
        exclusiveKey: input.exclusiveKey ?? null,
        input: input.input as object,
        secret: input.secret ?? null,
      });
    } catch (e) {
      if (input.exclusiveKey && isUniqueViolation(e)) {
        const running = await activeRun(this.db, input.exclusiveKey);
        if (running) return { ok: false, running };
      }
      throw e;
    }
    try {
      await this.boss.send(definition.name, { runId: id }, { id, retryLimit: 0, expireInSeconds: definition.timeoutSeconds });
    } catch (e) {
      await this.db.delete(jobRuns).where(eq(jobRuns.id, id));
      throw e;
    }
    // This process's idle workers look at once rather than at their next poll.
    for (const worker of this.workers.get(definition.name) ?? []) this.boss.notifyWorker(worker);
    const run = await readRun(this.db, id);
    if (!run) throw new Error(`job ${id} disparu`);
    return { ok: true, run };
  }

  /** Runs one job: claims its run (a run already finished or failed is left alone), then records the end. */
  private async execute(definition: JobDefinition<never>, runId: string): Promise<void> {
    const db = this.db;
    const [claimed] = await db
      .update(jobRuns)
      .set({ state: "running", startedAt: sql`now()`, heartbeatAt: sql`now()`, attempts: sql`${jobRuns.attempts} + 1` })
      .where(and(eq(jobRuns.id, runId), eq(jobRuns.state, "queued")))
      .returning();
    if (!claimed) return;
    const heartbeat = setInterval(() => {
      db.update(jobRuns)
        .set({ heartbeatAt: sql`now()` })
        .where(and(eq(jobRuns.id, runId), eq(jobRuns.state, "running")))
        .catch((e: unknown) => console.error("[jobs] battement non enregistré :", e));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    this.heartbeats.add(heartbeat);
    const progress = progressWriter(db, runId);
    try {
      const result = await definition.run({
        runId,
        input: claimed.input as never,
        secret: claimed.secret,
        ownerId: claimed.ownerId,
        scopeId: claimed.scopeId,
        db,
        progress: progress.report,
      });
      await progress.flush();
      await finish(db, runId, definition.keepSeconds, { state: "done", output: result.output ?? null, file: result.file ?? null });
    } catch (e) {
      await progress.flush();
      if (!isAppError(e)) console.error(`[jobs] ${definition.name} : erreur inattendue`, e);
      await finish(db, runId, definition.keepSeconds, { state: "failed", error: isAppError(e) ? e.message : definition.failedMessage });
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    }
  }

  /** Stops the workers (a job still running after `timeoutMs` is left to the recovery rules). */
  async stop(timeoutMs = 2000): Promise<void> {
    for (const heartbeat of this.heartbeats) clearInterval(heartbeat);
    this.heartbeats.clear();
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }
}

/** The queue of this process (started with its workers by the server at boot), if any. */
export function processQueue(): Promise<JobQueue> | undefined {
  return shared.__maillageJobQueue;
}

/** Installs (or removes) this process's queue: the server at boot, tests. */
export function setProcessQueue(queue: Promise<JobQueue> | undefined): void {
  shared.__maillageJobQueue = queue;
}

/** The queue of this process, started on first use (with its workers) when the boot did not. */
export async function jobQueue(database: Database): Promise<JobQueue> {
  const existing = processQueue();
  if (existing) {
    const queue = await existing;
    if (queue.database === database) return queue;
  }
  const starting = new JobQueue(database).start();
  setProcessQueue(starting);
  starting.catch(() => {
    if (processQueue() === starting) setProcessQueue(undefined);
  });
  return starting;
}
