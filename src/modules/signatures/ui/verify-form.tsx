"use client";

import { ActionForm, FileField } from "@/ui/form";
import { FILE_PENDING_NOTE, SIGNED_PDF_FILE } from "@/platform/files/limits";
import type { ActionState } from "@/platform/web/action";
import { verifySignedPdfAction } from "../actions";
import type { PdfCheck } from "../queries";

const when = (iso: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
const day = (iso: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));

function Result({ state }: { state: ActionState }) {
  const check = JSON.parse(state.result?.check ?? "null") as PdfCheck | null;
  if (!check) return null;
  const name = state.result?.filename ?? "";
  if (!check.match) {
    return (
      <div className="fr-alert fr-alert--warning fr-mt-3w">
        <h2 className="fr-alert__title">Ce fichier n&apos;est pas une version signée enregistrée</h2>
        <p>
          Aucun journal de signatures de Maillage ne contient le fichier « {name} » (empreinte SHA-256 <code style={{ wordBreak: "break-all" }}>{check.sha256}</code>). Soit ce
          n&apos;est pas le PDF signé produit par Maillage, soit il a été modifié depuis, même d&apos;un seul caractère.
        </p>
      </div>
    );
  }
  const m = check.match;
  return (
    <div className="fr-alert fr-alert--success fr-mt-3w">
      <h2 className="fr-alert__title">Ce fichier est une version signée enregistrée au journal</h2>
      <p>
        « {name} » est la version {m.versionNumber} de « {m.charterTitle} », territoire {m.territoryName}, produite le {when(m.printedAt)} après la dernière signature
        (empreinte SHA-256 <code style={{ wordBreak: "break-all" }}>{check.sha256}</code>).
      </p>
      <ul>
        {m.signatures.map((s) => (
          <li key={`${s.partner}-${s.signedAt}`}>
            {s.partner} : signée par {s.signatory}
            {s.title ? `, ${s.title}` : ""}, {s.how === "en_ligne" ? `en ligne le ${when(s.signedAt)}` : `à la main le ${day(s.signedAt)} (page numérisée inscrite au journal)`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Anyone checks a PDF (without JavaScript too): its hash is looked up in the signature journals. */
export function VerifyForm() {
  return (
    <ActionForm action={verifySignedPdfAction} submitLabel="Vérifier ce PDF" pendingNote={FILE_PENDING_NOTE} success={(state) => <Result state={state} />}>
      <FileField
        name="file"
        label="Fichier PDF de la charte signée"
        hint={`${SIGNED_PDF_FILE.limitLabel} au plus. Le fichier n'est pas conservé : seule son empreinte est calculée et recherchée.`}
        accept={SIGNED_PDF_FILE.accept}
        maxBytes={SIGNED_PDF_FILE.maxBytes}
        limitLabel={SIGNED_PDF_FILE.limitLabel}
      />
    </ActionForm>
  );
}
