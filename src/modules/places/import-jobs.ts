import { randomBytes } from "node:crypto";
import type { Actor } from "@/platform/auth/actor";
import { AppError, isAppError } from "@/platform/errors";
import { territoryPolicy } from "@/modules/territories/policy";
import type { Territory } from "@/modules/territories/queries";
import type { ImportPhase, ImportProgress, ImportReport } from "./commands";

/**
 * Long imports of places run as jobs held in this server process's memory: the form's action starts
 * one and answers at once; the page then shows its progress (polling a small JSON route with
 * JavaScript, refreshing itself without), then its report, as a short import shows it at once.
 *
 * - One import at a time per territory (a check or a commit): a second one is refused (409), since
 *   two imports of the same places would race, and a check is as heavy as an import.
 * - A job is read with the territory's edit right, and only through its own territory (tenancy).
 * - A finished job is kept a short while (KEEP_MS), then forgotten; a restart forgets every job
 *   (the commit is one transaction: an interrupted import has written nothing).
 */

/** Files at least this big run as jobs with a progress bar: about 1,000 places (~600 bytes each in
 * JSON, ~500 in CSV), which take ~0.3 s to check and ~0.5 s to import on PGlite. Below that an import
 * is over before a progress bar would have anything to show, so it answers in the same request. */
export const JOB_FROM_BYTES = 512 * 1024;
/** How long a finished job stays readable (its report page, a late poll). */
export const KEEP_MS = 30 * 60 * 1000;

export type ImportJobKind = "check" | "commit";
export type ImportJobState = ImportPhase | "queued" | "done" | "failed";

export type ImportJob = {
  id: string;
  kind: ImportJobKind;
  territoryId: string;
  filename: string;
  /** Who started it (a user id, or the system's label). */
  startedBy: string;
  startedAt: number;
  state: ImportJobState;
  done: number;
  total: number;
  finishedAt?: number;
  /** When done. */
  report?: ImportReport;
  /** When failed: a French sentence for the person who started it. */
  error?: string;
  /** A check keeps the checked file for the commit (uploads.ts). */
  upload?: string;
  /** A commit that checks the whole file before writing (PGlite). */
  checkedFirst?: boolean;
};

/** What the progress route and the page get: a copy, never the live job. */
export type ImportJobView = Readonly<ImportJob> & { percent: number; finished: boolean };

// Kept on globalThis: Next.js may load this module more than once, and every copy must see the same jobs.
const shared = globalThis as unknown as { __maillageImportJobs?: Map<string, ImportJob> };
const jobs = (shared.__maillageImportJobs ??= new Map<string, ImportJob>());
const settled = new Map<string, Promise<void>>();

const FAILED_MESSAGE = "L'import s'est arrêté sur une erreur inattendue : aucun lieu n'a été enregistré. Réessayez dans un instant ; si cela recommence, signalez-le à l'équipe de la plateforme.";

/** Finished jobs kept at most (a report of 20,000 lines weighs ~10 MB). */
const KEEP_FINISHED = 20;

function forgetOld(now: number): void {
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== undefined).sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  finished.forEach((job, i) => {
    if (now - (job.finishedAt ?? now) > KEEP_MS || finished.length - i > KEEP_FINISHED) {
      jobs.delete(job.id);
      settled.delete(job.id);
    }
  });
}

/**
 * Percentage shown to people. A commit on PGlite checks the whole file, then writes it: the check
 * fills the first half of the bar, the writes the second (elsewhere both go together).
 */
function percentOf(job: ImportJob): number {
  if (job.state === "done") return 100;
  if (job.total <= 0) return 0;
  const share = job.done / job.total;
  const halves = job.kind === "commit" && job.checkedFirst;
  const value = !halves ? share : job.state === "checking" ? share / 2 : 0.5 + share / 2;
  return Math.min(99, Math.floor(100 * value));
}

function view(job: ImportJob): ImportJobView {
  return { ...job, percent: percentOf(job), finished: job.state === "done" || job.state === "failed" };
}

/** The import running for this territory, if any. */
export function runningImport(territoryId: string): ImportJobView | undefined {
  for (const job of jobs.values()) if (job.territoryId === territoryId && job.finishedAt === undefined) return view(job);
  return undefined;
}

/** Refuses (409) to start anything while an import of this territory runs. */
export function assertNoRunningImport(territoryId: string): void {
  const running = runningImport(territoryId);
  if (running) {
    throw new AppError("import_running", {
      message: `Un import de lieux est déjà en cours pour ce territoire (« ${running.filename} », ${running.percent} %). Attendez qu'il se termine avant d'en lancer un autre.`,
    });
  }
}

/**
 * Starts `run` as a job and returns at once. `run` receives the progress callback to hand to
 * `importPlaces`. The caller has already checked the actor's rights (importPlaces checks them again).
 */
export function startImportJob(input: {
  kind: ImportJobKind;
  territory: Pick<Territory, "id">;
  actor: Actor;
  filename: string;
  upload?: string;
  run: (onProgress: ImportProgress) => Promise<ImportReport>;
}): ImportJobView {
  const now = Date.now();
  forgetOld(now);
  assertNoRunningImport(input.territory.id);
  const job: ImportJob = {
    id: randomBytes(16).toString("base64url"),
    kind: input.kind,
    territoryId: input.territory.id,
    filename: input.filename.slice(0, 200),
    startedBy: input.actor.kind === "user" ? input.actor.userId : input.actor.kind === "system" ? input.actor.label : "anonyme",
    startedAt: now,
    state: "queued",
    done: 0,
    total: 0,
    ...(input.upload ? { upload: input.upload } : {}),
  };
  jobs.set(job.id, job);
  const onProgress: ImportProgress = (done, total, phase) => {
    if (phase === "checking") job.checkedFirst = true;
    job.state = phase;
    job.done = done;
    job.total = total;
  };
  // Started a moment later: the action's answer (the redirect to the progress page) goes out first.
  const running = new Promise<void>((resolve) => setTimeout(resolve, 20))
    .then(() => input.run(onProgress))
    .then(
      (report) => {
        job.report = report;
        job.state = "done";
      },
      (e: unknown) => {
        if (!isAppError(e)) console.error("[import] erreur inattendue", e);
        job.error = isAppError(e) ? e.message : FAILED_MESSAGE;
        job.state = "failed";
      },
    )
    .finally(() => {
      job.finishedAt = Date.now();
    });
  settled.set(job.id, running);
  return view(job);
}

/**
 * A job, for a person allowed to edit its territory, read through that territory only: a job of
 * another territory is "not found", whoever asks.
 */
export function readImportJob(actor: Actor, territory: Territory, jobId: string): ImportJobView {
  if (!territoryPolicy.edit(actor, territory)) throw new AppError("forbidden");
  const job = jobs.get(jobId);
  if (!job || job.territoryId !== territory.id) throw new AppError("not_found", { message: "Cet import n'existe pas ou plus (les imports terminés sont gardés 30 minutes)." });
  return view(job);
}

/** Resolves when the job has finished (tests, the CLI). */
export async function importJobFinished(jobId: string): Promise<void> {
  await settled.get(jobId);
}
