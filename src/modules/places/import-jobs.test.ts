import { readingFile } from "@/platform/files/slots";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { JobQueue } from "@/platform/jobs/queue";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { placesImportJob, readImportJob, runningImport, startImportJob, type ImportJobKind, type ImportJobView } from "./import-jobs";
import { places } from "./schema";
import { keepUpload, takeUpload } from "./uploads";

/*
 * Long imports run as jobs of the database's queue (import-jobs.ts): what the progress bar and the
 * report page rely on. Territory A (Angoulême) and territory B (Cognac), each with its coordinator;
 * A also has an observer.
 */

let database: Database;
let angouleme: Territory;
let cognac: Territory;
let coordinatorA: Principal;
let observerA: Principal;
let coordinatorB: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-jobs" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-jobs" });
  const [a, o, b] = [await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, angouleme.id, a.id, "coordinator");
  await addMember(db, angouleme.id, o.id, "observer");
  await addMember(db, cognac.id, b.id, "coordinator");
  [coordinatorA, observerA, coordinatorB] = [await principalOf(db, a.id), await principalOf(db, o.id), await principalOf(db, b.id)];
});
let queue: JobQueue;
const idle: JobQueue[] = [];
beforeAll(async () => {
  queue = await new JobQueue(database, { definitions: [placesImportJob as never], pollingIntervalSeconds: 0.5 }).start();
});
afterAll(async () => {
  await queue?.stop();
  for (const q of idle) await q.stop();
  await database?.close();
});

/** `n` valid places in Angoulême, as a JSON file of the standard. */
function file(n: number, prefix: string): Uint8Array {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i + 1}`,
    pivot: "00000000000000",
    nom: `Lieu ${prefix} ${i + 1}`,
    commune: "Angoulême",
    code_postal: "16000",
    code_insee: "16015",
    adresse: `${i + 1} rue du Test`,
    latitude: 45.65,
    longitude: 0.16,
    date_maj: "2026-11-01",
    services: "Aide aux démarches administratives",
  }));
  return new TextEncoder().encode(JSON.stringify(rows));
}

const placesFrom = async (source: string) => (await database.db.select({ n: count() }).from(places).where(eq(places.source, source)))[0]?.n ?? 0;

/** Keeps the file as the upload step does, then queues its check or import. */
async function start(kind: ImportJobKind, principal: Principal, territory: Territory, bytes: Uint8Array, filename: string, through = queue): Promise<ImportJobView> {
  const upload = await keepUpload(database.db, principal, territory, bytes, filename);
  return startImportJob(through, { kind, territory, principal, filename, upload });
}

async function finished(job: ImportJobView, principal: Principal, territory: Territory, seen: ImportJobView[] = []): Promise<ImportJobView> {
  const started = Date.now();
  for (;;) {
    const view = await readImportJob(database.db, principal, territory, job.id);
    seen.push(view);
    if (view.finished) return view;
    if (Date.now() - started > 60_000) throw new Error(`import ${job.id} toujours ${view.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function status(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return "lu";
  } catch (e) {
    return e instanceof AppError ? e.status : e;
  }
}

