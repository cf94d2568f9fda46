import { readFile, stat } from "node:fs/promises";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { PdfUnavailable, printHtml } from "@/platform/pdf";
import { charterVersions } from "@/modules/charter";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { charterHtml, checkPdf, currentSignableVersion, findVersionByNumber, journalEntries, checkChain, printSignedPdf, signedPdfOf } from "@/modules/signatures";
import { charterDocument } from "@/composition/charter/document";
import { charterOdt } from "@/composition/charter/odt";

const usage = `Utilisation :
  npx maillage charter pdf --territory ADRESSE [--version N]
  npx maillage charter odt --territory ADRESSE [--version N]
  npx maillage charter verify FICHIER.pdf
  npx maillage charter journal --territory ADRESSE`;

/** The largest file `charter verify` reads (a signed charter is a few megabytes). */
const MAX_VERIFY_BYTES = 200 * 1024 * 1024;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const write = (data: string | Uint8Array) => new Promise<void>((resolve, reject) => process.stdout.write(typeof data === "string" ? data : Buffer.from(data), (e) => (e ? reject(e) : resolve())));
const when = (iso: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));

/**
 * `npx maillage charter pdf|odt|verify|journal`: data on standard output (the PDF, the ODT, the check as
 * JSON, the journal as JSON lines), every message on standard error. Exit codes: 0 done (verify: recorded;
 * journal: chain verified), 1 verify: not recorded / journal: chain broken / the PDF could not be printed,
 * 2 usage or unknown territory, version or file.
 */
export async function charterCommand(db: Db, [sub, ...args]: string[]): Promise<number> {
  if (sub === "verify") return verify(db, args[0]);
  if (sub !== "pdf" && sub !== "odt" && sub !== "journal") {
    console.error(usage);
    return 2;
  }
  const slug = option(args, "--territory");
  if (!slug) {
    console.error(usage);
    return 2;
  }
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : « ${slug} ». Voir : npx maillage territories list`);
    return 2;
  }
  if (sub === "journal") return journal(db, territory.id, territory.name);
  const versionText = option(args, "--version");
  const number = versionText === undefined ? undefined : Number(versionText);
  if (number !== undefined && (!Number.isInteger(number) || number < 1)) {
    console.error(`Numéro de version invalide : « ${versionText} » (un entier à partir de 1).`);
    return 2;
  }
  const version =
    number !== undefined
      ? await findVersionByNumber(db, territory.id, number)
      : ((await currentSignableVersion(db, territory.id)) ?? (await latestVersionNumber(db, territory.id).then((n) => (n ? findVersionByNumber(db, territory.id, n) : undefined))));
  if (!version) {
    console.error(number === undefined ? `« ${territory.name} » n'a pas encore de charte.` : `La charte de « ${territory.name} » n'a pas de version ${number}.`);
    return 2;
  }
  if (sub === "odt") {
    await write(await charterOdt(await charterDocument(db, territory, version.id)));
    console.error(`Version ${version.number} de « ${version.charterTitle} » en ODT${version.status === "signee" ? " (le PDF signé reste la pièce de référence : son empreinte est au journal)" : ""}.`);
    return 0;
  }
  try {
    if (version.status === "signee") {
      // The signed PDF is the one stored (its hash is in the journal); printed here once if its job never ran.
      let pdf = await signedPdfOf(db, territory.id, version.id);
      if (!pdf) {
        console.error("Le PDF signé n'avait pas encore été produit : impression et inscription au journal…");
        await printSignedPdf(db, territory.id, version.id);
        pdf = await signedPdfOf(db, territory.id, version.id);
      }
      if (!pdf) return 1;
      await write(pdf.bytes);
      console.error(`PDF signé de la version ${version.number} de « ${version.charterTitle} » (SHA-256 ${pdf.sha256}).`);
      return 0;
    }
    const bytes = await printHtml(await charterHtml(db, territory.id, version.id), `${version.charterTitle} — ${territory.name} — version ${version.number}`);
    await write(bytes);
    console.error(`Version ${version.number} de « ${version.charterTitle} » (${version.status === "soumise" ? "soumise à signature, pas encore signée par tous" : version.status}) : ce PDF n'est pas le PDF signé.`);
    return 0;
  } catch (e) {
    if (e instanceof PdfUnavailable) {
      console.error(`Impossible de produire le PDF : ${e.message}. Indiquez le navigateur avec CHROMIUM_PATH.`);
      return 1;
    }
    throw e;
  }
}

async function latestVersionNumber(db: Db, territoryId: string): Promise<number | undefined> {
  const [row] = await db.select({ number: charterVersions.number }).from(charterVersions).where(eq(charterVersions.territoryId, territoryId)).orderBy(desc(charterVersions.number)).limit(1);
  return row?.number;
}

async function verify(db: Db, file: string | undefined): Promise<number> {
  if (!file) {
    console.error(usage);
    return 2;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    console.error(`Fichier introuvable : « ${file} ».`);
    return 2;
  }
  if (info.size > MAX_VERIFY_BYTES) {
    console.error(`Le fichier « ${file} » est trop gros pour être une charte signée (plus de 200 Mo).`);
    return 2;
  }
  const check = await checkPdf(db, new Uint8Array(await readFile(file)));
  await write(`${JSON.stringify(check)}\n`);
  if (!check.match) {
    console.error(`Ce fichier n'est pas une version signée enregistrée au journal (SHA-256 ${check.sha256}).`);
    return 1;
  }
  const m = check.match;
  console.error(`Version ${m.versionNumber} signée de « ${m.charterTitle} » (${m.territoryName}), produite le ${when(m.printedAt)} :`);
  for (const s of m.signatures) console.error(`  ${s.partner} : ${s.signatory}${s.title ? `, ${s.title}` : ""}, ${s.how === "en_ligne" ? "en ligne" : "à la main"} le ${when(s.signedAt)}`);
  return 0;
}

async function journal(db: Db, territoryId: string, territoryName: string): Promise<number> {
  const entries = await journalEntries(db, territoryId);
  for (const e of entries) await write(`${JSON.stringify({ ...e, signedAt: e.signedAt.toISOString(), recordedAt: e.recordedAt.toISOString() })}\n`);
  const check = checkChain(entries);
  if (!check.ok) {
    console.error(`Journal des signatures de « ${territoryName} » : chaîne ROMPUE à l'entrée n° ${check.brokenAt} (${check.reason}).`);
    return 1;
  }
  console.error(`Journal des signatures de « ${territoryName} » : ${check.count} entrée(s), chaîne vérifiée${check.count ? ` (dernière empreinte ${check.lastHash})` : ""}.`);
  return 0;
}
