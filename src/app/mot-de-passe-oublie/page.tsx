import type { Metadata } from "next";
import { ActionForm, Field } from "@/ui/form";
import { requestResetAction } from "@/modules/accounts/actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Mot de passe oublié</h1>
        <p>Indiquez l&apos;adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.</p>
        <ActionForm action={requestResetAction} submitLabel="Recevoir le lien">
          <Field name="email" label="Adresse électronique" hint="Format attendu : nom@domaine.fr" type="email" autoComplete="email" required />
        </ActionForm>
      </div>
    </div>
  );
}