describe("a long import as a job", () => {
  it("reports its progress from the database as it goes, then the report at the end", async () => {
    const job = await start("commit", coordinatorA, angouleme, file(3000, "prog"), "progression.json");
    // The action answers at once: nothing has run yet.
    expect(job).toMatchObject({ state: "queued", done: 0, percent: 0, finished: false, filename: "progression.json" });
    const seen: ImportJobView[] = [];
    const end = await finished(job, coordinatorA, angouleme, seen);
    expect(end).toMatchObject({ state: "done", percent: 100, finished: true, done: 3000, total: 3000 });
    expect(end.report).toMatchObject({ records: 3000, created: 3000, rejected: 0, dryRun: false });
    expect(await placesFrom("progression.json")).toBe(3000);
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // The report kept is what the page shows (counts and the first 500 lines), not 3,000 lines.
    expect(end.report?.lines).toHaveLength(500);
    // A commit consumes its checked file.
    expect(await takeUpload(database.db, coordinatorA, angouleme, job.upload ?? "")).toBeUndefined();
  });

  it("refuses a second import of the same territory while one waits or runs (409), not one of another territory", async () => {
    // A process without workers: the check waits in the queue.
    const waiting = await new JobQueue(database, { definitions: [placesImportJob as never] }).start({ workers: false });
    idle.push(waiting);
    await queue.stop();
    const slow = await start("check", coordinatorA, angouleme, file(3, "lent"), "lent.json", waiting);
    expect((await runningImport(database.db, angouleme.id))?.id).toBe(slow.id);
    const refused = await start("commit", coordinatorA, angouleme, file(1, "autre"), "autre.json", waiting).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ id: "import_running", status: 409 });
    expect((refused as AppError).message).toBe("Un import de lieux est déjà en cours pour ce territoire (« lent.json », 0 %). Attendez qu'il se termine avant d'en lancer un autre.");

    // Another territory is not held up.
    const elsewhere = await start("check", coordinatorB, cognac, file(2, "cognac"), "cognac.json", waiting);
    // A process with workers comes up and runs what waits.
    queue = await new JobQueue(database, { definitions: [placesImportJob as never], pollingIntervalSeconds: 0.5 }).start();
    // Angoulême's places are outside Cognac's perimeter: a dry run that skips both.
    expect((await finished(elsewhere, coordinatorB, cognac)).report).toMatchObject({ records: 2, skipped: 2 });
    const checked = await finished(slow, coordinatorA, angouleme);
    expect(checked.report).toMatchObject({ records: 3, dryRun: true });
    // A check keeps its file for the commit.
    expect(await takeUpload(database.db, coordinatorA, angouleme, checked.upload ?? "")).toMatchObject({ filename: "lent.json" });
    // Once it is over, the territory may import again.
    const after = await start("commit", coordinatorA, angouleme, file(1, "autre"), "autre.json");
    expect((await finished(after, coordinatorA, angouleme)).report).toMatchObject({ created: 1 });
    expect(await placesFrom("autre.json")).toBe(1);
  });

  it("says in French why it failed, with nothing written", async () => {
    // An observer queued nothing through the page, but the job checks the rights again when it runs.
    const upload = await keepUpload(database.db, observerA, angouleme, file(1, "obs"), "observateur.json");
    const refused = await startImportJob(queue, { kind: "commit", territory: angouleme, principal: observerA, filename: "observateur.json", upload });
    const end = await finished(refused, coordinatorA, angouleme);
    expect(end).toMatchObject({ state: "failed", finished: true });
    expect(end.report).toBeUndefined();
    expect(end.error).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
    expect(await placesFrom("observateur.json")).toBe(0);

    // The checked file is gone (expired, or never this person's): the job says so.
    const lost = await startImportJob(queue, { kind: "commit", territory: angouleme, principal: coordinatorA, filename: "perdu.json", upload: "A".repeat(24) });
    expect((await finished(lost, coordinatorA, angouleme)).error).toBe("Le fichier à importer n'est plus disponible (plus d'une heure) : déposez-le à nouveau.");
  });

  it("waits for no other reading of the territory's files: while a form reads one, the job says so in French and writes nothing", async () => {
    let release = () => {};
    const held = readingFile(angouleme.id, () => new Promise<void>((resolve) => (release = resolve)));
    try {
      const job = await start("commit", coordinatorA, angouleme, file(2, "occupe"), "occupe.json");
      const end = await finished(job, coordinatorA, angouleme);
      expect(end).toMatchObject({ state: "failed", finished: true });
      expect(end.error).toBe("Un fichier est déjà en cours de lecture pour ce territoire : attendez la fin de sa vérification, puis déposez à nouveau le vôtre.");
      expect(await placesFrom("occupe.json")).toBe(0);
    } finally {
      release();
      await held;
    }
  });

  it("is read only by the territory's coordinators, and only through that territory", async () => {
    const job = await start("check", coordinatorA, angouleme, file(1, "lecture"), "lecture.json");
    expect((await finished(job, coordinatorA, angouleme)).report).toMatchObject({ records: 1 });
    const attempt = (principal: Principal, territory: Territory, id = job.id) => status(readImportJob(database.db, principal, territory, id));
    // The coordinator of Cognac: not allowed in Angoulême, and the job is unknown through Cognac.
    expect(await attempt(coordinatorB, angouleme)).toBe(403);
    expect(await attempt(coordinatorB, cognac)).toBe(404);
    // An observer of Angoulême cannot import, so cannot follow an import either; nor can a visitor.
    expect(await attempt(observerA, angouleme)).toBe(403);
    expect(await attempt({ kind: "anonymous" }, angouleme)).toBe(403);
    expect(await attempt(coordinatorA, angouleme, "inconnu")).toBe(404);
  });
});
