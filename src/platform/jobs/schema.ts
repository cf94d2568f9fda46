import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** Binary content (a printed PDF, a kept file): `bytea`, read and written as bytes. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * What people see of a job, whichever process runs it: the queue itself (pg-boss, schema `pgboss`)
 * only moves work between processes; its rows carry nothing but this run's id. State, progress, the
 * result (a report, a file) and the error live here, readable from any app process, and expire.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey(),
    queue: text("queue").notNull(),
    /** The tenant the job works for (a territory id), or null for instance-wide work. */
    scopeId: text("scope_id"),
    /** The person who asked; only they (or their territory's editors, per the module) read the result. */
    ownerId: text("owner_id"),
    /** What people call it (a file name, a document title). */
    label: text("label").notNull(),
    /** At most one queued or running job per key (one import at a time per territory). */
    exclusiveKey: text("exclusive_key"),
    state: text("state", { enum: ["queued", "running", "done", "failed"] }).notNull().default("queued"),
    phase: text("phase"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    input: jsonb("input").notNull(),
    /** Needed by the job only while it waits or runs (a session cookie to print a page): erased at the end. */
    secret: text("secret"),
    output: jsonb("output"),
    file: bytea("file"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** When a finished run (its report, its file) is deleted by the cleanup job. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("job_runs_queue_state_idx").on(t.queue, t.state, t.createdAt),
    index("job_runs_expires_idx").on(t.expiresAt),
    uniqueIndex("job_runs_exclusive_idx").on(t.exclusiveKey).where(sql`state in ('queued', 'running')`),
  ],
);
