import { eq } from "drizzle-orm";
import type { Database, Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { defineJob, jobQueue } from "@/platform/jobs/queue";
import { printHtml } from "@/platform/pdf";
import { territories } from "@/modules/territories";
import { storeSignedPdf } from "./commands";
import { findVersionById, signedPdfInfo, signedPdfKey } from "./queries";

/**
 * What the signed PDF prints: a standalone HTML page of a version. The charter's own rendering lives in
 * the composition layer (`renderCharterHtml(await charterDocument(db, territory, versionId))`), which a
 * module may not import: the start-up registers it here (src/boot.ts).
 */
export type CharterHtmlRenderer = (db: Executor, territoryId: string, versionId: string) => Promise<string>;

const shared = globalThis as unknown as { __maillageCharterRenderer?: CharterHtmlRenderer };

export function registerCharterHtmlRenderer(render: CharterHtmlRenderer): void {
  shared.__maillageCharterRenderer = render;
}

export function charterHtml(db: Executor, territoryId: string, versionId: string): Promise<string> {
  const render = shared.__maillageCharterRenderer;
  if (!render) throw new Error("no charter renderer registered: import src/boot.ts first");
  return render(db, territoryId, versionId);
}

export type SignedPdfInput = { territoryId: string; versionId: string };

/** The signed PDF of a version, printed once, kept with its hash in the journal (storeSignedPdf). */
export const signedPdfJob = defineJob<SignedPdfInput>({
  name: "charter-signed-pdf",
  concurrency: () => 1,
  timeoutSeconds: 5 * 60,
  keepSeconds: 24 * 60 * 60,
  failedMessage: "L'impression du PDF signé a échoué. La coordination peut la relancer depuis la page des signatures de la version.",
  interruptedMessage: "L'impression du PDF signé a été interrompue par un arrêt du serveur. La coordination peut la relancer depuis la page des signatures.",
  async run({ db, input }) {
    return { output: await printSignedPdf(db, input.territoryId, input.versionId) };
  },
});

/** Prints and keeps the signed PDF (nothing printed when it already exists: it is printed once). */
export async function printSignedPdf(db: Db, territoryId: string, versionId: string): Promise<{ sha256: string; stored: boolean }> {
  const existing = await signedPdfInfo(db, territoryId, versionId);
  if (existing) return { sha256: existing.sha256, stored: false };
  const version = await findVersionById(db, territoryId, versionId);
  const [territory] = await db.select({ name: territories.name }).from(territories).where(eq(territories.id, territoryId));
  if (!version || !territory) throw new AppError("not_found", { message: "Cette version de la charte n'existe pas." });
  const html = await charterHtml(db, territoryId, versionId);
  const bytes = await printHtml(html, `${version.charterTitle} — ${territory.name} — version ${version.number} signée`);
  return storeSignedPdf(db, { kind: "system", label: "Maillage (impression du PDF signé)" }, territoryId, versionId, bytes);
}

/**
 * Queues the print (one at a time per version: asking twice while it runs does nothing more). Called after the
 * last signature's transaction committed, by whoever made it (the online signatory or the coordination
 * recording a paper signature): the same call either way.
 */
export async function requestSignedPdf(database: Database, territoryId: string, versionId: string): Promise<void> {
  await (
    await jobQueue(database)
  ).enqueue(signedPdfJob, { scopeId: territoryId, label: "PDF signé de la charte", input: { territoryId, versionId }, exclusiveKey: signedPdfKey(versionId) });
}
