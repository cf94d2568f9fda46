import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/platform/auth/actor";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { actorOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { importJobFinished, readImportJob, startImportJob, type ImportJobView } from "./import-jobs";
import { places } from "./schema";

/*
 * Long imports run as jobs in the server's memory (import-jobs.ts): what the progress bar and the
 * report page rely on. Territory A (Angoulême) and territory B (Cognac), each with its coordinator;
 * A also has an observer.
 */

let database: Database;
let angouleme: Territory;
let cognac: Territory;
let coordinatorA: Actor;
let observerA: Actor;
let coordinatorB: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-jobs" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-jobs" });
  const [a, o, b] = [await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, angouleme.id, a.id, "coordinator");
  await addMember(db, angouleme.id, o.id, "observer");
  await addMember(db, cognac.id, b.id, "coordinator");
  [coordinatorA, observerA, coordinatorB] = [await actorOf(db, a.id), await actorOf(db, o.id), await actorOf(db, b.id)];
});
afterAll(async () => {
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

async function finished(job: ImportJobView, actor: Actor, territory: Territory): Promise<ImportJobView> {
  await importJobFinished(job.id);
  return readImportJob(actor, territory, job.id);
}

describe("a long import as a job", () => {
  it("reports its progress as it goes, then the report at the end", async () => {
    const seen: ImportJobView[] = [];
    let id = "";
    const job = startImportJob({
      kind: "commit",
      territory: angouleme,
      actor: coordinatorA,
      filename: "progression.json",
      run: (onProgress) =>
        importPlaces(database.db, coordinatorA, {
          bytes: file(1200, "prog"),
          filename: "progression.json",
          source: "test-progression",
          territory: angouleme,
          dryRun: false,
          onProgress: (done, total, phase) => {
            onProgress(done, total, phase);
            seen.push(readImportJob(coordinatorA, angouleme, id));
          },
        }),
    });
    id = job.id;
    // The action answers at once: nothing has run yet.
    expect(job).toMatchObject({ state: "queued", done: 0, percent: 0, finished: false });

    const end = await finished(job, coordinatorA, angouleme);
    expect(end).toMatchObject({ state: "done", percent: 100, finished: true });
    expect(end.report).toMatchObject({ records: 1200, created: 1200, rejected: 0, dryRun: false });
    expect(await placesFrom("test-progression")).toBe(1200);

    // Records are checked 500 at a time: the job went through several intermediate states.
    const saving = seen.filter((s) => s.state === "saving");
    expect(saving.at(-1)).toMatchObject({ done: 1200, total: 1200 });
    const intermediate = seen.filter((s) => s.percent > 0 && s.percent < 100);
    expect(intermediate.length).toBeGreaterThanOrEqual(2);
    const percents = seen.map((s) => s.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it("refuses a second import of the same territory while one runs (409), not one of another territory", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = startImportJob({
      kind: "check",
      territory: angouleme,
      actor: coordinatorA,
      filename: "lent.json",
      run: async (onProgress) => {
        await gate;
        return importPlaces(database.db, coordinatorA, { bytes: file(3, "lent"), filename: "lent.json", territory: angouleme, dryRun: true, onProgress });
      },
    });
    const second = () =>
      startImportJob({ kind: "commit", territory: angouleme, actor: coordinatorA, filename: "autre.json", run: () => importPlaces(database.db, coordinatorA, { bytes: file(1, "autre"), filename: "autre.json", territory: angouleme, dryRun: false }) });
    const refused = (() => {
      try {
        second();
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ id: "import_running", status: 409 });
    expect((refused as AppError).message).toBe("Un import de lieux est déjà en cours pour ce territoire (« lent.json », 0 %). Attendez qu'il se termine avant d'en lancer un autre.");

    // Another territory is not held up.
    const elsewhere = startImportJob({
      kind: "check",
      territory: cognac,
      actor: coordinatorB,
      filename: "cognac.json",
      run: (onProgress) => importPlaces(database.db, coordinatorB, { bytes: file(2, "cognac"), filename: "cognac.json", territory: cognac, dryRun: true, onProgress }),
    });
    // Angoulême's places are outside Cognac's perimeter: a dry run that skips both.
    expect((await finished(elsewhere, coordinatorB, cognac)).report).toMatchObject({ records: 2, skipped: 2 });

    release();
    expect((await finished(slow, coordinatorA, angouleme)).report).toMatchObject({ records: 3, dryRun: true });
    // Once it is over, the territory may import again.
    const after = second();
    expect((await finished(after, coordinatorA, angouleme)).report).toMatchObject({ created: 1 });
    expect(await placesFrom("autre.json")).toBe(1);
  });

  it("reports a failure half-way in French, with nothing written", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const job = startImportJob({
        kind: "commit",
        territory: angouleme,
        actor: coordinatorA,
        filename: "panne.json",
        run: (onProgress) =>
          importPlaces(database.db, coordinatorA, {
            bytes: file(1500, "panne"),
            filename: "panne.json",
            source: "test-panne",
            territory: angouleme,
            dryRun: false,
            onProgress: (done, total, phase) => {
              onProgress(done, total, phase);
              // Something breaks once the first 1,000 places are written (inside the transaction).
              if (phase === "saving" && done >= 1000) throw new Error("panne de courant simulée");
            },
          }),
      });
      const end = await finished(job, coordinatorA, angouleme);
      expect(end).toMatchObject({ state: "failed", finished: true });
      expect(end.report).toBeUndefined();
      expect(end.error).toBe(
        "L'import s'est arrêté sur une erreur inattendue : aucun lieu n'a été enregistré. Réessayez dans un instant ; si cela recommence, signalez-le à l'équipe de la plateforme.",
      );
      expect(await placesFrom("test-panne")).toBe(0);
      expect(quiet).toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }

    // A refusal the application knows says why, in its own words.
    const refused = startImportJob({
      kind: "commit",
      territory: angouleme,
      actor: observerA,
      filename: "observateur.json",
      run: () => importPlaces(database.db, observerA, { bytes: file(1, "obs"), filename: "observateur.json", territory: angouleme, dryRun: false }),
    });
    expect((await finished(refused, coordinatorA, angouleme)).error).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
    expect(await placesFrom("observateur.json")).toBe(0);
  });

  it("is read only by the territory's coordinators, and only through that territory", async () => {
    const job = startImportJob({
      kind: "check",
      territory: angouleme,
      actor: coordinatorA,
      filename: "lecture.json",
      run: (onProgress) => importPlaces(database.db, coordinatorA, { bytes: file(1, "lecture"), filename: "lecture.json", territory: angouleme, dryRun: true, onProgress }),
    });
    await importJobFinished(job.id);
    expect(readImportJob(coordinatorA, angouleme, job.id).report).toMatchObject({ records: 1 });
    const attempt = (actor: Actor, territory: Territory, id = job.id) => {
      try {
        readImportJob(actor, territory, id);
        return "lu";
      } catch (e) {
        return e instanceof AppError ? e.status : e;
      }
    };
    // The coordinator of Cognac: not allowed in Angoulême, and the job is unknown through Cognac.
    expect(attempt(coordinatorB, angouleme)).toBe(403);
    expect(attempt(coordinatorB, cognac)).toBe(404);
    // An observer of Angoulême cannot import, so cannot follow an import either; nor can a visitor.
    expect(attempt(observerA, angouleme)).toBe(403);
    expect(attempt({ kind: "anonymous" }, angouleme)).toBe(403);
    expect(attempt(coordinatorA, angouleme, "inconnu")).toBe(404);
  });
});
