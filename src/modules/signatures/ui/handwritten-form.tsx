"use client";

import { ActionForm, Field, FileField, Hidden, SelectField } from "@/ui/form";
import { FILE_PENDING_NOTE, SCAN_FILE } from "@/platform/files/limits";
import { recordHandwrittenAction } from "../actions";

/** The coordinator records a handwritten signature with the scanned signed page. */
export function HandwrittenForm(props: { territory: string; version: number; partners: { value: string; label: string }[]; today: string }) {
  return (
    <ActionForm action={recordHandwrittenAction} submitLabel="Inscrire la signature manuscrite" pendingNote={FILE_PENDING_NOTE}>
      <Hidden name="territory" value={props.territory} />
      <Hidden name="version" value={String(props.version)} />
      {/* No structure chosen in advance: a journal entry cannot be undone, so the coordination names it. */}
      <SelectField name="partner" label="Structure qui a signé sur papier" options={[{ value: "", label: "— Choisissez la structure —" }, ...props.partners]} defaultValue="" />
      <Field name="signedOn" type="date" label="Date écrite sur la page signée" defaultValue={props.today} required />
      <Field name="signatoryName" label="Nom de la personne qui a signé" hint="Laissé vide : la personne désignée par la structure." maxLength={200} />
      <Field name="signatoryTitle" label="Sa qualité" hint="Par exemple : maire, présidente. Laissé vide : celle indiquée par la structure." maxLength={200} />
      <FileField
        name="file"
        label="Page signée numérisée"
        hint={`PDF, PNG ou JPEG, ${SCAN_FILE.limitLabel} au plus. Son empreinte SHA-256 est inscrite au journal.`}
        accept={SCAN_FILE.accept}
        maxBytes={SCAN_FILE.maxBytes}
        limitLabel={SCAN_FILE.limitLabel}
      />
    </ActionForm>
  );
}
