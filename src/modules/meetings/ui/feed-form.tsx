"use client";

import type { ActionState } from "@/platform/web/action";
import { ActionForm, Hidden } from "@/ui/form";
import { CopyButton } from "@/ui/copy-button";
import { regenerateFeedAction } from "@/modules/meetings/actions";

function feedResult(state: ActionState) {
  const url = state.result?.url ?? "";
  return (
    <div className="fr-alert fr-alert--success fr-mb-3w">
      <h4 className="fr-alert__title">Adresse d&apos;abonnement créée</h4>
      <p>{state.message}</p>
      <p>
        <label className="fr-label" htmlFor="adresse-abonnement">
          Adresse d&apos;abonnement (secrète : ne la partagez pas)
        </label>
        <input className="fr-input" id="adresse-abonnement" readOnly value={url} data-testid="feed-url" />
        <CopyButton text={url} label="Copier l'adresse" />
      </p>
    </div>
  );
}

/** Creates (or replaces) the person's secret calendar address; shown once after creation. */
export function FeedForm({ territory, label }: { territory: string; label: string }) {
  return (
    <ActionForm action={regenerateFeedAction} submitLabel={label} success={feedResult}>
      <Hidden name="territory" value={territory} />
    </ActionForm>
  );
}
