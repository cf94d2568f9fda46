import { eq } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { loadUserPrincipal } from "@/platform/auth/principals";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { readingFile } from "@/platform/files/slots";
import { activeRun, defineJob, readRun, type JobQueue, type JobRun } from "@/platform/jobs/queue";
import { territories, type Territory, territoryPolicy } from "@/modules/territories";
import { importPlaces, type ImportPhase } from "./commands";
import { importReportView, type ImportReportView } from "./import-view";
import { dropUpload, takeUpload } from "./uploads";

/**
 * Long imports of places run as jobs of the database's queue (src/platform/jobs, ADR 008): the
 * form's action keeps the file (uploads.ts) and queues the job; the page then shows its progress
 * (polling a small JSON route with JavaScript, refreshing itself without), then its report, as a
 * short import shows it at once. Any app process may run the job, and any one shows its progress.
 *
 * - One import at a time per territory (a check or a commit): a second one is refused (409), since
 *   two imports of the same places would race, and a check is as heavy as an import.
 * - A job is read with the territory's edit right, and only through its own territory (tenancy).
 * - Its report (what the page shows: the counts and the first rows) is kept KEEP_SECONDS, then
 *   deleted by the cleanup job. An import interrupted by a restart is marked failed: it is one
 *   transaction, so it has written nothing.
 */

/** Files at least this big run as jobs with a progress bar: about 1,000 places (~600 bytes each in
 * JSON, ~500 in CSV), which take ~0.3 s to check and ~0.5 s to import on PGlite. Below that an import
 * is over before a progress bar would have anything to show, so it answers in the same request. */
export const JOB_FROM_BYTES = 512 * 1024;
/** How long a finished job stays readable (its report page, a late poll). */
export const KEEP_SECONDS = 30 * 60;

export type ImportJobKind = "check" | "commit";
export type ImportJobState = ImportPhase | "queued" | "done" | "failed";

type ImportJobInput = { kind: ImportJobKind; territoryId: string; upload: string; filename: string };

/** What the progress route and the page get. */
export type ImportJobView = {
  id: string;
  kind: ImportJobKind;
  territoryId: string;
  filename: string;
  /** Who started it (a user id). */
  startedBy: string | null;
  state: ImportJobState;
  done: number;
  total: number;
  /** When done: what the page shows of the report. */
  report?: ImportReportView;
  /** When failed: a French sentence for the person who started it. */
  error?: string;
  /** A check keeps the checked file for the commit (uploads.ts). */
  upload?: string;
  /** A commit that checks the whole file before writing (PGlite). */
  checkedFirst: boolean;
  percent: number;
  finished: boolean;
};

const FAILED_MESSAGE = "L'import s'est arrêté sur une erreur inattendue : aucun lieu n'a été enregistré. Réessayez dans un instant ; si cela recommence, signalez-le à l'équipe de la plateforme.";
const INTERRUPTED_MESSAGE =
  "L'import a été interrompu par un arrêt du serveur : aucun lieu n'a été enregistré (un import s'écrit en une seule fois). Déposez le fichier à nouveau pour le relancer.";
const GONE_MESSAGE = "Le fichier à importer n'est plus disponible (plus d'une heure) : déposez-le à nouveau.";
/** A commit on PGlite reports "checking" then "saving": the second phase is told apart for the bar. */
const SAVING_AFTER_CHECK = "saving-checked";

export const placesImportJob = defineJob<ImportJobInput>({
  name: "places-import",
  // One import per process at a time: an import holds a transaction and a file's records in memory.
  concurrency: () => 1,
  timeoutSeconds: 30 * 60,
  keepSeconds: KEEP_SECONDS,
  failedMessage: FAILED_MESSAGE,
  interruptedMessage: INTERRUPTED_MESSAGE,
  async run({ db, input, ownerId, progress }) {
    // Rights are those of the person now, not when they queued it (importPlaces checks them again).
    const principal = ownerId ? await loadUserPrincipal(db, ownerId) : undefined;
    const [territory] = await db.select().from(territories).where(eq(territories.id, input.territoryId));
    if (!principal || !territory) throw new AppError("forbidden");
    const upload = await takeUpload(db, principal, territory, input.upload);
    if (!upload || upload === "expired") throw new AppError("not_found", { message: GONE_MESSAGE });
    let checked = false;
    // The job reads the file like a form does: it holds the territory's file slot and one of the process's
    // (platform/files/slots.ts), so that a job and a small check cannot read files of one territory at once.
    const report = await readingFile(territory.id, () =>
      importPlaces(db, principal, {
        ...upload,
        territory,
        dryRun: input.kind === "check",
        onProgress: (done, total, phase) => {
          if (phase === "checking") checked = true;
          progress(done, total, input.kind === "commit" && phase === "saving" && checked ? SAVING_AFTER_CHECK : phase);
        },
      }),
    );
    if (input.kind === "commit") await dropUpload(db, principal, territory, input.upload);
    return { output: importReportView(report) };
  },
});

