import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { resetPasswordAction } from "@/modules/accounts/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token, error } = readSingleSearchParams(await searchParams);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Choisir un nouveau mot de passe</h1>
        {!token || error ? (
          <div className="fr-alert fr-alert--error fr-mb-3w">
            <p>
              Ce lien n&apos;est plus valable. <Link href="/mot-de-passe-oublie">Demandez-en un nouveau</Link>.
            </p>
          </div>
        ) : (
          <ActionForm action={resetPasswordAction} submitLabel="Enregistrer le nouveau mot de passe">
            <Hidden name="token" value={token} />
            <Field name="password" label="Nouveau mot de passe" hint="Au moins 12 caractères." type="password" autoComplete="new-password" required />
            <Field name="passwordConfirm" label="Confirmez le nouveau mot de passe" type="password" autoComplete="new-password" required />
          </ActionForm>
        )}
      </div>
    </div>
  );
}
