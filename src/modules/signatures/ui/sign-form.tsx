"use client";

import { ActionForm, CheckboxGroup, Hidden } from "@/ui/form";
import { signCharterAction } from "../actions";

/**
 * The consent screen's form: the consent text as displayed, the hashes the signer was shown in hidden fields
 * (the server compares them with the stored ones), and an explicit tick. Works without JavaScript.
 */
export function SignForm(props: { territory: string; version: number; partnerId: string; partnerName: string; contentSha256: string; consentText: string; consentSha256: string }) {
  return (
    <ActionForm action={signCharterAction} submitLabel={`Signer au nom de ${props.partnerName}`}>
      <Hidden name="territory" value={props.territory} />
      <Hidden name="version" value={String(props.version)} />
      <Hidden name="partner" value={props.partnerId} />
      <Hidden name="contentSha256" value={props.contentSha256} />
      <Hidden name="consentSha256" value={props.consentSha256} />
      <div className="fr-callout fr-mb-3w">
        <h3 className="fr-callout__title">Texte de consentement</h3>
        <p className="fr-callout__text">{props.consentText}</p>
        <p className="fr-text--xs fr-mb-0">
          Empreinte SHA-256 de ce texte : <code className="fr-text--xs" style={{ wordBreak: "break-all" }}>{props.consentSha256}</code>
        </p>
      </div>
      <CheckboxGroup name="consent" legend="Votre consentement" options={[{ value: "oui", label: "J'ai lu cette version en entier et je la signe, dans les termes du texte ci-dessus." }]} />
    </ActionForm>
  );
}