/**
 * Percentage shown to people. A commit on PGlite checks the whole file, then writes it: the check
 * fills the first half of the bar, the writes the second (elsewhere both go together).
 */
function percentOf(kind: ImportJobKind, state: ImportJobState, checkedFirst: boolean, done: number, total: number): number {
  if (state === "done") return 100;
  if (total <= 0) return 0;
  const share = done / total;
  const halves = kind === "commit" && checkedFirst;
  const value = !halves ? share : state === "checking" ? share / 2 : 0.5 + share / 2;
  return Math.min(99, Math.floor(100 * value));
}

function view(run: JobRun): ImportJobView {
  const input = run.input as ImportJobInput;
  const phase = run.phase === SAVING_AFTER_CHECK ? "saving" : ((run.phase ?? "reading") as ImportPhase);
  const state: ImportJobState = run.state === "running" ? phase : run.state;
  const checkedFirst = run.phase === SAVING_AFTER_CHECK || (input.kind === "commit" && run.phase === "checking");
  return {
    id: run.id,
    kind: input.kind,
    territoryId: input.territoryId,
    filename: run.label,
    startedBy: run.ownerId,
    state,
    done: run.done,
    total: run.total,
    ...(run.state === "done" && run.output ? { report: run.output as ImportReportView } : {}),
    ...(run.error ? { error: run.error } : {}),
    ...(input.kind === "check" ? { upload: input.upload } : {}),
    checkedFirst,
    percent: percentOf(input.kind, state, checkedFirst, run.done, run.total),
    finished: run.state === "done" || run.state === "failed",
  };
}

const exclusiveKey = (territoryId: string) => `places-import:${territoryId}`;

/** The import queued or running for this territory, if any. */
export async function runningImport(db: Db, territoryId: string): Promise<ImportJobView | undefined> {
  const run = await activeRun(db, exclusiveKey(territoryId));
  return run ? view(run) : undefined;
}

function busy(running: ImportJobView): AppError {
  return new AppError("import_running", {
    message: `Un import de lieux est déjà en cours pour ce territoire (« ${running.filename} », ${running.percent} %). Attendez qu'il se termine avant d'en lancer un autre.`,
  });
}

/** Refuses (409) to start anything while an import of this territory is queued or runs. */
export async function assertNoRunningImport(db: Db, territoryId: string): Promise<void> {
  const running = await runningImport(db, territoryId);
  if (running) throw busy(running);
}

/**
 * Queues the check or the commit of a kept file (uploads.ts) and returns at once. The caller has
 * already checked the principal's rights (the job checks them again when it runs).
 */
export async function startImportJob(
  queue: JobQueue,
  input: { kind: ImportJobKind; territory: Pick<Territory, "id">; principal: Principal; filename: string; upload: string },
): Promise<ImportJobView> {
  if (input.principal.kind !== "user") throw new AppError("forbidden");
  const queued = await queue.enqueue(placesImportJob, {
    scopeId: input.territory.id,
    ownerId: input.principal.userId,
    label: input.filename,
    exclusiveKey: exclusiveKey(input.territory.id),
    input: { kind: input.kind, territoryId: input.territory.id, upload: input.upload, filename: input.filename.slice(0, 200) },
  });
  if (!queued.ok) throw busy(view(queued.running));
  return view(queued.run);
}

/**
 * A job, for a person allowed to edit its territory, read through that territory only: a job of
 * another territory (or of another kind) is "not found", whoever asks.
 */
export async function readImportJob(db: Db, principal: Principal, territory: Territory, jobId: string): Promise<ImportJobView> {
  if (!territoryPolicy.edit(principal, territory)) throw new AppError("forbidden");
  const run = await readRun(db, jobId);
  if (!run || run.queue !== placesImportJob.name || run.scopeId !== territory.id) {
    throw new AppError("not_found", { message: "Cet import n'existe pas ou plus (les imports terminés sont gardés 30 minutes)." });
  }
  return view(run);
}
