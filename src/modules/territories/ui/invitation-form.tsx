"use client";

import { ActionForm, Field, Hidden, SelectField } from "@/ui/form";
import { createInvitationAction } from "@/modules/territories/actions";
import { invitationResult } from "./invitation-result";

export function InvitationForm({ territory, roleOptions }: { territory: string; roleOptions: { value: string; label: string }[] }) {
  return (
    <ActionForm action={createInvitationAction} submitLabel="Créer le lien d'invitation" success={invitationResult}>
      <Hidden name="territory" value={territory} />
      <SelectField name="role" label="Rôle de la personne invitée" options={roleOptions} defaultValue="partner" />
      <Field name="label" label="Note (facultatif)" hint="Pour vous souvenir à qui est destiné le lien, par exemple : Centre social de La Couronne." maxLength={200} />
    </ActionForm>
  );
}
