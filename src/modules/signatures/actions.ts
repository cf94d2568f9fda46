"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clientAddress } from "@/platform/auth/rate-limit";
import type { Database } from "@/platform/db/client";
import { isAppError } from "@/platform/errors";
import { SCAN_FILE, SIGNED_PDF_FILE } from "@/platform/files/limits";
import { receiveUpload } from "@/platform/files/upload";
import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import { authorize } from "@/platform/auth/policy";
import { recordHandwritten, signOnline } from "./commands";
import { journalPolicy } from "./policy";
import { checkPdf, currentSignableVersion, findVersionByNumber, signedPdfInfo } from "./queries";
import { requestSignedPdf } from "./signed-pdf";
import { handwrittenSchema, signSchema, type HandwrittenInput, type SignInput } from "./validation";
import { claimVerification } from "./verify-limit";
import { AppError } from "@/platform/errors";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const versionPath = (slug: string, n: number) => `/espace/${slug}/charte/versions/${n}`;

/**
 * Queues the signed PDF after the last signature. The signature is already committed: a queue that fails here
 * must not tell the signer that nothing happened. The signatures page then says that the PDF is not printed
 * and offers the coordination to ask for it again.
 */
async function queueSignedPdf(database: Database, territoryId: string, versionId: string): Promise<void> {
  try {
    await requestSignedPdf(database, territoryId, versionId);
  } catch (e) {
    console.error("[signatures] impression du PDF signé non demandée :", e);
  }
}

/**
 * The consent screen's form. A version that changed since it was displayed sends the signer to the
 * version to read now, with a notice (no signature was recorded). The last signature queues the signed PDF.
 */
export async function signCharterAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction<SignInput>(
    form,
    async ({ db, principal, territory, input }) => {
      try {
        const { complete, version } = await signOnline(db, principal, territory, input);
        if (complete) await queueSignedPdf((await getRuntime()).database, territory.id, version.id);
        revalidatePath(`/espace/${territory.slug}/charte`, "layout");
        return { redirect: `${versionPath(territory.slug, input.version)}/signatures?signee=1` };
      } catch (e) {
        if (!isAppError(e) || e.id !== "charter_changed") throw e;
        const current = await currentSignableVersion(db, territory.id);
        return { redirect: `${versionPath(territory.slug, current?.number ?? input.version)}/signer?changee=1` };
      }
    },
    { schema: signSchema },
  );
}

/**
 * The coordinator records a handwritten signature with the scanned signed page. The last one makes the version
 * signed: the form leaves the page then (nothing is left to record), so the coordinator is sent to the page
 * reloaded with the outcome, where the signed PDF's print shows; otherwise the form says it and stays for the next.
 */
export async function recordHandwrittenAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction<HandwrittenInput>(
    form,
    async ({ db, principal, territory, input }) => {
      const scan = await receiveUpload(form, SCAN_FILE);
      const { complete, version, entry } = await recordHandwritten(db, principal, territory, input, scan);
      if (complete) await queueSignedPdf((await getRuntime()).database, territory.id, version.id);
      revalidatePath(`/espace/${territory.slug}/charte`, "layout");
      if (complete) return { redirect: `${versionPath(territory.slug, input.version)}/signatures?manuscrite=${entry.seq}` };
      return { status: "success", message: `La signature manuscrite de ${entry.partnerName} est inscrite au journal (entrée n° ${entry.seq}).` };
    },
    { schema: handwrittenSchema },
  );
}

/** Asks again for the signed PDF of a fully signed version, when its printing failed (it is printed once). */
export async function printSignedPdfAction(form: FormData): Promise<void> {
  const n = Number(form.get("version"));
  const back = `${versionPath(String(form.get("territory") ?? ""), Number.isInteger(n) && n > 0 ? n : 1)}/signatures`;
  await territoryPlainAction(form, back, async ({ db, principal, territory }) => {
    authorize(journalPolicy.print(principal, territory));
    const version = Number.isInteger(n) && n > 0 ? await findVersionByNumber(db, territory.id, n) : undefined;
    if (!version) throw new AppError("not_found", { message: "Cette version de la charte n'existe pas." });
    if (version.status !== "signee") throw new AppError("not_signable");
    if (await signedPdfInfo(db, territory.id, version.id)) return { redirect: `${versionPath(territory.slug, n)}/signatures?pdf=existe` };
    await requestSignedPdf((await getRuntime()).database, territory.id, version.id);
    return { redirect: `${versionPath(territory.slug, n)}/signatures?pdf=demande` };
  });
}

/**
 * Anyone (signed in or not) checks a PDF against the signature journals: its SHA-256 is computed here and
 * looked up; the file itself is not kept. Counted per client address before the file is read (verify-limit.ts).
 */
export async function verifySignedPdfAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    await claimVerification(db, clientAddress(await headers()));
    const { bytes, filename } = await receiveUpload(form, SIGNED_PDF_FILE);
    const check = await checkPdf(db, bytes);
    return { status: "success", result: { check: JSON.stringify(check), filename: filename.slice(0, 200) } };
  });
}
