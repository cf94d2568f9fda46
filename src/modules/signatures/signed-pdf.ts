import { eq } from "drizzle-orm";
import type { Database, Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { defineJob, jobQueue } from "@/platform/jobs/queue";
import { printHtml } from "@/platform/pdf";
import { territories } from "@/modules/territories";
import { storeSignedPdf } from "./commands";
import { findVersionById, signaturesOf, signedPdfInfo } from "./queries";

/**
 * What the signed PDF prints: a standalone HTML page of a version. The charter's own rendering lives in
 * the composition layer (`renderCharterHtml(await charterDocument(db, territory, versionId))`), which a
 * module may not import: the start-up registers it here (src/boot.ts). Until then the module's minimal
 * page below is printed.
 */
export type CharterHtmlRenderer = (db: Executor, territoryId: string, versionId: string) => Promise<string>;

const shared = globalThis as unknown as { __maillageCharterRenderer?: CharterHtmlRenderer };

export function registerCharterHtmlRenderer(render: CharterHtmlRenderer): void {
  shared.__maillageCharterRenderer = render;
}

export function charterHtml(db: Executor, territoryId: string, versionId: string): Promise<string> {
  return (shared.__maillageCharterRenderer ?? minimalCharterHtml)(db, territoryId, versionId);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const frenchDateTime = (iso: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));

/** Any JSON value as nested HTML (the canonical content's shape belongs to the charter module). */
function contentHtml(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return `<p>${escapeHtml(String(value))}</p>`;
  if (Array.isArray(value)) return `<ul>${value.map((v) => `<li>${contentHtml(v, depth + 1)}</li>`).join("")}</ul>`;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `<div><strong>${escapeHtml(k)}</strong>${contentHtml(v, depth + 1)}</div>`)
    .join("");
}

/**
 * REPLACED AT MERGE by CHARTER's `renderCharterHtml(charterDocument(…))` (registered in src/boot.ts).
 * A minimal printable page: the frozen canonical content as it is stored, the signature table and the
 * certificate page with the hashes.
 */
export async function minimalCharterHtml(db: Executor, territoryId: string, versionId: string): Promise<string> {
  const version = await findVersionById(db, territoryId, versionId);
  if (!version) throw new AppError("not_found", { message: "Cette version de la charte n'existe pas." });
  const { rows, certificate } = await signaturesOf(db, territoryId, versionId);
  const table = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.partner)}</td><td>${escapeHtml(r.signatory)}${r.title ? `, ${escapeHtml(r.title)}` : ""}</td><td>${r.signedAt ? frenchDateTime(r.signedAt) : "—"}</td><td>${r.how === "en_ligne" ? "en ligne" : r.how === "manuscrite" ? "manuscrite" : "non signée"}</td></tr>`,
    )
    .join("");
  const cert = certificate
    ? `<section style="break-before:page"><h2>Certificat de signature</h2><p>Empreinte SHA-256 du contenu canonique de la version ${version.number} : <code>${certificate.contentSha256}</code></p>
<table><thead><tr><th scope="col">N°</th><th scope="col">Signataire</th><th scope="col">Date</th><th scope="col">Empreintes (contenu, consentement, entrée du journal)</th></tr></thead><tbody>${certificate.entries
        .map((e) => `<tr><td>${e.seq}</td><td>${escapeHtml(e.signatory)}</td><td>${frenchDateTime(e.signedAt)}</td><td><code>${e.contentSha256}</code><br><code>${e.consentSha256 || "—"}</code><br><code>${e.entryHash}</code></td></tr>`)
        .join("")}</tbody></table></section>`
    : "";
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(version.charterTitle)} — version ${version.number}</title>
<style>body{font-family:Marianne,arial,sans-serif;font-size:11pt;line-height:1.4}code{font-size:8pt;word-break:break-all}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:4px;text-align:left;vertical-align:top}</style></head>
<body><h1>${escapeHtml(version.charterTitle)} — version ${version.number}</h1>${contentHtml(version.content)}
<section><h2>Signatures</h2><table><thead><tr><th scope="col">Partenaire</th><th scope="col">Signataire</th><th scope="col">Signée le</th><th scope="col">Forme</th></tr></thead><tbody>${table}</tbody></table></section>${cert}</body></html>`;
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

/** Queues the print (one at a time per version: asking twice while it runs does nothing more). */
export async function requestSignedPdf(database: Database, territoryId: string, versionId: string): Promise<void> {
  await (
    await jobQueue(database)
  ).enqueue(signedPdfJob, { scopeId: territoryId, label: "PDF signé de la charte", input: { territoryId, versionId }, exclusiveKey: `charter-signed-pdf:${versionId}` });
}
