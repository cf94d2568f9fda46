"use client";

import type { ReactNode } from "react";
import type { ActionState } from "@/platform/web/action";
import { FILE_PENDING_NOTE } from "@/platform/files/limits";
import { ActionForm, FileField, Hidden } from "./form";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;
type FileProps = { name: string; label: string; hint: string; maxBytes: number; limitLabel: string; accept: string };

/**
 * A file imported in two steps, as places and indicators are: the first form checks the file and writes
 * nothing (its report comes back through `checked`), the second imports the file the check kept (`upload`).
 */
export function CheckFileForm({ action, territory, file, checked }: { action: ActionFn; territory: string; file: FileProps; checked: (state: ActionState) => ReactNode }) {
  return (
    <ActionForm action={action} submitLabel="Vérifier le fichier" success={checked} pendingNote={FILE_PENDING_NOTE}>
      <Hidden name="territory" value={territory} />
      <FileField {...file} />
    </ActionForm>
  );
}

/** The check's summary (children), then the button that imports the checked file (or why there is nothing to import), then the report's details. */
export function CheckedFile(props: {
  heading: "h2" | "h3";
  filename: string;
  /** The report's summary, shown above the import button. */
  children: ReactNode;
  /** The long part of the report (its lines), shown below the button so that the button stays in view. */
  details?: ReactNode;
  /** Absent when nothing can be imported. */
  commit?: { action: ActionFn; label: string; territory: string; upload: string; note: string; success: (state: ActionState) => ReactNode };
  nothing: string;
}) {
  const Heading = props.heading;
  const { commit } = props;
  return (
    <section aria-labelledby="verification-titre" className="fr-mb-4w">
      <Heading id="verification-titre">Vérification de « {props.filename} »</Heading>
      {props.children}
      {commit ? (
        <ActionForm action={commit.action} submitLabel={commit.label} success={commit.success}>
          <Hidden name="territory" value={commit.territory} />
          <Hidden name="upload" value={commit.upload} />
          <p>{commit.note}</p>
        </ActionForm>
      ) : (
        <p>{props.nothing}</p>
      )}
      {props.details}
    </section>
  );
}
