/**
 * The three steps every printed document shares (état des lieux, plan, charter, evaluation report):
 * ask (the print page joins the PDF job queue, then a 303 to the waiting page), wait (only the person who
 * asked sees their run), download (the file, for that person only). Routes pass their paths and words.
 */
import type { Database, Db } from "@/platform/db/client";
import type { Principal } from "@/platform/auth/principal";
import { jobQueue, readRun, runFile, type JobRun } from "@/platform/jobs/queue";
import { pdfAvailable, pdfJob, type PdfJobInput } from "@/platform/pdf";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small standalone French page for a PDF route's refusal (routes answer files, not React pages). */
export function pdfMessage(status: number, title: string, bodyHtml: string): Response {
  return new Response(
    `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto"><h1>${escapeHtml(title)}</h1><p>${bodyHtml}</p></body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

export const pdfRefusal = (why: "not_found" | "forbidden" | string) =>
  why === "not_found" ? pdfMessage(404, "PDF indisponible", "Ce territoire n'existe pas.") : pdfMessage(403, "PDF indisponible", "Vous n'avez pas les droits nécessaires pour cette action.");

export type PdfRequest = {
  scopeId: string;
  ownerId: string;
  /** Shown on the waiting page and printed in the footer. */
  label: string;
  /** The print page of this server (with `impression=1`). */
  printPath: string;
  filename: string;
  /** The waiting page's path without the run id (`…/pdf`): the answer is a 303 to `${waitBase}/${run}`. */
  waitBase: string;
  /** Where the person can print it themselves when this server has no Chromium. */
  fallbackHtml: string;
};

/** Queues the print as the person who asked (their cookie, erased from the run once printed) and sends them to wait. */
export async function askPdf(database: Database, request: Request, ask: PdfRequest): Promise<Response> {
  if (!pdfAvailable()) return pdfMessage(503, "PDF indisponible", `Ce serveur ne peut pas produire de PDF (navigateur Chromium absent). ${ask.fallbackHtml}`);
  const queued = await (
    await jobQueue(database)
  ).enqueue(pdfJob, {
    scopeId: ask.scopeId,
    ownerId: ask.ownerId,
    label: ask.label,
    input: { path: ask.printPath, footer: ask.label, filename: ask.filename },
    secret: request.headers.get("cookie") ?? "",
  });
  if (!queued.ok) throw new Error("pdf queue has no exclusive key");
  return new Response(null, { status: 303, headers: { location: `${ask.waitBase}/${queued.run.id}`, "cache-control": "no-store" } });
}

/** The run, when it is a print of this territory asked by this person; anyone else gets undefined (a 404). */
export async function ownPdfRun(db: Db, runId: string, scopeId: string, principal: Principal): Promise<JobRun | undefined> {
  if (principal.kind !== "user") return undefined;
  const run = await readRun(db, runId);
  if (!run || run.queue !== pdfJob.name || run.scopeId !== scopeId || run.ownerId !== principal.userId) return undefined;
  return run;
}

/** The printed file for its owner, or a French 404 saying where to ask again. */
export async function pdfFile(db: Db, run: JobRun | undefined, askAgainFrom: string): Promise<Response> {
  const file = run ? await runFile(db, run.id) : undefined;
  if (!run || !file) return pdfMessage(404, "PDF introuvable", `Ce PDF n'existe pas ou plus (il est gardé 30 minutes). Demandez-le à nouveau depuis ${escapeHtml(askAgainFrom)}.`);
  const { filename } = run.input as PdfJobInput;
  return new Response(new Blob([new Uint8Array(file)]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, "-")}"`,
      "cache-control": "private, no-store",
    },
  });
}
