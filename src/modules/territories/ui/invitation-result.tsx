"use client";

import type { ActionState } from "@/platform/web/action";
import { CopyButton } from "@/ui/copy-button";
import { formatDate } from "@/platform/text";

/** Shows a new invitation link once, ready to copy and send. */
export function invitationResult(state: ActionState) {
  const link = state.result?.link ?? "";
  const expires = state.result?.expiresAt ? formatDate(new Date(state.result.expiresAt)) : "";
  return (
    <div className="fr-alert fr-alert--success fr-mb-3w">
      <h3 className="fr-alert__title">Invitation créée</h3>
      <p>
        Transmettez ce lien à la personne invitée (il ne sera plus affiché ensuite ; valable jusqu&apos;au {expires}) :
      </p>
      <p>
        <label className="fr-label" htmlFor="lien-invitation">
          Lien d&apos;invitation
        </label>
        <input className="fr-input" id="lien-invitation" readOnly value={link} data-testid="invitation-link" />
        <CopyButton text={link} />
      </p>
    </div>
  );
}
