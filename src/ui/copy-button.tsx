"use client";

import { useEffect, useState } from "react";

/**
 * Copies a text to the clipboard. Shown only once JavaScript runs (a button that does nothing would mislead);
 * without it the text stays in a read-only field the person can select and copy by hand.
 */
export function CopyButton({ text, label = "Copier le lien" }: { text: string; label?: string }) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-clipboard-line fr-btn--icon-left fr-mt-1w"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className="fr-ml-2w">
        {status === "copied" ? "Lien copié." : status === "failed" ? "La copie a échoué : sélectionnez le lien et copiez-le." : ""}
      </span>
    </>
  );
}
